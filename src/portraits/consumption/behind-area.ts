import type { Queryable } from '../../db/db.js';
import { areaReadUntil } from './peer-pass.js';

/**
 * Of these customers, those whose profile no longer tells how far their readings trail their
 * area: the area has been read to a newer day than the profile last saw, and the customer's
 * own readings stop before it. Readings mark the customers they arrive for; a meter that fell
 * silent gets no mark of its own, so this is what the sweep's `time` reruns its profile for
 * (a few customers, not everyone's peer figures every day).
 */
export async function customersFallenBehindTheirArea(db: Queryable, customerIds: readonly number[]): Promise<number[]> {
  if (customerIds.length === 0) return [];
  const rows = await db.query<{ customer_id: number }>(
    `SELECT customer_id FROM (
       SELECT s.customer_id, s.last_read_on, cp.area_read_until AS seen, ${areaReadUntil('c.transformer_area_id')} AS read_until
       FROM consumption_daily_summary s
       JOIN customer c USING (customer_id)
       JOIN consumption_profile cp USING (customer_id)
       WHERE s.customer_id = ANY($1::bigint[])
     ) t
     WHERE last_read_on < read_until AND (seen IS NULL OR seen < read_until)`,
    [[...customerIds]],
  );
  return rows.map((r) => Number(r.customer_id));
}
