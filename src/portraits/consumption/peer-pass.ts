import type { Queryable } from '../../db/db.js';
import { SqlParams } from './compile-sql.js';

/** The peer group of customers whose area has too few customers of their segment. */
export const ALL_AREAS = '*';

/**
 * SQL for the newest day any meter of the transformer area `area` (an SQL expression) was read,
 * either segment: what a meter's own last reading is compared with (采集中断). One expression
 * for the profile pass and for the sweep's choice of whom to rerun, so both mean the same day.
 */
export const areaReadUntil = (area: string): string =>
  `(SELECT max(pa.last_read_on) FROM consumption_peer pa WHERE pa.transformer_area_id = ${area})`;

/**
 * Peer figures per transformer area and segment, from consumption_month (not the readings):
 * the median customer's daily kWh over the window and per month, the newest day any of them
 * was read (what a meter that stopped reporting is compared with), and per 旬 the seasonal
 * index, the median over peers of (旬 daily average ÷ the peer's own window average). Being a
 * median of ratios, the index is the same whatever mix of small and large customers an area
 * has, and a few thieves or empty homes among the peers do not move it.
 *
 * `areas` null recomputes every group and the all-areas group; a list recomputes those
 * areas' groups only (an incremental rebuild of a few customers).
 */
export async function rebuildPeerFigures(tx: Queryable, asOf: Date, areas: readonly string[] | null): Promise<void> {
  const scope = areas === null ? 'TRUE' : 'c.transformer_area_id = ANY($1::text[])';
  const scopeParams = areas === null ? [] : [[...areas]];
  await tx.query(
    'CREATE TEMP TABLE consumption_peer_customer (customer_id bigint, segment text, area text, avg_daily real, last_read_on date) ON COMMIT DROP',
  );
  await tx.query(
    `INSERT INTO consumption_peer_customer
     SELECT c.customer_id, c.customer_type, c.transformer_area_id, sum(m.kwh) / nullif(sum(m.days_read), 0), s.last_read_on
     FROM consumption_month m JOIN customer c USING (customer_id)
     LEFT JOIN consumption_daily_summary s USING (customer_id)
     WHERE ${scope} GROUP BY c.customer_id, c.customer_type, c.transformer_area_id, s.last_read_on`,
    scopeParams,
  );
  await tx.query('ANALYZE consumption_peer_customer');
  if (areas === null) {
    await tx.query('DELETE FROM consumption_peer');
    await tx.query('DELETE FROM consumption_peer_month');
  } else {
    await tx.query('DELETE FROM consumption_peer WHERE transformer_area_id = ANY($1::text[])', scopeParams);
    await tx.query('DELETE FROM consumption_peer_month WHERE transformer_area_id = ANY($1::text[])', scopeParams);
  }
  // The all-areas group is a second grouping set of the same scan; customers without an area
  // belong to it only (their area-level group of NULL is dropped by HAVING).
  const sets = (keys: string) =>
    areas === null ? `GROUPING SETS ((pc.area, ${keys}), (${keys}))` : `pc.area, ${keys}`;
  const p = new SqlParams();
  const asOfParam = p.add(asOf, 'timestamptz');
  const all = p.add(ALL_AREAS, 'text');
  const group = `CASE WHEN GROUPING(pc.area) = 1 THEN ${all} ELSE pc.area END`;
  await tx.query(
    `INSERT INTO consumption_peer (transformer_area_id, segment, customers, median_daily_kwh, as_of, last_read_on)
     SELECT ${group}, pc.segment, count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY pc.avg_daily), ${asOfParam}, max(pc.last_read_on)
     FROM consumption_peer_customer pc WHERE pc.avg_daily IS NOT NULL
     GROUP BY ${sets('pc.segment')} HAVING GROUPING(pc.area) = 1 OR pc.area IS NOT NULL`,
    p.values,
  );
  await tx.query(
    `WITH monthly AS (
       SELECT ${group} AS area, pc.segment, m.month, count(*) AS customers,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY m.kwh / m.days_read) AS median_daily
       FROM consumption_month m JOIN consumption_peer_customer pc USING (customer_id)
       WHERE m.days_read > 0
       GROUP BY ${sets('pc.segment, m.month')} HAVING GROUPING(pc.area) = 1 OR pc.area IS NOT NULL
     ), dekads AS (
       SELECT ${group} AS area, pc.segment, m.month, k.k,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY (m.dekad_kwh[k.k] / m.dekad_days[k.k]) / pc.avg_daily) AS idx
       FROM consumption_month m JOIN consumption_peer_customer pc USING (customer_id)
       CROSS JOIN generate_series(1, 3) AS k(k)
       WHERE m.dekad_days[k.k] > 0 AND pc.avg_daily > 0
       GROUP BY ${sets('pc.segment, m.month, k.k')} HAVING GROUPING(pc.area) = 1 OR pc.area IS NOT NULL
     ), indexed AS (
       SELECT area, segment, month,
         ARRAY[max(idx) FILTER (WHERE k = 1), max(idx) FILTER (WHERE k = 2), max(idx) FILTER (WHERE k = 3)]::real[] AS seasonal_index
       FROM dekads GROUP BY area, segment, month
     )
     INSERT INTO consumption_peer_month (transformer_area_id, segment, month, customers, median_daily_kwh, seasonal_index, as_of)
     SELECT mo.area, mo.segment, mo.month, mo.customers, mo.median_daily, coalesce(i.seasonal_index, ARRAY[NULL, NULL, NULL]::real[]), ${asOfParam}
     FROM monthly mo LEFT JOIN indexed i USING (area, segment, month)`,
    p.values,
  );
}
