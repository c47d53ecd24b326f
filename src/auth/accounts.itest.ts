import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEmployee, seedOrgUnits } from '../../test/support/api-world.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { ensureAdmin } from './accounts.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoAccounts } from './demo-accounts.js';
import { verifyPassword } from './passwords.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

const passwordHash = async (username: string) =>
  (await t.db.query<{ password_hash: string }>('SELECT password_hash FROM app_user WHERE username = $1', [username]))[0]?.password_hash ?? '';

describe('ensureAdmin', () => {
  it('creates admin unscoped on an empty database with a generated password, once', async () => {
    const first = await ensureAdmin(t.db, {});
    expect(first.created).toBe(true);
    expect(first.generatedPassword).toMatch(/^[A-Za-z0-9_-]{18}$/);
    expect(await verifyPassword(await passwordHash('admin'), first.generatedPassword ?? '')).toBe(true);
    const again = await ensureAdmin(t.db, { adminPassword: 'another-password' });
    expect(again).toEqual({ created: false });
    const row = await t.db.query<{ role: string; org_unit_id: string | null }>("SELECT role, org_unit_id FROM app_user WHERE username = 'admin'");
    expect(row[0]).toEqual({ role: 'admin', org_unit_id: null });
  });
});

describe('seedDemoAccounts', () => {
  it('scopes one account per role to the first unit of its level and links matching employees', async () => {
    await seedOrgUnits(t.db);
    const gridManager = await insertEmployee(t.db, { orgUnitId: 'HN01010101', post: 'grid_manager' });
    const seeded = await seedDemoAccounts(t.db);
    expect(seeded.map((s) => s.username)).toEqual(DEMO_ACCOUNTS.map((a) => a.username));
    const scope = Object.fromEntries(seeded.map((s) => [s.username, s.orgUnitId]));
    expect(scope).toEqual({ manager: 'HN01', county_manager: 'HN0101', agent: 'HN', hall: 'HN0101', grid: 'HN01010101', qa: 'HN' });
    expect(seeded.find((s) => s.username === 'grid')?.employeeNo).toBe(gridManager.employeeNo);
    expect(await verifyPassword(await passwordHash('county_manager'), DEMO_PASSWORD)).toBe(true);
    const again = await seedDemoAccounts(t.db);
    expect(again.every((s) => !s.created)).toBe(true);
  });
});
