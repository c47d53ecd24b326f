import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { listMigrations, migrate } from './migrate.js';

describe('migrations', () => {
  let t: TestDb | undefined;
  afterEach(async () => t?.drop());

  it('applies every migration once and records it', async () => {
    t = await createTestDb({ migrated: false });
    const ran = await migrate(t.db);
    expect(ran.map((m) => m.version)).toEqual(listMigrations().map((m) => m.version));
    expect(await migrate(t.db)).toEqual([]);
    const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migration');
    expect(rows[0]?.n).toBe(listMigrations().length);
  });

  it('creates a monthly trace partition on demand and routes rows into it', async () => {
    t = await createTestDb();
    await t.db.query(`SELECT ensure_trace_partition('2026-03-01')`);
    await t.db.query(`SELECT ensure_trace_partition('2026-03-01')`);
    await t.db.query(
      `INSERT INTO trace (occurred_at, trace_type, channel, direction, source, source_id)
       VALUES ('2026-03-15T10:00:00+08:00', 'app_login', 'app', 'inbound', 'test', 'a1')`,
    );
    const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM trace_y2026m03');
    expect(rows[0]?.n).toBe(1);
  });
});
