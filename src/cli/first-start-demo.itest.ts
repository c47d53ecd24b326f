import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../test/support/api-world.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { buildApp } from '../api/app.js';
import { DEMO_PASSWORD, seedDemoAccounts } from '../auth/demo-accounts.js';
import { loadFirstStartDemo } from './first-start.js';

let t: TestDb;
const dataDir = mkdtempSync(path.join(tmpdir(), 'gridcare-first-start-demo-'));

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('first start with a small demo world', () => {
  it('loads the world once, seeds scoped demo accounts, and a county manager sees only the county', async () => {
    const config = { demoCustomers: 60, demoMonths: 2, demoSeed: 11, dataDir };
    const first = await loadFirstStartDemo(t.db, config, () => undefined);
    expect(first).toMatchObject({ loaded: true, customers: 60, rejected: 0 });
    expect(readFileSync(path.join(dataDir, 'ground-truth', 'world-11.jsonl'), 'utf8')).toContain('"type":"world"');
    const second = await loadFirstStartDemo(t.db, config, () => undefined);
    expect(second).toMatchObject({ loaded: false });

    const accounts = await seedDemoAccounts(t.db);
    expect(accounts.map((a) => a.orgUnitId)).toEqual(['HN01', 'HN0101', 'HN', 'HN0101', 'HN01010101', 'HN']);
    const app = await buildApp({ logLevel: 'silent' }, t.db);
    const cookie = await loginAs(app, { username: 'county_manager', password: DEMO_PASSWORD });
    const list = (await app.inject({ method: 'GET', url: '/api/v1/customers?pageSize=200', headers: { cookie } })).json();
    const inCounty = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM customer c JOIN org_unit o USING (org_unit_id) WHERE o.path LIKE '/HN/HN01/HN0101/%'`,
    );
    expect(list.total).toBe(inCounty[0]?.n);
    expect(list.total).toBeGreaterThan(0);
    const open = list.items.find((c: { restricted: boolean }) => !c.restricted);
    const view = await app.inject({ method: 'GET', url: `/api/v1/customers/${open.customerNo}`, headers: { cookie } });
    expect(view.statusCode).toBe(200);
    expect(view.json().customer.phone ?? '').not.toMatch(/^\d{11}$/);
    await app.close();
  });
});

describe('an interrupted first start', () => {
  const countRows = async (db: TestDb['db']) => {
    const rows = await db.query<{ customers: number; bills: number; traces: number }>(
      `SELECT (SELECT count(*) FROM customer)::int AS customers, (SELECT count(*) FROM bill)::int AS bills,
              (SELECT count(*) FROM trace)::int AS traces`,
    );
    return rows[0];
  };

  it('resumes the demo load on the next start and ends with the same world as one uninterrupted load', async () => {
    const config = { demoCustomers: 40, demoMonths: 2, demoSeed: 23, dataDir };
    const whole = await createTestDb();
    const cut = await createTestDb();
    try {
      await loadFirstStartDemo(whole.db, config, () => undefined);
      // The interrupted start: the whole world minus what a cut-off load had not written yet
      // (the last customers' bills and their traces), and the marker still says 'loading'.
      await loadFirstStartDemo(cut.db, config, () => undefined);
      await cut.db.exec(`
        CREATE TEMP TABLE cut_customer AS SELECT customer_id FROM customer ORDER BY customer_id DESC LIMIT 10;
        DELETE FROM trace_key k USING trace t
          WHERE t.trace_id = k.trace_id AND t.trace_type = 'bill_issued' AND t.customer_id IN (SELECT customer_id FROM cut_customer);
        DELETE FROM trace WHERE trace_type = 'bill_issued' AND customer_id IN (SELECT customer_id FROM cut_customer);
        DELETE FROM bill WHERE customer_id IN (SELECT customer_id FROM cut_customer);
        UPDATE app_setting SET value = '{"status":"loading"}'::jsonb WHERE key = 'demo_world';`);
      expect((await countRows(cut.db))?.bills).toBeLessThan((await countRows(whole.db))?.bills ?? 0);

      const lines: string[] = [];
      const resumed = await loadFirstStartDemo(cut.db, config, (line) => lines.push(line));
      expect(resumed).toMatchObject({ loaded: true, rejected: 0 });
      expect(lines.join('\n')).toMatch(/resuming/);
      const expected = await countRows(whole.db);
      const actual = await countRows(cut.db);
      expect(actual).toEqual(expected);
    } finally {
      await whole.drop();
      await cut.drop();
    }
  });
});
