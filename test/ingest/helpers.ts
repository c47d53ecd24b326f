import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Db } from '../../src/db/db.js';
import { importPath } from '../../src/ingest/import-path.js';

export const EXAMPLES = path.resolve('examples');

/** A scratch folder, so errors files never land beside the committed examples. */
export function scratchDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'gridcare-ingest-'));
}

export function copyExample(name: string, dir = scratchDir(), as = path.basename(name)): string {
  const target = path.join(dir, as);
  copyFileSync(path.join(EXAMPLES, name), target);
  return target;
}

export function writeScratch(name: string, text: string, dir = scratchDir()): string {
  const target = path.join(dir, name);
  writeFileSync(target, text);
  return target;
}

export async function importExamples(db: Db): Promise<void> {
  const summary = await importPath(db, EXAMPLES);
  if (summary.totals.rejected > 0 || summary.failedFiles > 0) {
    throw new Error(
      `examples did not import cleanly: ${JSON.stringify(summary.files.filter((f) => f.rejected || f.fileError))}`,
    );
  }
}

/** updated_at of every row of the entity tables, to prove a re-import touched nothing. */
export async function updatedAtSnapshot(db: Db): Promise<string> {
  const tables = [
    'org_unit',
    'substation',
    'feeder',
    'transformer_area',
    'customer',
    'meter',
    'employee',
    'bill',
    'payment',
    'meter_reading_month',
    'work_order',
    'call',
    'outage',
    'notice',
    'employee_operation',
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await db.query<{ s: string }>(
      `SELECT coalesce(string_agg(updated_at::text, ',' ORDER BY updated_at), '') AS s FROM ${table}`,
    );
    parts.push(`${table}:${rows[0]?.s}`);
  }
  const traces = await db.query<{ s: string }>(
    "SELECT coalesce(string_agg(trace_id || '@' || revision || '@' || recorded_at::text, ',' ORDER BY trace_id), '') AS s FROM trace",
  );
  parts.push(`trace:${traces[0]?.s}`);
  return parts.join('\n');
}
