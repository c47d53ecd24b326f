/**
 * Builds the benchmark world gridcare_bench_portraits_<N×K> from a loaded
 * gridcare_bench_portraits_<N> inside PostgreSQL, so the 1,000,000-customer portrait bench
 * does not need the JS generator's ~6 hours (docs/bench.md).
 *
 * 1. CREATE DATABASE … TEMPLATE copies the base world as it is (copy 0).
 * 2. One INSERT … SELECT per customer-level table adds copies 1..K-1: numeric ids are offset
 *    by k × the base's largest id, customer and meter numbers by k × their span (so they keep
 *    the generator's format and stay valid ingest keys), every other business key gets the
 *    suffix '~k'. Dates are unchanged: every copy lives in the same 12 months.
 *    Topology, employees, users, settings, schemes and models are kept as they are (copies
 *    share the areas and agents); portrait outputs are emptied, since the bench rebuilds them.
 * 3. Checks: each statement inserted exactly (K-1) × the rows it read, every foreign key of a
 *    cloned table holds (the clone session skips FK triggers, see below), unique keys are
 *    enforced by their indexes as usual; identity sequences move past the new ids; VACUUM ANALYZE.
 *
 *   npx tsx bench/clone-world.ts --from 20000 --times 50 [--replace] [--skip-trace-keys]
 *
 * --skip-trace-keys leaves the copies' traces without their idempotency keys (trace_key, a
 * quarter of the clone's size): nothing the bench does reads them, only a re-import of the
 * same traces would, so a disk too small for the full world can still hold the bench's.
 *   GRIDCARE_BENCH_DATABASE_URL=postgres://… (default postgres://postgres@127.0.0.1:5432/postgres)
 */
import pg from 'pg';
import { CLONED, type CloneSpec, EMPTIED, IDS, KEPT, type Maps, suffix } from './clone-world-tables.js';

const flag = (name: string): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : Number.NaN;
};
const from = flag('from');
const times = flag('times');
if (!Number.isInteger(from) || !Number.isInteger(times) || from < 1 || times < 2) {
  console.error('usage: npx tsx bench/clone-world.ts --from <N> --times <K ≥ 2> [--replace] [--skip-trace-keys]');
  process.exit(2);
}
const replace = process.argv.includes('--replace');
const skipTraceKeys = process.argv.includes('--skip-trace-keys');
const serverUrl = process.env.GRIDCARE_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const baseDb = `gridcare_bench_portraits_${from}`;
const targetDb = `gridcare_bench_portraits_${from * times}`;

const seconds = (startedMs: number) => ((performance.now() - startedMs) / 1000).toFixed(1);
const dbUrl = (name: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

async function scalar(client: pg.Client, sql: string): Promise<string | null> {
  const rows = (await client.query<{ v: string | null }>(sql)).rows;
  return rows[0]?.v ?? null;
}

async function createFromTemplate(): Promise<boolean> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const has = async (name: string) =>
      (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    if (!(await has(baseDb))) throw new Error(`${baseDb} does not exist: load it first (docs/bench.md)`);
    if (await has(targetDb)) {
      if (!replace) {
        console.log(`${targetDb} already exists; --replace drops and rebuilds it.`);
        return false;
      }
      await admin.query(`DROP DATABASE ${targetDb} WITH (FORCE)`);
    }
    const started = performance.now();
    // FILE_COPY copies the template's files instead of WAL-logging every block: much faster for
    // a base of hundreds of MB. The template must have no other sessions while it is copied.
    await admin.query(`CREATE DATABASE ${targetDb} TEMPLATE ${baseDb} STRATEGY = FILE_COPY`);
    console.log(`${targetDb} created from ${baseDb} in ${seconds(started)} s`);
    return true;
  } finally {
    await admin.end();
  }
}

/** Every table must be classified, so a new migration's table cannot be silently left single. */
async function checkClassified(client: pg.Client): Promise<void> {
  const known = new Set([...KEPT, ...EMPTIED, ...CLONED.map((c) => c.table)]);
  const tables = (
    await client.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
    )
  ).rows.map((r) => r.relname);
  const unknown = tables.filter((t) => !known.has(t));
  if (unknown.length > 0) throw new Error(`clone-world does not know how to copy: ${unknown.join(', ')}`);
}

/** Numeric business keys keep their format: offset by k × (max − min + 1); otherwise a suffix. */
async function numericMap(client: pg.Client, table: string, column: string): Promise<(c: string) => string> {
  const row = (
    await client.query<{ numeric: boolean; span: string | null }>(
      `SELECT bool_and(${column} ~ '^[0-9]{1,17}$') AS numeric,
              (max(${column}::numeric) FILTER (WHERE ${column} ~ '^[0-9]{1,17}$')
               - min(${column}::numeric) FILTER (WHERE ${column} ~ '^[0-9]{1,17}$') + 1)::text AS span
       FROM ${table}`,
    )
  ).rows[0];
  if (!row?.numeric || row.span === null) return suffix;
  const span = row.span;
  // At least the source key's width: a leading zero is kept ('0012' + 2 → '0014').
  return (c: string) => {
    const shifted = `(${c}::numeric + g.k * ${span})::text`;
    return `lpad(${shifted}, greatest(length(${c}), length(${shifted})), '0')`;
  };
}

async function buildMaps(client: pg.Client): Promise<Maps> {
  const maxima = new Map<string, string>();
  for (const [table, column] of Object.entries(IDS))
    maxima.set(table, (await scalar(client, `SELECT coalesce(max(${column}), 0)::text AS v FROM ${table}`)) ?? '0');
  const customerNo = await numericMap(client, 'customer', 'customer_no');
  const meterNo = await numericMap(client, 'meter', 'meter_no');
  return { id: (table, column) => `${column} + g.k * ${maxima.get(table)}::bigint`, customerNo, meterNo };
}

async function columnsOf(client: pg.Client, table: string): Promise<string[]> {
  return (
    await client.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    )
  ).rows.map((r) => r.column_name);
}

async function cloneTable(client: pg.Client, spec: CloneSpec, maps: Maps): Promise<void> {
  const started = performance.now();
  const columns = await columnsOf(client, spec.table);
  const set = spec.set(maps);
  for (const column of Object.keys(set))
    if (!columns.includes(column)) throw new Error(`${spec.table}.${column} does not exist`);
  const where = spec.where ? `WHERE ${spec.where}` : '';
  const base = Number(await scalar(client, `SELECT count(*)::text AS v FROM ${spec.table} s ${where}`));
  // One statement for all copies: its SELECT sees only the rows from before the statement.
  const exprs = columns.map((c) => set[c] ?? `s.${c}`);
  const sql = `INSERT INTO ${spec.table} (${columns.join(', ')}) OVERRIDING SYSTEM VALUE
    SELECT ${exprs.join(', ')} FROM ${spec.table} s CROSS JOIN generate_series(1, ${times - 1}) AS g(k) ${where}`;
  const inserted = (await client.query(sql)).rowCount ?? 0;
  if (inserted !== base * (times - 1))
    throw new Error(`${spec.table}: inserted ${inserted} rows, expected ${base} × ${times - 1}`);
  console.log(
    `  ${spec.table.padEnd(20)} ${String(base).padStart(10)} customer-level rows, +${String(inserted).padStart(11)}  ${seconds(started)} s`,
  );
}

/** The clone session skips FK triggers, so every foreign key of a cloned table is checked here. */
async function checkForeignKeys(client: pg.Client): Promise<void> {
  const started = performance.now();
  const fks = (
    await client.query<{ name: string; child: string; parent: string; cols: string[]; refs: string[] }>(
      `SELECT con.conname AS name, c.relname AS child, p.relname AS parent,
              array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS cols,
              array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS refs
       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_class p ON p.oid = con.confrelid
       WHERE con.contype = 'f' AND c.relname = ANY($1::text[])`,
      [CLONED.map((c) => c.table)],
    )
  ).rows;
  for (const fk of fks) {
    const notNull = fk.cols.map((c) => `x.${c} IS NOT NULL`).join(' AND ');
    const match = fk.cols.map((c, i) => `y.${fk.refs[i]} = x.${c}`).join(' AND ');
    const orphans = await scalar(
      client,
      `SELECT count(*)::text AS v FROM ${fk.child} x WHERE ${notNull}
       AND NOT EXISTS (SELECT 1 FROM ${fk.parent} y WHERE ${match})`,
    );
    if (orphans !== '0') throw new Error(`foreign key ${fk.name}: ${orphans} rows of ${fk.child} have no ${fk.parent}`);
  }
  console.log(`  ${fks.length} foreign keys hold  ${seconds(started)} s`);
}

/** Later inserts (the bench's incremental phase) must not reuse the copies' ids. */
async function advanceIdentities(client: pg.Client): Promise<void> {
  for (const [table, column] of Object.entries(IDS))
    await client.query(
      `SELECT setval(pg_get_serial_sequence('${table}', '${column}'), greatest(1, (SELECT max(${column}) FROM ${table})))`,
    );
}

async function fillCopies(started: number): Promise<void> {
  const client = new pg.Client({ connectionString: dbUrl(targetDb) });
  await client.connect();
  try {
    await checkClassified(client);
    // Replica role: the statement triggers that mark portraits stale (portrait_dirty) and calls
    // pending inspection (qa_pending) do not fire; the bench rebuilds everything, and marking
    // tens of millions of rows would be waste. It also skips the FK triggers: checked below.
    await client.query("SET session_replication_role = 'replica'");
    await client.query(`TRUNCATE ${EMPTIED.join(', ')}`);
    const maps = await buildMaps(client);
    console.log(`Cloning ${baseDb} × ${times} into ${targetDb}:`);
    const cloneStarted = performance.now();
    for (const spec of CLONED) {
      if (skipTraceKeys && spec.table === 'trace_key')
        console.log('  trace_key            not cloned (--skip-trace-keys)');
      else await cloneTable(client, spec, maps);
    }
    console.log(`  copies inserted in ${seconds(cloneStarted)} s`);
    await checkForeignKeys(client);
    await advanceIdentities(client);
    await client.query("SET session_replication_role = 'origin'");
    const vacuumStarted = performance.now();
    // VACUUM as well as ANALYZE: sets hint bits and the visibility map now, so neither the bench
    // nor an autovacuum run in the middle of it pays for the fresh rows.
    await client.query('VACUUM (ANALYZE)');
    console.log(`  VACUUM ANALYZE  ${seconds(vacuumStarted)} s`);
    const customers = await scalar(client, 'SELECT count(*)::text AS v FROM customer');
    const size = await scalar(client, 'SELECT pg_size_pretty(pg_database_size(current_database())) AS v');
    console.log(`${targetDb}: ${customers} customers, ${size}, built in ${seconds(started)} s`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  if (!(await createFromTemplate())) return;
  try {
    await fillCopies(started);
  } catch (error) {
    // A half-cloned world may already hold N×K customers, which the bench would take as loaded.
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${targetDb} WITH (FORCE)`);
    await admin.end();
    console.error(`Clone failed; ${targetDb} dropped.`);
    throw error;
  }
}

await main();
