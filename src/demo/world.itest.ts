import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { createDbSink } from '../ingest/db-sink.js';
import { importPath } from '../ingest/import-path.js';
import { createFileSink } from './file-sink.js';
import { createGroundTruthFile, createGroundTruthMemory } from './ground-truth.js';
import { generateDemoWorld } from './world.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

const count = async (t: TestDb, table: string): Promise<number> =>
  (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? -1;

describe('importing a generated world', () => {
  it('writes a small world straight into the database with no rejected record', async () => {
    const t = await createTestDb();
    cleanups.push(() => t.drop());
    const sink = createDbSink(t.db, { source: 'demo' });
    const summary = await generateDemoWorld(
      { customers: 250, months: 3, seed: 31, endMonth: '2026-10' },
      sink,
      createGroundTruthMemory(),
    );
    await sink.close();
    const rejected = Object.entries(sink.counts()).flatMap(([kind, c]) =>
      (c?.rejected ?? []).map((r) => ({ kind, ...r })),
    );
    expect(rejected.slice(0, 5)).toEqual([]);
    expect(await count(t, 'customer')).toBe(250);
    expect(await count(t, 'meter')).toBe(250);
    expect(await count(t, 'employee')).toBe(summary.employees);
    expect(await count(t, 'work_order')).toBe(summary.rows.work_orders);
    expect(await count(t, 'call')).toBe(summary.rows.calls);
    expect(await count(t, 'meter_reading_month')).toBe(250 * 3);
    expect(await count(t, 'trace')).toBeGreaterThan(summary.rows.traces ?? 0);
  }, 180_000);

  it('imports the files it writes with no rejected row', async () => {
    const t = await createTestDb();
    cleanups.push(() => t.drop());
    const dir = mkdtempSync(path.join(tmpdir(), 'gridcare-demo-files-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const sink = createFileSink(dir);
    const truth = createGroundTruthFile(path.join(dir, 'ground-truth.jsonl'));
    const summary = await generateDemoWorld({ customers: 200, months: 2, seed: 32, endMonth: '2026-10' }, sink, truth);
    await sink.close();
    await truth.close();
    const result = await importPath(t.db, dir, { progress: false });
    const failed = result.files.filter((f) => f.fileError).map((f) => path.basename(f.file));
    // The ground truth sits beside the import files and is not an import kind.
    expect(failed.filter((name) => name !== 'ground-truth.jsonl')).toEqual([]);
    expect(result.totals.rejected).toBe(0);
    expect(await count(t, 'customer')).toBe(200);
    expect(await count(t, 'work_order')).toBe(summary.rows.work_orders);
  }, 180_000);
});
