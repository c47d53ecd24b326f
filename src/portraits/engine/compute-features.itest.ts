import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomer, insertTrace, seedOrgUnits } from '../../../test/support/api-world.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { CUSTOMER_SOURCES } from '../definitions/customer-sources.js';
import { FeatureComputer } from './compute-features.js';
import type { FeatureDef } from './types.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
});
afterAll(async () => t.drop());

const AS_OF = new Date('2026-07-01T00:00:00Z');
const DAY = 86_400_000;
const at = (daysBefore: number) => new Date(AS_OF.getTime() - daysBefore * DAY).toISOString();
const def = (code: string, spec: Partial<FeatureDef>): FeatureDef => ({
  code,
  subject: 'customer',
  name: { zh: code, en: code },
  source: 'trace',
  aggregate: 'count',
  version: 1,
  ...spec,
});

/** Least-squares slope of y over x = 0 … n−1, the textbook way, to check the one-pass SQL. */
function slope(ys: number[]): number {
  const n = ys.length;
  const mx = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

describe('features computed in one pass per source', () => {
  it('counts, windows, shares, distinct, last, slope and ratios agree with a direct computation', async () => {
    const c = await insertCustomer(t.db);
    // Logins per 30-day month, oldest month first (window 360 days = 12 months of 30 days).
    const perMonth = [0, 1, 0, 2, 1, 3, 0, 2, 4, 3, 5, 6];
    for (const [m, count] of perMonth.entries()) {
      for (let i = 0; i < count; i++) {
        await insertTrace(t.db, {
          customerId: c.customerId,
          occurredAt: at(360 - m * 30 - 1 - i),
          traceType: 'app_login',
          channel: 'app',
        });
      }
    }
    await insertTrace(t.db, { customerId: c.customerId, occurredAt: at(10), traceType: 'hall_visit', channel: 'hall' });
    await insertTrace(t.db, {
      customerId: c.customerId,
      occurredAt: at(400),
      traceType: 'hall_visit',
      channel: 'hall',
    }); // outside every window
    await insertTrace(t.db, {
      customerId: c.customerId,
      occurredAt: at(5),
      traceType: 'social_post',
      channel: 'social_media',
      attributes: { followers: 120 },
    });
    await insertTrace(t.db, {
      customerId: c.customerId,
      occurredAt: at(50),
      traceType: 'social_post',
      channel: 'social_media',
      attributes: { followers: 900 },
    });

    const features = [
      def('logins', { where: "t.trace_type = 'app_login'", windowDays: 360 }),
      def('logins_90d', { where: "t.trace_type = 'app_login'", windowDays: 90 }),
      def('login_slope', { aggregate: 'slope', where: "t.trace_type = 'app_login'", windowDays: 360 }),
      def('hall_share', { aggregate: 'share', where: "t.channel = 'hall'", windowDays: 360 }),
      def('channels', { aggregate: 'distinct', value: 't.channel', windowDays: 360 }),
      def('last_followers', {
        aggregate: 'last',
        value: "(t.attributes->>'followers')::numeric",
        where: "t.trace_type = 'social_post'",
        windowDays: 360,
      }),
      def('max_followers', {
        aggregate: 'max',
        value: "(t.attributes->>'followers')::numeric",
        where: "t.trace_type = 'social_post'",
        windowDays: 360,
      }),
      def('posts', { where: "t.trace_type = 'social_post'", windowDays: 360 }),
      def('posts_per_login', {
        source: 'derived',
        aggregate: 'ratio',
        ratioOf: { numerator: 'posts', denominator: 'logins' },
      }),
    ];
    const computer = new FeatureComputer(features, CUSTOMER_SOURCES);
    expect(computer.statements).toHaveLength(1); // every trace feature from one statement
    const values = (await computer.compute(t.db, [String(c.customerId)], AS_OF)).get(String(c.customerId));
    const logins = perMonth.reduce((a, b) => a + b, 0);
    expect(values).toMatchObject({
      logins,
      logins_90d: perMonth.slice(-3).reduce((a, b) => a + b, 0),
      hall_share: 1 / (logins + 3),
      channels: 3,
      last_followers: 120,
      max_followers: 900,
      posts: 2,
    });
    expect(values?.login_slope).toBeCloseTo(slope(perMonth), 9);
    expect(values?.posts_per_login).toBeCloseTo(2 / logins, 9);
  });

  it('gives a subject without rows zeros for counts and nulls for values', async () => {
    const c = await insertCustomer(t.db);
    const computer = new FeatureComputer(
      [
        def('logins', { where: "t.trace_type = 'app_login'", windowDays: 30 }),
        def('last', { aggregate: 'last', value: '1', windowDays: 30 }),
      ],
      CUSTOMER_SOURCES,
    );
    const values = (await computer.compute(t.db, [String(c.customerId)], AS_OF)).get(String(c.customerId));
    expect(values).toEqual({ logins: 0, last: null });
  });

  it('runs a generic-plan source prepared once per connection, with the values of a plan made per batch', async () => {
    const c = await insertCustomer(t.db);
    for (let i = 0; i < 3; i++) {
      await insertTrace(t.db, {
        customerId: c.customerId,
        occurredAt: at(5 + i),
        traceType: 'app_login',
        channel: 'app',
      });
    }
    const features = [def('logins', { where: "t.trace_type = 'app_login'", windowDays: 30 })];
    const generic = new FeatureComputer(features, CUSTOMER_SOURCES);
    const perBatch = new FeatureComputer(
      features,
      CUSTOMER_SOURCES.map(({ plan: _plan, ...source }) => source),
    );
    const key = String(c.customerId);
    const seen = await t.db.transaction(async (tx) => {
      const first = (await generic.compute(tx, [key], AS_OF)).get(key);
      const again = (await generic.compute(tx, [key], AS_OF)).get(key);
      const planned = (await perBatch.compute(tx, [key], AS_OF)).get(key);
      const mode = (await tx.query<{ mode: string }>("SELECT current_setting('plan_cache_mode') AS mode"))[0]?.mode;
      const prepared = tx.prepares
        ? await tx.query<{ name: string; generic_plans: number; custom_plans: number }>(
            'SELECT name, generic_plans::int, custom_plans::int FROM pg_prepared_statements WHERE name = $1',
            [generic.statements[0]?.statementName],
          )
        : [];
      return { first, again, planned, mode, prepared };
    });
    expect(seen.first).toEqual({ logins: 3 });
    expect(seen.again).toEqual(seen.first);
    expect(seen.planned).toEqual(seen.first);
    // The transaction's plan mode is as it was once the features are read.
    expect(seen.mode).toBe('auto');
    if (t.db.kind === 'postgres') {
      // Planned once, with the generic plan, and run twice.
      expect(seen.prepared).toEqual([
        { name: expect.stringMatching(/^features_trace_[0-9a-f]{16}$/), generic_plans: 2, custom_plans: 0 },
      ]);
    } else {
      expect(seen.prepared).toEqual([]);
    }
  });
});
