import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrgUnits } from '../../../test/support/api-world.js';
import { insertReadingCustomer, insertTransformerArea, YEAR_END } from '../../../test/support/consumption-readings.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { CONSUMPTION_DEFINITION } from './definition.js';
import { deriveAdvice, derivePatterns, levelBandOf } from './explain.js';
import { rebuildConsumptionProfiles } from './rebuild.js';
import { FIGURE_CODES, type Figures } from './rules.js';

let t: TestDb;
const ids: Record<string, number> = {};

interface ProfileRow extends Figures {
  customer_id: number;
  patterns: string[];
  advice: string[];
  drop_started_on: string | null;
  peer_group: string;
  model_version: number;
}

const profile = async (name: string) =>
  (await t.db.query<ProfileRow>('SELECT * FROM consumption_profile WHERE customer_id = $1', [ids[name]]))[0];

beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
  // Area A: ordinary homes, one thief (use falls to 40 % on 2026-06-10 for good), one home
  // empty for 60 days (2026-03-01 … 04-30) that comes back, and one still empty at the end.
  const areaA = await insertTransformerArea(t.db);
  for (let i = 0; i < 8; i++)
    ids[`a${i}`] = (await insertReadingCustomer(t.db, areaA, { baseKwh: 4 + i, seed: 100 + i })).customerId;
  ids.thief = (
    await insertReadingCustomer(t.db, areaA, { baseKwh: 6, seed: 7, changes: [{ from: '2026-06-10', factor: 0.4 }] })
  ).customerId;
  ids.vacant = (
    await insertReadingCustomer(t.db, areaA, {
      baseKwh: 6,
      seed: 8,
      changes: [{ from: '2026-03-01', to: '2026-05-01', factor: 0.03 }],
    })
  ).customerId;
  ids.stillEmpty = (
    await insertReadingCustomer(t.db, areaA, {
      baseKwh: 6,
      seed: 9,
      changes: [{ from: '2026-09-15', factor: 0.02 }],
      gaps: ['2026-10-03'],
    })
  ).customerId;
  // A meter that delivered nothing in February 2026 (all 28 days NULL).
  const february = Array.from({ length: 28 }, (_, i) => `2026-02-${String(i + 1).padStart(2, '0')}`);
  ids.offline = (await insertReadingCustomer(t.db, areaA, { baseKwh: 5, seed: 10, gaps: february })).customerId;
  // Area B: every home drops to half on 2026-07-01 (a long area outage, a closed estate
  // block): peers dropped together, nobody is flagged.
  const areaB = await insertTransformerArea(t.db);
  for (let i = 0; i < 7; i++)
    ids[`b${i}`] = (
      await insertReadingCustomer(t.db, areaB, {
        baseKwh: 5 + i,
        seed: 200 + i,
        changes: [{ from: '2026-07-01', factor: 0.5 }],
      })
    ).customerId;
  // Area C: two businesses only (too few peers: compared with all areas), one at power factor 0.85.
  const areaC = await insertTransformerArea(t.db);
  ids.factory = (
    await insertReadingCustomer(
      t.db,
      areaC,
      { baseKwh: 800, seed: 300, powerFactor: 0.85 },
      { customerType: 'non_residential' },
    )
  ).customerId;
  ids.shop = (
    await insertReadingCustomer(
      t.db,
      areaC,
      { baseKwh: 90, seed: 301, powerFactor: 0.95 },
      { customerType: 'non_residential' },
    )
  ).customerId;
  await rebuildConsumptionProfiles(t.db, { asOf: YEAR_END, batchSize: 7 });
});
afterAll(async () => {
  await t.drop();
});

describe('rebuildConsumptionProfiles', () => {
  it('flags a theft-like drop and dates it', async () => {
    const p = await profile('thief');
    expect(p?.patterns).toContain('sudden_sustained_drop');
    expect(p?.advice).toEqual(expect.arrayContaining(['site_inspection', 'meter_check']));
    expect(p?.recent_vs_peers).toBeGreaterThan(0.3);
    expect(p?.recent_vs_peers).toBeLessThan(0.5);
    const started = Date.parse(p?.drop_started_on ?? '');
    expect(Math.abs(started - Date.parse('2026-06-10')) / 86_400_000).toBeLessThanOrEqual(3);
  });

  it('does not flag a home that stood empty and came back, but notes the long zero run', async () => {
    const p = await profile('vacant');
    expect(p?.patterns).not.toContain('sudden_sustained_drop');
    expect(p?.patterns).toContain('long_zero_use');
    expect(p?.zero_run_max_days).toBeGreaterThanOrEqual(58);
    expect(p?.recent_vs_peers).toBeGreaterThan(0.85);
  });

  it('reads a home empty until the end as long zero use, not theft; a missing day does not break the run', async () => {
    const p = await profile('stillEmpty');
    expect(p?.patterns).toEqual(expect.arrayContaining(['long_zero_use']));
    expect(p?.patterns).not.toContain('sudden_sustained_drop');
    expect(p?.zero_run_max_days).toBe(47);
  });

  it('skips a month without a single reading and judges the rest', async () => {
    const p = await profile('offline');
    expect(p?.months).toBe(11);
    expect(p?.zero_run_max_days).toBe(0);
    expect(p?.patterns).not.toContain('sudden_sustained_drop');
  });

  it('does not flag customers whose whole area dropped together', async () => {
    for (let i = 0; i < 7; i++) {
      const p = await profile(`b${i}`);
      expect(p?.patterns, `b${i}`).not.toContain('sudden_sustained_drop');
      expect(p?.recent_vs_peers).toBeGreaterThan(0.85);
      expect(p?.recent_vs_own).toBeLessThan(0.6);
    }
  });

  it('flags no ordinary home', async () => {
    const flagged = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM consumption_profile WHERE 'sudden_sustained_drop' = ANY(patterns) AND customer_id <> $1`,
      [ids.thief],
    );
    expect(flagged[0]?.n).toBe(0);
  });

  it('compares businesses of a thin area with all areas and finds a low power factor', async () => {
    const factory = await profile('factory');
    expect(factory?.peer_group).toBe('*');
    expect(factory?.power_factor_avg).toBeCloseTo(0.85, 2);
    expect(factory?.patterns).toContain('low_power_factor');
    expect(factory?.advice).toContain('power_factor_correction');
    expect((await profile('shop'))?.patterns).not.toContain('low_power_factor');
  });

  it('writes figures of an ordinary home: level against peers, shares, seasons, steady trend', async () => {
    const p = await profile('a3');
    expect(p).toMatchObject({ months: 12, segment: 'residential', model_version: CONSUMPTION_DEFINITION.version });
    expect(p?.avg_daily_kwh).toBeGreaterThan(7 * 1.1);
    expect(p?.level_vs_peers).toBeGreaterThan(0.85);
    expect(p?.peak_share).toBeCloseTo(0.36, 2);
    expect(p?.valley_share).toBeCloseTo(0.24, 2);
    expect(p?.summer_ratio).toBeGreaterThan(1.6);
    expect(Math.abs(p?.trend_slope_pct as number)).toBeLessThan(1);
    expect(p?.patterns).toEqual(['summer_peaking', 'winter_peaking']);
  });

  it('writes the same patterns, advice and band the definition gives in TypeScript', async () => {
    const rows = await t.db.query<ProfileRow>('SELECT * FROM consumption_profile');
    expect(rows.length).toBe(Object.keys(ids).length);
    for (const row of rows) {
      const figures = Object.fromEntries(FIGURE_CODES.map((c) => [c, row[c]])) as Figures;
      const patterns = derivePatterns(CONSUMPTION_DEFINITION, figures);
      expect(row.patterns, `customer ${row.customer_id}`).toEqual(patterns);
      expect(row.advice).toEqual(deriveAdvice(CONSUMPTION_DEFINITION, figures, patterns));
      expect(row.level_band).toBe(levelBandOf(CONSUMPTION_DEFINITION, row.level_vs_peers as number | null));
    }
  });

  it('leaves statistics on the tables it wrote, so the planner reading them back knows their size', async () => {
    // A new database has never analysed them (reltuples -1); without fresh statistics a large
    // rebuild planned its profile statement for empty tables (src/db/analyze-written.ts).
    for (const table of [
      'consumption_month',
      'consumption_daily_summary',
      'consumption_peer',
      'consumption_peer_month',
      'consumption_profile',
    ]) {
      const [stats] = await t.db.query<{ reltuples: number }>(
        'SELECT reltuples::float8 AS reltuples FROM pg_class WHERE relname = $1',
        [table],
      );
      const [count] = await t.db.query<{ n: number }>(`SELECT count(*)::float8 AS n FROM ${table}`);
      expect(count?.n, table).toBeGreaterThan(0);
      expect(stats?.reltuples, table).toBe(count?.n);
    }
  });
});

describe('as-of and partial rebuilds', () => {
  it('counts only readings before as-of: before the theft began nothing is flagged', async () => {
    const asOf = new Date('2026-06-01T00:00:00+08:00');
    await rebuildConsumptionProfiles(t.db, { asOf, customerIds: [ids.thief as number, ids.a1 as number] });
    const p = await profile('thief');
    expect(p?.patterns).not.toContain('sudden_sustained_drop');
    expect(p?.months).toBe(7);
    const months = await t.db.query<{ last: string; days: number }>(
      'SELECT max(month) AS last, sum(days_read)::int AS days FROM consumption_month WHERE customer_id = $1',
      [ids.thief],
    );
    expect(months[0]).toEqual({ last: '2026-05-01', days: 212 });
  });

  it('cuts inside a month at the as-of date (Beijing time) and rebuilds only the listed customers', async () => {
    const progress: [number, number][] = [];
    const asOf = new Date('2026-08-20T00:00:00+08:00');
    const result = await rebuildConsumptionProfiles(t.db, {
      asOf,
      customerIds: [ids.thief as number],
      onProgress: (d, n) => progress.push([d, n]),
    });
    expect(result.customers).toBe(1);
    expect(progress.at(-1)).toEqual([2, 2]);
    const august = await t.db.query<{ days_read: number }>(
      `SELECT days_read FROM consumption_month WHERE customer_id = $1 AND month = '2026-08-01'`,
      [ids.thief],
    );
    expect(august[0]?.days_read).toBe(19);
    const p = await profile('thief');
    expect(p?.patterns).toContain('sudden_sustained_drop');
    expect(p?.drop_days).toBeGreaterThanOrEqual(69);
    // The other customer keeps the profile of its own (earlier) rebuild.
    expect((await profile('a1'))?.months).toBe(7);
  });

  it('ends the recent windows at the last reading when the readings lag behind as-of', async () => {
    // Three weeks after the last reading (2026-10-31), as when the engine rebuilds "now".
    const asOf = new Date('2026-11-23T10:00:00+08:00');
    await rebuildConsumptionProfiles(t.db, {
      asOf,
      customerIds: [ids.thief as number, ids.vacant as number, ids.a2 as number],
    });
    const thief = await profile('thief');
    expect(thief?.patterns).toContain('sudden_sustained_drop');
    expect(thief?.drop_days).toBe((Date.parse('2026-11-01') - Date.parse(thief?.drop_started_on ?? '')) / 86_400_000);
    expect((await profile('vacant'))?.patterns).not.toContain('sudden_sustained_drop');
    expect((await profile('a2'))?.recent_vs_peers).toBeGreaterThan(0.85);
  });
});
