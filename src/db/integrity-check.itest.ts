import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { damageIndex } from '../../test/support/damage-index.js';
import { createTestDb, TEST_TARGET, type TestDb } from '../../test/support/test-db.js';
import { checkIntegrity } from './integrity-check.js';

describe(`database integrity check (${TEST_TARGET})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t.drop());

  it('finds every index of a sound database in agreement with its table', async () => {
    const report = await checkIntegrity(t.db);
    expect(report.indexesChecked).toBeGreaterThan(100);
    expect(report.tablesChecked).toBeGreaterThan(50);
    expect(report.indexProblems).toEqual([]);
    expect(report.tableProblems).toEqual([]);
    expect(report.unresolved).toBe(0);
  });

  it('names an index that misses rows of its table, and rebuilds it when asked', async () => {
    await damageIndex(t.db);
    const found = await checkIntegrity(t.db);
    expect(found.indexProblems.map((p) => [p.index, p.table])).toEqual([['org_unit_parent_idx', 'org_unit']]);
    expect(found.indexProblems[0]?.message).toMatch(/lacks matching index tuple/);
    expect(found.indexProblems[0]?.repaired).toBeUndefined();
    expect(found.unresolved).toBe(1);

    const repaired = await checkIntegrity(t.db, { repair: true });
    expect(repaired.indexProblems.map((p) => p.repaired)).toEqual([true]);
    expect(repaired.unresolved).toBe(0);
    expect((await checkIntegrity(t.db)).indexProblems).toEqual([]);
    // The rows were never lost: the table held them, the rebuilt index finds them.
    const children = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM org_unit WHERE parent_id = 'ZZ01'",
    );
    expect(children[0]?.n).toBe(40);
  });
});
