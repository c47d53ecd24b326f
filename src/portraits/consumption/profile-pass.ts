import type { Queryable } from '../../db/db.js';
import { batchFilter, type CustomerBatch } from './batch.js';
import { compileCodes, compileLevelBand, SqlParams } from './compile-sql.js';
import type { ConsumptionDefinition } from './definition.js';
import { ALL_AREAS, areaReadUntil } from './peer-pass.js';

/**
 * Profiles of a batch from consumption_month, the daily summary and the peer figures, in one
 * statement: figures, level band, patterns, advice (the definition compiled to SQL).
 * Returns how many profiles were written. Customers of the batch without readings before
 * as-of lose their profile.
 *
 * Drop detection works on the seasonally adjusted 旬 level: the customer's 旬 daily average ÷
 * the peers' seasonal index for that 旬. A season or an area-wide outage moves the peers'
 * index as much as the customer, so it cancels; what is left is the customer's own change.
 * The change point is the split of that series (at least minSplitDays each side) with the
 * largest drop weighted by √(days before × days after ÷ days) — the two-sample statistic that
 * prefers a long, clear step over a short dip.
 */
export async function writeProfiles(
  tx: Queryable,
  batch: CustomerBatch,
  asOf: Date,
  definition: ConsumptionDefinition,
): Promise<number> {
  const { parameters: k } = definition;
  const p = new SqlParams();
  const asOfParam = p.add(asOf, 'timestamptz');
  const asOfDate = `(${asOfParam} AT TIME ZONE 'Asia/Shanghai')::date`;
  const all = p.add(ALL_AREAS, 'text');
  const months = (list: readonly number[]) => p.add([...list], 'int[]');
  const inMonths = (list: readonly number[]) => `extract(month FROM m.month)::int = ANY(${months(list)})`;
  const recentFrom = `r.read_until - ${p.add(k.recentDays, 'int')}`;
  const sustainFrom = `r.read_until - ${p.add(k.sustainDays, 'int')}`;
  const minSplit = p.add(k.minSplitDays, 'int');
  const batchWhere = batchFilter('c.customer_id', batch, p);
  // The batch again on each table joined to `cust`: the planner cannot carry the range over
  // the CTE, and without it hashed every customer's month rows (and daily summaries) for
  // each batch: 240,000 rows per batch of 5,000 at 20,000 customers, 12 M at a million.
  const monthsOfBatch = batchFilter('m.customer_id', batch, p);
  const summariesOfBatch = batchFilter('customer_id', batch, p);
  const minPeers = p.add(k.minPeers, 'int');
  const dropRatio = p.add(k.dropCandidateRatio, 'float8');
  const minTrendDays = p.add(k.minTrendMonthDays, 'int');
  const levelBand = compileLevelBand(definition, p, 'f');
  const patterns = compileCodes(definition.patterns, p, 'b');
  const advice = compileCodes(definition.advice, p, 'pt');
  const version = p.add(definition.version, 'int');

  const deleted = new SqlParams();
  await tx.query(`DELETE FROM consumption_profile WHERE ${batchFilter('customer_id', batch, deleted)}`, deleted.values);
  const rows = await tx.query<{ n: number }>(
    `WITH cust AS (
       SELECT c.customer_id, c.customer_type AS segment, ${areaReadUntil('c.transformer_area_id')} AS area_read_until,
         CASE WHEN g.customers >= ${minPeers} THEN c.transformer_area_id ELSE ${all} END AS peer_group
       FROM customer c
       LEFT JOIN consumption_peer g ON g.transformer_area_id = c.transformer_area_id AND g.segment = c.customer_type
       WHERE ${batchWhere} AND EXISTS (SELECT 1 FROM consumption_month m WHERE m.customer_id = c.customer_id)
     ), dekad AS (
       SELECT m.customer_id, m.month, (m.month + (k.k - 1) * 10) AS starts_on, m.dekad_days[k.k]::int AS days,
         m.dekad_kwh[k.k]::float8 AS kwh,
         coalesce(nullif(pm.seasonal_index[k.k], 0), nullif(pa.seasonal_index[k.k], 0))::float8 AS peer_index
       FROM cust JOIN consumption_month m USING (customer_id)
       CROSS JOIN generate_series(1, 3) AS k(k)
       LEFT JOIN consumption_peer_month pm ON pm.transformer_area_id = cust.peer_group AND pm.segment = cust.segment AND pm.month = m.month
       LEFT JOIN consumption_peer_month pa ON pa.transformer_area_id = ${all} AND pa.segment = cust.segment AND pa.month = m.month
       WHERE m.dekad_days[k.k] > 0 AND ${monthsOfBatch}
     ), adjusted AS (
       SELECT d.*, d.kwh / d.days / d.peer_index AS level FROM dekad d WHERE d.peer_index > 0
     ), cumulative AS (
       SELECT a.*,
         sum(a.level * a.days) OVER w AS s, sum(a.days) OVER w AS n, sum(a.kwh) OVER w AS raw,
         sum(a.level * a.days) OVER t AS s_all, sum(a.days) OVER t AS n_all, sum(a.kwh) OVER t AS raw_all,
         lead(a.starts_on) OVER o AS next_starts_on, lead(a.level) OVER o AS next_level, lead(a.days) OVER o AS next_days
       FROM adjusted a
       WINDOW o AS (PARTITION BY a.customer_id ORDER BY a.starts_on),
         w AS (PARTITION BY a.customer_id ORDER BY a.starts_on ROWS UNBOUNDED PRECEDING),
         t AS (PARTITION BY a.customer_id)
     ), split AS (
       SELECT DISTINCT ON (customer_id) customer_id, s / n AS before_level, (s_all - s) / (n_all - n) AS after_level,
         raw / n AS before_raw, n AS before_days, next_starts_on, level AS edge_before, days AS edge_before_days,
         next_level AS edge_after, next_days AS edge_after_days
       FROM cumulative
       WHERE n >= ${minSplit} AND n_all - n >= ${minSplit}
       ORDER BY customer_id, (s / n - (s_all - s) / (n_all - n)) * sqrt(n * (n_all - n)::float8 / n_all) DESC
     ), dated AS (
       -- The step rarely falls on a 旬 boundary: the 旬 on either side of the split that sits
       -- between the two levels tells what share of its days were already low.
       SELECT s.*, CASE WHEN s.before_level > 0 AND s.after_level <= s.before_level * ${dropRatio} THEN
           s.next_starts_on
             - round(least(greatest((s.before_level - s.edge_before) / (s.before_level - s.after_level), 0), 1) * s.edge_before_days)::int
             + round((1 - least(greatest((s.before_level - s.edge_after) / (s.before_level - s.after_level), 0), 1)) * s.edge_after_days)::int
         END AS drop_started_on
       FROM split s
     ), read_until AS (
       -- The day after the last reading (from the newest 旬 read), or as-of if sooner: the
       -- recent windows end where the readings do, so a collection system that delivers a
       -- few days or weeks late shortens nothing. 旬 do not overlap and none holds more days
       -- read than it is long, so the newest 旬's start + days read is the largest of all.
       SELECT customer_id, least(${asOfDate}, max(starts_on + days)) AS read_until
       FROM dekad GROUP BY customer_id
     ), windows AS (
       SELECT a.customer_id,
         sum(level * days) FILTER (WHERE starts_on >= ${recentFrom}) / nullif(sum(days) FILTER (WHERE starts_on >= ${recentFrom}), 0) AS recent_level,
         sum(kwh) FILTER (WHERE starts_on >= ${recentFrom}) / nullif(sum(days) FILTER (WHERE starts_on >= ${recentFrom}), 0) AS recent_raw,
         sum(level * days) FILTER (WHERE starts_on >= ${sustainFrom}) / nullif(sum(days) FILTER (WHERE starts_on >= ${sustainFrom}), 0) AS sustain_level
       FROM adjusted a JOIN read_until r USING (customer_id) GROUP BY a.customer_id
     ), trend AS (
       SELECT customer_id, regr_slope(level, month_no) / nullif(avg(level), 0) * 100 AS slope_pct
       FROM (SELECT customer_id, (extract(year FROM month) * 12 + extract(month FROM month))::float8 AS month_no, sum(level * days) / sum(days) AS level
             FROM adjusted GROUP BY customer_id, month HAVING sum(days) >= ${minTrendDays}) mo
       GROUP BY customer_id HAVING count(*) >= 3
     ), totals AS (
       SELECT m.customer_id, count(*) AS months, sum(m.kwh) / nullif(sum(m.days_read), 0) AS avg_daily,
         sum(m.peak_kwh) / nullif(sum(m.kwh) FILTER (WHERE m.peak_kwh IS NOT NULL), 0) AS peak_share,
         sum(m.valley_kwh) / nullif(sum(m.kwh) FILTER (WHERE m.valley_kwh IS NOT NULL), 0) AS valley_share,
         sum(m.kwh) FILTER (WHERE ${inMonths(k.summerMonths)}) / nullif(sum(m.days_read) FILTER (WHERE ${inMonths(k.summerMonths)}), 0) AS summer_daily,
         sum(m.kwh) FILTER (WHERE ${inMonths(k.winterMonths)}) / nullif(sum(m.days_read) FILTER (WHERE ${inMonths(k.winterMonths)}), 0) AS winter_daily,
         sum(m.kwh) FILTER (WHERE ${inMonths(k.shoulderMonths)}) / nullif(sum(m.days_read) FILTER (WHERE ${inMonths(k.shoulderMonths)}), 0) AS shoulder_daily,
         sum(m.kwh) FILTER (WHERE ${inMonths([...k.summerMonths, ...k.winterMonths])})
           / nullif(sum(m.days_read) FILTER (WHERE ${inMonths([...k.summerMonths, ...k.winterMonths])}), 0) AS peak_season_daily,
         sum(m.power_factor_avg * m.days_read) / nullif(sum(m.days_read) FILTER (WHERE m.power_factor_avg IS NOT NULL), 0) AS power_factor_avg,
         max(m.max_load_kw) AS max_load_kw
       FROM cust JOIN consumption_month m USING (customer_id) WHERE ${monthsOfBatch} GROUP BY m.customer_id
     ), f AS (
       SELECT cust.customer_id, cust.segment, cust.peer_group, t.months::int AS months, t.avg_daily AS avg_daily_kwh,
         t.avg_daily / nullif(g.median_daily_kwh, 0) AS level_vs_peers,
         t.peak_share, t.valley_share, tr.slope_pct AS trend_slope_pct,
         t.peak_season_daily / nullif(t.shoulder_daily, 0) AS seasonality,
         t.summer_daily / nullif(t.shoulder_daily, 0) AS summer_ratio,
         t.winter_daily / nullif(t.shoulder_daily, 0) AS winter_ratio,
         coalesce(ds.zero_run_max_days, 0) AS zero_run_max_days, ds.zero_run_ended_on,
         w.recent_raw / nullif(d.before_raw, 0) AS recent_vs_own,
         w.recent_level / nullif(d.before_level, 0) AS recent_vs_peers,
         w.sustain_level / nullif(d.before_level, 0) AS sustained_vs_peers,
         ds.recent_zero_days, d.before_days::int AS baseline_days, d.drop_started_on,
         ru.read_until - d.drop_started_on AS drop_days,
         t.power_factor_avg, t.max_load_kw,
         ds.last_read_on, cust.area_read_until, greatest(cust.area_read_until - ds.last_read_on, 0) AS days_behind_peers
       FROM cust JOIN totals t USING (customer_id)
       LEFT JOIN consumption_peer g ON g.transformer_area_id = cust.peer_group AND g.segment = cust.segment
       LEFT JOIN trend tr USING (customer_id)
       LEFT JOIN dated d USING (customer_id)
       LEFT JOIN windows w USING (customer_id)
       LEFT JOIN read_until ru USING (customer_id)
       LEFT JOIN (SELECT * FROM consumption_daily_summary WHERE ${summariesOfBatch}) ds USING (customer_id)
     ), b AS (
       SELECT f.*, ${levelBand} AS level_band FROM f
     ), pt AS (
       SELECT b.*, ${patterns} AS patterns FROM b
     ), written AS (
       INSERT INTO consumption_profile (customer_id, as_of, segment, peer_group, months, avg_daily_kwh, level_vs_peers, level_band,
         peak_share, valley_share, trend_slope_pct, seasonality, summer_ratio, winter_ratio, zero_run_max_days, zero_run_ended_on,
         recent_vs_own, recent_vs_peers, sustained_vs_peers, recent_zero_days, baseline_days, drop_started_on, drop_days,
         power_factor_avg, max_load_kw, last_read_on, area_read_until, days_behind_peers, patterns, advice, model_version)
       SELECT pt.customer_id, ${asOfParam}, pt.segment, pt.peer_group, pt.months, pt.avg_daily_kwh, pt.level_vs_peers, pt.level_band,
         pt.peak_share, pt.valley_share, pt.trend_slope_pct, pt.seasonality, pt.summer_ratio, pt.winter_ratio, pt.zero_run_max_days,
         pt.zero_run_ended_on, pt.recent_vs_own, pt.recent_vs_peers, pt.sustained_vs_peers, pt.recent_zero_days, pt.baseline_days,
         pt.drop_started_on, pt.drop_days, pt.power_factor_avg, pt.max_load_kw, pt.last_read_on, pt.area_read_until, pt.days_behind_peers,
         pt.patterns, ${advice}, ${version}
       FROM pt
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM written`,
    p.values,
  );
  return rows[0]?.n ?? 0;
}
