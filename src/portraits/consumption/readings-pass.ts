import type { Queryable } from '../../db/db.js';
import { batchFilter, type CustomerBatch } from './batch.js';
import { SqlParams } from './compile-sql.js';
import type { ConsumptionParameters } from './definition.js';

/**
 * The readings of a batch of customers summarised in two set-based statements over
 * meter_reading_month, each reading a month row's arrays in place (unnest in a LATERAL
 * subquery, aggregated per row) instead of first copying every day into a table: the month
 * rows (sums per month and per 旬), then the figures that need single days (runs of near-zero
 * days), which unnest the kWh series alone. Runs inside the caller's transaction.
 */
export async function summariseReadings(
  tx: Queryable,
  batch: CustomerBatch,
  asOf: Date,
  parameters: ConsumptionParameters,
): Promise<void> {
  {
    const p = new SqlParams();
    await tx.query(`DELETE FROM consumption_month WHERE ${batchFilter('customer_id', batch, p)}`, p.values);
  }
  {
    const p = new SqlParams();
    const asOfParam = p.add(asOf, 'timestamptz');
    const asOfDate = `(${asOfParam} AT TIME ZONE 'Asia/Shanghai')::date`;
    // A reading is a whole local day's total, known once the day is over: days before the
    // as-of date count, the as-of day itself does not. NULL elements are days without a reading.
    await tx.query(
      `INSERT INTO consumption_month (customer_id, month, days_read, kwh, peak_kwh, flat_kwh, valley_kwh, dekad_kwh, dekad_days,
         power_factor_avg, max_load_kw, as_of)
       SELECT r.customer_id, r.month, a.days_read, a.kwh, a.peak, a.flat, a.valley, a.dekad_kwh, a.dekad_days, a.pf, a.load, ${asOfParam}
       FROM meter_reading_month r
       CROSS JOIN LATERAL (
         SELECT count(d.kwh) AS days_read, sum(d.kwh) AS kwh, sum(d.peak) AS peak, sum(d.flat) AS flat, sum(d.valley) AS valley,
           ARRAY[coalesce(sum(d.kwh) FILTER (WHERE d.dom <= 10), 0), coalesce(sum(d.kwh) FILTER (WHERE d.dom BETWEEN 11 AND 20), 0),
                 coalesce(sum(d.kwh) FILTER (WHERE d.dom > 20), 0)]::real[] AS dekad_kwh,
           ARRAY[count(d.kwh) FILTER (WHERE d.dom <= 10), count(d.kwh) FILTER (WHERE d.dom BETWEEN 11 AND 20),
                 count(d.kwh) FILTER (WHERE d.dom > 20)]::smallint[] AS dekad_days,
           avg(d.pf) AS pf, max(d.load) AS load
         FROM unnest(r.kwh, r.peak_kwh, r.flat_kwh, r.valley_kwh, r.max_load_kw, r.power_factor)
           WITH ORDINALITY AS d(kwh, peak, flat, valley, load, pf, dom)
         WHERE r.month + (d.dom - 1)::int < ${asOfDate}
       ) a
       WHERE ${batchFilter('r.customer_id', batch, p)} AND r.month < ${asOfDate} AND a.days_read > 0`,
      p.values,
    );
  }

  {
    const p = new SqlParams();
    await tx.query(`DELETE FROM consumption_daily_summary WHERE ${batchFilter('customer_id', batch, p)}`, p.values);
  }
  const p = new SqlParams();
  const asOfParam = p.add(asOf, 'timestamptz');
  const asOfDate = `(${asOfParam} AT TIME ZONE 'Asia/Shanghai')::date`;
  // The recent window ends at the customer's last reading, as in the profile pass.
  const recentDays = p.add(parameters.recentDays, 'int');
  // Near-zero days are judged against the customer's own median month (daily average), so a
  // small flat and a factory are judged alike; the 12 month rows are cheap to take the median
  // of, where the 365 days would need a sort of every day of the batch.
  // Runs: the days that are near zero or unread, numbered by date, form islands; an island's
  // run is its first to last near-zero day, so a missing reading bridges a run and an island of
  // unread days alone is none. Only these few rows are sorted.
  await tx.query(
    `WITH own AS (
       SELECT customer_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY kwh / days_read) AS median, max(month) AS last_month
       FROM consumption_month WHERE ${batchFilter('customer_id', batch, p)} GROUP BY customer_id
     ), days AS (
       SELECT r.customer_id, r.month, o.last_month, r.month + (d.dom - 1)::int AS day, d.kwh IS NOT NULL AS read,
         d.kwh <= greatest(o.median * ${p.add(parameters.zeroDayShareOfMedian, 'float8')}, ${p.add(parameters.zeroDayFloorKwh, 'float8')}) AS zero
       FROM meter_reading_month r JOIN own o USING (customer_id)
       CROSS JOIN LATERAL unnest(r.kwh) WITH ORDINALITY AS d(kwh, dom)
       WHERE ${batchFilter('r.customer_id', batch, p)} AND r.month < ${asOfDate} AND r.month + (d.dom - 1)::int < ${asOfDate}
     ), flagged AS MATERIALIZED (
       -- Kept: the days of a run (near zero or unread) and every day of the months the recent
       -- window can reach (the last reading lies in last_month); a plain day read before those
       -- counts for nothing below.
       SELECT customer_id, day, read, zero FROM days
       WHERE zero OR NOT read OR month > last_month - (${recentDays} + 31)
     ), islands AS (
       SELECT customer_id, day, zero, day - (row_number() OVER (PARTITION BY customer_id ORDER BY day))::int AS island
       FROM flagged WHERE zero OR NOT read
     ), runs AS (
       SELECT DISTINCT ON (customer_id) customer_id,
         max(day) FILTER (WHERE zero) - min(day) FILTER (WHERE zero) + 1 AS days, max(day) FILTER (WHERE zero) AS ended_on
       FROM islands GROUP BY customer_id, island HAVING bool_or(zero)
       ORDER BY customer_id, days DESC, ended_on DESC
     ), last AS (
       SELECT customer_id, max(day) FILTER (WHERE read) AS last_day FROM flagged GROUP BY customer_id
     ), recent AS (
       SELECT f.customer_id, count(*) FILTER (WHERE f.read AND f.day > l.last_day - ${recentDays}) AS days,
         count(*) FILTER (WHERE f.zero AND f.day > l.last_day - ${recentDays}) AS zero_days
       FROM flagged f JOIN last l USING (customer_id) GROUP BY f.customer_id
     )
     INSERT INTO consumption_daily_summary (customer_id, as_of, median_daily_kwh, zero_run_max_days, zero_run_ended_on, recent_days, recent_zero_days)
     SELECT o.customer_id, ${asOfParam}, o.median, coalesce(r.days, 0), r.ended_on, c.days, c.zero_days
     FROM own o JOIN recent c USING (customer_id) LEFT JOIN runs r USING (customer_id)`,
    p.values,
  );
}
