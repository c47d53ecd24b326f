import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomer, seedOrgUnits, uid } from '../../../test/support/api-world.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { readPortrait, writePortraits } from './portrait-store.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
});
afterAll(async () => t.drop());

const values = (features: Record<string, number | null>) => ({ features, tags: [], scores: {}, grades: {} });

describe('customer features stored by their catalog layout', () => {
  it('reads back what it wrote, each value under its own code', async () => {
    const version = uid('layout-');
    await t.db.query(
      `INSERT INTO portrait_catalog (catalog_version, definitions, customer_features) VALUES ($1, '{}', $2)`,
      [version, ['a_count', 'b_share', 'c_days']],
    );
    const c = await insertCustomer(t.db);
    const features = { c_days: 3, a_count: 12, b_share: 0.125 };
    await writePortraits(
      t.db,
      'customer',
      [{ key: String(c.customerId), values: values(features) }],
      new Date(),
      version,
    );
    expect((await readPortrait(t.db, 'customer', String(c.customerId)))?.features).toEqual(features);
  });

  it('refuses to write features under a catalog version with no layout, instead of dropping them', async () => {
    const version = uid('nolayout-');
    await t.db.query(`INSERT INTO portrait_catalog (catalog_version, definitions) VALUES ($1, '{}')`, [version]);
    const c = await insertCustomer(t.db);
    await expect(
      writePortraits(
        t.db,
        'customer',
        [{ key: String(c.customerId), values: values({ a_count: 1 }) }],
        new Date(),
        version,
      ),
    ).rejects.toMatchObject({ code: 'PORTRAIT_LAYOUT_MISSING' });
  });
});
