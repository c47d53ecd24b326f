import type { Queryable } from '../../src/db/db.js';
import { insertCustomer, uid } from './api-world.js';

/**
 * Constructed daily readings for consumption tests: a year of days (2025-11 … 2026-10) with
 * Hunan-like seasons and ±8 % deterministic noise, and hooks to plant a theft-like drop, an
 * empty spell or an area-wide change.
 */
export const FIRST_MONTH = '2025-11-01';
export const MONTHS = 12;
/** The end of the constructed year: midnight after 2026-10-31, Beijing time. */
export const YEAR_END = new Date('2026-11-01T00:00:00+08:00');

const SEASON = [0, 1.5, 1.35, 1.0, 0.85, 0.9, 1.2, 1.75, 1.8, 1.3, 0.9, 0.95, 1.35];

/** Multiplies the day's use (1 = normal) for dates in [from, to). */
export interface UseChange {
  from: string;
  to?: string;
  factor: number;
}

function noise(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const addMonths = (month: string, n: number) => {
  const d = new Date(`${month}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
};
const daysIn = (month: string) => {
  const d = new Date(`${month}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
};

export interface ReadingOptions {
  baseKwh: number;
  seed: number;
  changes?: readonly UseChange[];
  /** Dates with no reading (collection gaps). */
  gaps?: readonly string[];
  powerFactor?: number;
}

export async function insertReadings(db: Queryable, customerId: number, options: ReadingOptions): Promise<void> {
  const rand = noise(options.seed);
  const values: unknown[] = [];
  const rows: string[] = [];
  for (let i = 0; i < MONTHS; i++) {
    const month = addMonths(FIRST_MONTH, i);
    const season = SEASON[Number(month.slice(5, 7))] ?? 1;
    const kwh: (number | null)[] = [];
    const peak: (number | null)[] = [];
    const valley: (number | null)[] = [];
    const flat: (number | null)[] = [];
    const pf: (number | null)[] = [];
    for (let day = 1; day <= daysIn(month); day++) {
      const date = `${month.slice(0, 8)}${String(day).padStart(2, '0')}`;
      let use = options.baseKwh * season * (1 + (rand() - 0.5) * 0.16);
      for (const c of options.changes ?? []) if (date >= c.from && (c.to === undefined || date < c.to)) use *= c.factor;
      const gap = options.gaps?.includes(date) ?? false;
      const v = gap ? null : Math.round(use * 100) / 100;
      kwh.push(v);
      peak.push(v === null ? null : Math.round(v * 36) / 100);
      valley.push(v === null ? null : Math.round(v * 24) / 100);
      flat.push(v === null ? null : Math.round(v * 40) / 100);
      pf.push(options.powerFactor === undefined || v === null ? null : options.powerFactor);
    }
    const n = values.length;
    rows.push(
      `($${n + 1}::bigint, $${n + 2}::date, $${n + 3}, $${n + 4}::real[], $${n + 5}::real[], $${n + 6}::real[], $${n + 7}::real[], $${n + 8}::real[])`,
    );
    values.push(
      customerId,
      month,
      `M${customerId}`,
      kwh,
      peak,
      flat,
      valley,
      options.powerFactor === undefined ? null : pf,
    );
  }
  await db.query(
    `INSERT INTO meter_reading_month (customer_id, month, meter_no, kwh, peak_kwh, flat_kwh, valley_kwh, power_factor) VALUES ${rows.join(', ')}`,
    values,
  );
}

/** A transformer area of its own (substation, feeder, area) under the test grid HN01010101. */
export async function insertTransformerArea(db: Queryable, orgUnitId = 'HN01010101'): Promise<string> {
  const id = uid('TA');
  await db.query(
    `INSERT INTO substation (substation_id, name, org_unit_id) VALUES ($1, '测试变电站', 'HN') ON CONFLICT DO NOTHING`,
    [`SS${id}`],
  );
  await db.query(`INSERT INTO feeder (feeder_id, name, substation_id, org_unit_id) VALUES ($1, '测试线路', $2, 'HN')`, [
    `F${id}`,
    `SS${id}`,
  ]);
  await db.query(
    `INSERT INTO transformer_area (transformer_area_id, name, feeder_id, org_unit_id) VALUES ($1, '测试台区', $2, $3)`,
    [id, `F${id}`, orgUnitId],
  );
  return id;
}

/** A residential customer in the area with a year of readings. */
export async function insertReadingCustomer(
  db: Queryable,
  area: string,
  readings: ReadingOptions,
  options: { customerType?: 'residential' | 'non_residential'; orgUnitId?: string } = {},
) {
  const customer = await insertCustomer(db, {
    customerType: options.customerType ?? 'residential',
    orgUnitId: options.orgUnitId ?? 'HN01010101',
  });
  await db.query('UPDATE customer SET transformer_area_id = $1 WHERE customer_id = $2', [area, customer.customerId]);
  await insertReadings(db, customer.customerId, readings);
  return customer;
}
