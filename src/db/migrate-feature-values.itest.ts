import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { readPortrait } from '../portraits/engine/portrait-store.js';
import { listMigrations, migrate } from './migrate.js';

// Migration 0035 turns each stored customer portrait's features (jsonb) into a float8[] in its
// catalog's layout; the portrait must read back the same.
describe('migration 0035: customer features as a float8[]', () => {
  let t: TestDb | undefined;
  afterEach(async () => t?.drop());

  it('keeps every stored value, from the definitions and from the rows, and reads back the same', async () => {
    t = await createTestDb({ migrated: false });
    const all = listMigrations();
    await migrate(
      t.db,
      all.filter((m) => m.version < 35),
    );
    const definitions = { features: { 'customer.calls_90d': 1, 'customer.bills_12m': 2, 'employee.calls_90d': 1 } };
    await t.db.query('INSERT INTO portrait_catalog (catalog_version, definitions) VALUES ($1, $2), ($3, $4)', [
      'old',
      JSON.stringify(definitions),
      'unused',
      '{}',
    ]);
    await t.db.query(`INSERT INTO org_unit (org_unit_id, level, name, path) VALUES ('M35', 'company', '迁移公司', '/M35/')`);
    const [customer] = await t.db.query<{ customer_id: number }>(
      `INSERT INTO customer (customer_no, name, customer_type, org_unit_id)
       VALUES ('M35', '迁移客户', 'residential', 'M35') RETURNING customer_id`,
    );
    const id = customer?.customer_id;
    // A key the definitions do not name (kept), a null, a fraction; a past row and the current.
    await t.db.query(
      `INSERT INTO customer_portrait (customer_id, valid_from, valid_to, features, tags, scores, grades, content_hash, catalog_version)
       VALUES ($1, '2026-01-01', '2026-02-01', '{"calls_90d": 1, "bills_12m": null, "Zeta_share": 0.25}', '{}', '{}', '{}', 'a', 'old'),
              ($1, '2026-02-01', NULL, '{"calls_90d": 3, "bills_12m": 12, "Zeta_share": 0.5}', '{}', '{}', '{}', 'b', 'old')`,
      [id],
    );
    await migrate(t.db);

    const layouts = await t.db.query<{ catalog_version: string; customer_features: string[] | null }>(
      'SELECT catalog_version, customer_features FROM portrait_catalog ORDER BY catalog_version',
    );
    // Bytewise order: upper case before lower case.
    expect(layouts).toEqual([
      { catalog_version: 'old', customer_features: ['Zeta_share', 'bills_12m', 'calls_90d'] },
      { catalog_version: 'unused', customer_features: null },
    ]);
    expect((await readPortrait(t.db, 'customer', String(id)))?.features).toEqual({
      Zeta_share: 0.5,
      bills_12m: 12,
      calls_90d: 3,
    });
    expect((await readPortrait(t.db, 'customer', String(id), new Date('2026-01-15')))?.features).toEqual({
      Zeta_share: 0.25,
      bills_12m: null,
      calls_90d: 1,
    });
  });
});
