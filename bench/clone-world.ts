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
 * 3. Checks: each table then holds its rows before plus (K-1) × its customer-level rows, every
 *    foreign key of a cloned table holds (the clone session skips FK triggers), unique keys are
 *    enforced by their indexes as usual; identity sequences move past the new ids; VACUUM ANALYZE.
 *    Steps 2–3 are one transaction (bench/clone-world-fill.ts); a failure drops the target.
 *
 *   npx tsx bench/clone-world.ts --from 20000 --times 50 [--replace] [--skip-trace-keys]
 *
 * --skip-trace-keys leaves the copies' traces without their idempotency keys (trace_key, a
 * fifth of the clone's size): nothing the bench does reads them, only a re-import of the
 * same traces would, so a disk too small for the full world can still hold the bench's.
 *   GRIDCARE_BENCH_DATABASE_URL=postgres://… (default postgres://postgres@127.0.0.1:5432/postgres)
 */
import pg from 'pg';
import { openDb } from '../src/db/db.js';
import { fillCopies } from './clone-world-fill.js';

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

async function build(started: number): Promise<void> {
  const db = await openDb({ databaseUrl: dbUrl(targetDb), poolSize: 1 });
  try {
    console.log(`Cloning ${baseDb} × ${times} into ${targetDb}:`);
    await fillCopies(db, { times, skipTraceKeys });
    const vacuumStarted = performance.now();
    // VACUUM as well as ANALYZE: sets hint bits and the visibility map now, so neither the bench
    // nor an autovacuum run in the middle of it pays for the fresh rows.
    await db.exec('VACUUM (ANALYZE)');
    console.log(`  VACUUM ANALYZE  ${seconds(vacuumStarted)} s`);
    const facts = await db.query<{ customers: string; size: string }>(
      `SELECT (SELECT count(*) FROM customer)::text AS customers,
              pg_size_pretty(pg_database_size(current_database())) AS size`,
    );
    console.log(`${targetDb}: ${facts[0]?.customers} customers, ${facts[0]?.size}, built in ${seconds(started)} s`);
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  if (!(await createFromTemplate())) return;
  try {
    await build(started);
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
