/**
 * Daily readings (collection system) merged into meter_reading_month: one row per customer
 * and month with one array element per day. Read-modify-write inside the batch's transaction.
 * Readings are measurements, not service events: an unknown customer rejects the row.
 */
import type { Queryable } from '../../db/db.js';
import type { WriteContext } from '../batch.js';
import { type BatchItem, type BatchOutcome, reject } from '../batch.js';
import { daysInMonth } from '../fields.js';
import type { ReadingRecord } from '../records.js';
import { type UpsertSpec, upsert } from '../sql.js';
import { resolveOrReject } from './common.js';

const SERIES = ['kwh', 'peak_kwh', 'flat_kwh', 'valley_kwh', 'max_load_kw', 'power_factor'] as const;
type Series = (typeof SERIES)[number];
type MonthRow = { customer_id: number; month: string; meter_no: string } & Record<Series, (number | null)[] | null>;

const READING_MONTH: UpsertSpec = {
  table: 'meter_reading_month',
  key: ['customer_id', 'month'],
  columns: [
    { name: 'customer_id', type: 'bigint' },
    { name: 'month', type: 'date' },
    { name: 'meter_no', type: 'text' },
    ...SERIES.map((name) => ({ name, type: 'real[]', select: seriesFromText(`u.${name}`) })),
    { name: 'source', type: 'text' },
  ],
  touch: true,
};

export async function writeReadings(
  tx: Queryable,
  ctx: WriteContext,
  items: readonly BatchItem<ReadingRecord>[],
): Promise<BatchOutcome> {
  const { resolved, rejected } = await resolveOrReject(tx, items);
  const meters = await defaultMeters(
    tx,
    resolved.map((r) => r.customerId),
  );
  const accepted: { item: BatchItem<ReadingRecord>; customerId: number; meterNo: string }[] = [];
  resolved.forEach(({ item, customerId }) => {
    const meterNo = item.record.meter_no ?? meters.get(customerId);
    if (meterNo === undefined) {
      rejected.push(reject(item, 'meter_no', 'the customer has no meter: give meter_no'));
      return;
    }
    accepted.push({ item, customerId, meterNo });
  });
  const wanted = new Map<string, [number, string]>();
  for (const { customerId, item } of accepted) {
    const month = `${item.record.date.slice(0, 7)}-01`;
    wanted.set(`${customerId}|${month}`, [customerId, month]);
  }
  const existing = wanted.size
    ? await tx.query<MonthRow>(
        `SELECT m.customer_id, m.month, m.meter_no, ${SERIES.map((s) => `m.${s}`).join(', ')}
         FROM meter_reading_month m JOIN unnest($1::bigint[], $2::date[]) AS k(customer_id, month)
           ON m.customer_id = k.customer_id AND m.month = k.month`,
        [[...wanted.values()].map((k) => k[0]), [...wanted.values()].map((k) => k[1])],
      )
    : [];
  const months = new Map(existing.map((row) => [`${row.customer_id}|${row.month}`, row]));
  const changed = new Set<string>();
  const outcome: BatchOutcome = { inserted: 0, updated: 0, unchanged: 0, quarantined: 0, rejected };
  for (const { item, customerId, meterNo } of accepted) {
    const r = item.record;
    const monthStart = `${r.date.slice(0, 7)}-01`;
    const key = `${customerId}|${monthStart}`;
    const days = daysInMonth(Number(monthStart.slice(0, 4)), Number(monthStart.slice(5, 7)));
    let row = months.get(key);
    if (!row) {
      row = { customer_id: customerId, month: monthStart, meter_no: meterNo, ...emptySeries() };
      months.set(key, row);
    }
    const day = Number(r.date.slice(8, 10)) - 1;
    const before = row.kwh?.[day];
    let differs = row.meter_no !== meterNo;
    row.meter_no = meterNo;
    for (const series of SERIES) {
      const value = r[series];
      if (value === undefined) continue;
      const values = row[series] ?? [];
      while (values.length < days) values.push(null);
      if (!sameReal(values[day], value)) differs = true;
      values[day] = value;
      row[series] = values;
    }
    if (before === undefined || before === null) outcome.inserted += 1;
    else if (differs) outcome.updated += 1;
    else outcome.unchanged += 1;
    if (differs || before === undefined || before === null) changed.add(key);
  }
  const rows = [...changed].map((key) => {
    const row = months.get(key) as MonthRow;
    const out: Record<string, unknown> = { customer_id: row.customer_id, month: row.month, meter_no: row.meter_no };
    for (const series of SERIES) out[series] = arrayLiteral(row[series] ?? (series === 'kwh' ? [] : null));
    out.source = ctx.source;
    return out;
  });
  await upsert(tx, READING_MONTH, rows);
  return outcome;
}

/** The meter a reading belongs to when it names its customer by another identity. */
async function defaultMeters(tx: Queryable, customers: readonly number[]) {
  const ids = [...new Set(customers)];
  const rows = ids.length
    ? await tx.query<{ customer_id: number; meter_no: string }>(
        'SELECT customer_id, min(meter_no) AS meter_no FROM meter WHERE customer_id = ANY($1::bigint[]) GROUP BY customer_id',
        [ids],
      )
    : [];
  return new Map(rows.map((r) => [r.customer_id, r.meter_no]));
}

const emptySeries = (): Record<Series, null> =>
  Object.fromEntries(SERIES.map((s) => [s, null])) as Record<Series, null>;

/** real[] holds float32: a value read back equals the float32 rounding of what was sent. */
const sameReal = (stored: number | null | undefined, value: number): boolean =>
  stored !== null && stored !== undefined && Math.fround(stored) === Math.fround(value);

/**
 * A series as text: 'c{1234,NULL,…}' in hundredths when every value is a whole number of
 * hundredths (meter data almost always is), else a plain real[] literal. Parsing whole numbers
 * is several times faster than parsing decimals in the embedded database, and (x / 100)::real
 * stores the same float as the decimal text would (checked for every hundredth up to 30,000).
 */
export function arrayLiteral(values: readonly (number | null)[] | null): string | null {
  if (values === null) return null;
  const hundredths: string[] = [];
  for (const v of values) {
    if (v === null || v === undefined) {
      hundredths.push('NULL');
      continue;
    }
    const x = Math.round(v * 100);
    if (x / 100 !== v || Math.abs(x) >= 2 ** 31) {
      return `{${values.map((w) => (w === null || w === undefined ? 'NULL' : String(w))).join(',')}}`;
    }
    hundredths.push(String(x));
  }
  return `c{${hundredths.join(',')}}`;
}

/** The SQL reading a series written by arrayLiteral back as real[]. */
function seriesFromText(ref: string): string {
  return `CASE WHEN left(${ref}, 1) = 'c'
    THEN ARRAY(SELECT (e.x::float8 / 100)::real FROM unnest(substr(${ref}, 2)::int[]) WITH ORDINALITY AS e(x, i) ORDER BY e.i)
    ELSE ${ref}::real[] END`;
}
