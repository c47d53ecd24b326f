/**
 * Import throughput: a generated CSV set imported through the full pipeline (read, validate,
 * resolve identities, upsert, traces) vs a bare multi-row INSERT of the same rows into a
 * plain unindexed table, in the same run. PGlite always; the server too when
 * GRIDCARE_BENCH_DATABASE_URL is set.
 *
 *   npx tsx bench/import-bench.ts [--customers N]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { type Db, openDb } from '../src/db/db.js';
import { migrate } from '../src/db/migrate.js';
import { importPath } from '../src/ingest/import-path.js';
import { writeCrashDataset } from '../test/ingest/crash-dataset.js';

const arg = process.argv.indexOf('--customers');
const customers = arg > 0 ? Number(process.argv[arg + 1]) : 20_000;
const KINDS = ['customers', 'meters', 'bills', 'payments', 'readings', 'work_orders'] as const;

interface Row {
  target: string;
  kind: string;
  rows: number;
  pipelineRowsPerS: number;
  baselineRowsPerS: number;
  ratio: number;
}

async function baseline(db: Db, file: string, table: string): Promise<number> {
  const records = parse(readFileSync(file), { columns: false }) as string[][];
  const [header, ...rows] = records;
  const cols = (header ?? []).map((_, i) => `c${i}`);
  await db.exec(`DROP TABLE IF EXISTS ${table}; CREATE TABLE ${table} (${cols.map((c) => `${c} text`).join(', ')})`);
  const started = performance.now();
  for (let start = 0; start < rows.length; start += 2000) {
    const chunk = rows.slice(start, start + 2000);
    const values = chunk.map((_, r) => `(${cols.map((_, c) => `$${r * cols.length + c + 1}`).join(', ')})`);
    await db.query(`INSERT INTO ${table} VALUES ${values.join(', ')}`, chunk.flat());
  }
  const seconds = (performance.now() - started) / 1000;
  await db.exec(`DROP TABLE ${table}`);
  return rows.length / seconds;
}

async function run(target: string, db: Db, dir: string): Promise<Row[]> {
  await migrate(db);
  const summary = await importPath(db, dir, { batchSize: 2000 });
  const results: Row[] = [];
  for (const kind of KINDS) {
    const file = summary.files.find((f) => f.kind === kind);
    if (!file) continue;
    const base = await baseline(db, file.file, `bench_${kind}`);
    const rate = file.read / file.seconds;
    results.push({
      target,
      kind,
      rows: file.read,
      pipelineRowsPerS: Math.round(rate),
      baselineRowsPerS: Math.round(base),
      ratio: 0,
    });
  }
  for (const r of results) r.ratio = Math.round((r.pipelineRowsPerS / r.baselineRowsPerS) * 100) / 100;
  return results;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gridcare-bench-'));
  writeCrashDataset(dir, customers);
  const results: Row[] = [];
  const lite = await openDb({});
  results.push(...(await run('pglite', lite, dir)));
  await lite.close();
  const server = process.env.GRIDCARE_BENCH_DATABASE_URL;
  if (server) {
    const name = `gridcare_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    const db = await openDb({ databaseUrl: url.toString() });
    try {
      results.push(...(await run('postgres', db, dir)));
    } finally {
      await db.close();
      // pool.end() resolves before the server has seen every connection go; a forced drop
      // in that window kills a closing connection, whose error nobody listens to any more.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `import bench, ${customers} customers (pipeline = read + validate + resolve + upsert + traces, one transaction per 2000 rows)`,
  );
  console.table(results);
  console.log(JSON.stringify({ bench: 'import', customers, results }));
}

await main();
