import type { Queryable } from '../../db/db.js';
import type { FeatureComputer } from '../engine/compute-features.js';

/**
 * One labelled window: every customer's features as known at `featuresAt` and whether the
 * customer filed a complaint in [featuresAt, labelsUntil). Features only read rows before
 * `featuresAt` (the engine's windows end there), so the two never share a row.
 */
export interface LabelWindow {
  featuresAt: Date;
  labelsUntil: Date;
}

export interface LabelledRow {
  customerId: number;
  /** The inputs' raw values in input order; NaN where the feature had no value. */
  raw: Float64Array;
  /** 1 when the customer filed a complaint in the window. */
  label: 0 | 1;
}

export interface CollectOptions {
  batchSize?: number;
  /** Which customers without a complaint to keep (negative down-sampling); all when absent. */
  keepNegative?(customerId: number): boolean;
  onProgress?(done: number, total: number): void;
}

/**
 * Customers who had an account at `featuresAt`, with their input features and labels, in
 * batches: one grouped query per feature source per batch (the engine's FeatureComputer)
 * and one query for the window's complainers — never a query per customer.
 */
export async function* labelledRows(
  db: Queryable,
  computer: FeatureComputer,
  inputs: readonly string[],
  window: LabelWindow,
  options: CollectOptions = {},
): AsyncGenerator<LabelledRow[]> {
  const complainers = new Set(
    (
      await db.query<{ customer_id: number }>(
        `SELECT DISTINCT customer_id FROM work_order
         WHERE order_type = 'complaint' AND created_at >= $1 AND created_at < $2`,
        [window.featuresAt, window.labelsUntil],
      )
    ).map((r) => Number(r.customer_id)),
  );
  const customers = (
    await db.query<{ customer_id: number }>(
      `SELECT customer_id FROM customer
       WHERE opened_on IS NULL OR opened_on <= ($1::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
       ORDER BY customer_id`,
      [window.featuresAt],
    )
  )
    .map((r) => Number(r.customer_id))
    .filter((id) => complainers.has(id) || (options.keepNegative?.(id) ?? true));
  const batchSize = options.batchSize ?? 5_000;
  for (let i = 0; i < customers.length; i += batchSize) {
    const batch = customers.slice(i, i + batchSize);
    const features = await computer.compute(db, batch.map(String), window.featuresAt);
    yield batch.map((customerId) => {
      const values = features.get(String(customerId)) ?? {};
      const raw = Float64Array.from(inputs, (code) => values[code] ?? Number.NaN);
      return { customerId, raw, label: complainers.has(customerId) ? 1 : 0 };
    });
    options.onProgress?.(Math.min(i + batchSize, customers.length), customers.length);
  }
}
