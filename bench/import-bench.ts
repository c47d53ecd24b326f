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
import { createDbSink } from '../src/ingest/db-sink.js';
import { importPath } from '../src/ingest/import-path.js';
import type { ImportKind, RecordsByKind } from '../src/ingest/records.js';
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

/** The demo generator's path: typed records streamed into createDbSink (no file parsing). */
async function sinkRates(target: string, db: Db, count: number): Promise<SinkRow[]> {
  const sink = createDbSink(db, { source: 'bench-sink' });
  const no = (i: number) => `S${String(i).padStart(7, '0')}`;
  const day = (i: number) => `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`;
  const kinds: [ImportKind, number, (i: number) => object][] = [
    [
      'customers',
      count,
      (i) => ({
        customer_no: no(i),
        name: `客户${i}`,
        customer_type: 'residential',
        org_unit_id: 'HN-CS-01-S1-G1',
        transformer_area_id: 'TA-01',
        phone: `138${String(i).padStart(8, '0')}`,
      }),
    ],
    ['meters', count, (i) => ({ meter_no: `SM-${i}`, customer_no: no(i), transformer_area_id: 'TA-01' })],
    [
      'bills',
      count,
      (i) => ({
        bill_no: `SB-${i}`,
        customer_no: no(i),
        period: '2026-09',
        kwh: 100 + (i % 50),
        amount: 58.8,
        issued_on: '2026-10-01',
        due_date: '2026-10-25',
      }),
    ],
    [
      'payments',
      count,
      (i) => ({
        payment_no: `SP-${i}`,
        customer_no: no(i),
        amount: 58.8,
        channel: 'app',
        paid_at: `${day(i)}T10:00:00+08:00`,
      }),
    ],
    ['readings', count * 3, (i) => ({ customer_no: no(Math.floor(i / 3)), date: day(i % 3), kwh: 5 + (i % 7) })],
    [
      'traces',
      count,
      (i) => ({
        source_id: `st-${i}`,
        customer_no: no(i),
        occurred_at: `${day(i)}T09:00:00+08:00`,
        trace_type: 'app_login',
        channel: 'app',
      }),
    ],
  ];
  const rows: SinkRow[] = [];
  for (const [kind, n, make] of kinds) {
    const records = Array.from({ length: n }, (_, i) => make(i)) as RecordsByKind[typeof kind][];
    const started = performance.now();
    await sink.write(kind, records);
    await sink.close();
    rows.push({ target, kind, rows: n, sinkRowsPerS: Math.round(n / ((performance.now() - started) / 1000)) });
  }
  return rows;
}

interface SinkRow {
  target: string;
  kind: string;
  rows: number;
  sinkRowsPerS: number;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gridcare-bench-'));
  writeCrashDataset(dir, customers);
  const results: Row[] = [];
  const sinks: SinkRow[] = [];
  const lite = await openDb({});
  results.push(...(await run('pglite', lite, dir)));
  sinks.push(...(await sinkRates('pglite', lite, customers)));
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
      sinks.push(...(await sinkRates('postgres', db, customers)));
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
  console.log('createDbSink (typed records, as the demo generator writes them, 5000 per transaction)');
  console.table(sinks);
  console.log(JSON.stringify({ bench: 'import', customers, results, sinks }));
}

await main();
