import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomer, seedOrgUnits } from '../../test/support/api-world.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { loadFirstStartDemo } from './first-start.js';

let t: TestDb;
const dataDir = mkdtempSync(path.join(tmpdir(), 'gridcare-first-start-'));
const config = { demoCustomers: 50, demoMonths: 2, demoSeed: 7, dataDir };

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('first-start demo world', () => {
  it('is skipped when GRIDCARE_DEMO_CUSTOMERS is 0', async () => {
    expect(await loadFirstStartDemo(t.db, { ...config, demoCustomers: 0 }, () => undefined)).toEqual({
      loaded: false,
      reason: 'GRIDCARE_DEMO_CUSTOMERS is 0',
    });
  });

  it('is skipped when a marker says it was loaded before', async () => {
    await t.db.query(`INSERT INTO app_setting (key, value) VALUES ('demo_world', '{"seed": 7}') ON CONFLICT DO NOTHING`);
    const result = await loadFirstStartDemo(t.db, config, () => undefined);
    expect(result).toMatchObject({ loaded: false, reason: expect.stringContaining('earlier start') });
    await t.db.query(`DELETE FROM app_setting WHERE key = 'demo_world'`);
  });

  it('never mixes a demo world into a database that holds customers', async () => {
    await seedOrgUnits(t.db);
    await insertCustomer(t.db);
    const result = await loadFirstStartDemo(t.db, config, () => undefined);
    expect(result).toMatchObject({ loaded: false, reason: expect.stringContaining('already holds customers') });
  });
});
