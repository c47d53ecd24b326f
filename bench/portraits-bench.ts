/**
 * Portrait rebuild and incremental refresh on a PostgreSQL server (issue #4's benchmark).
 *
 * 1. A demo world of N customers × 12 months is loaded once into its own database
 *    (gridcare_bench_portraits_<N>, kept between runs because loading is the slow part;
 *    --fresh reloads it).
 * 2. Baseline: one bare aggregate scan over the same trace and readings tables
 *    (count and a sum per customer), in the same run.
 * 3. The full rebuild (credit ledger, consumption, customer, employee and area portraits):
 *    wall time per phase, peak RSS of this process, and the ratio to the baseline (goal ≤ 2×).
 * 4. Incremental: traces posted through the ingest path at a target rate (1,000/s, then 2,000/s)
 *    with the refresher running; latency from a trace's acceptance to its customer's
 *    portrait being recomputed (the stale mark cleared by the refresh commit), p50/p99.
 * 5. The sweep: 2,000 customers refreshed for the change `time` against a bill look-up.
 *
 *   npx tsx bench/portraits-bench.ts [--customers 20000] [--rate 2000 (one rate only)] [--seconds 10] [--fresh]
 *     [--incremental-only (skip the baseline and the rebuild)] [--rebuild-only (skip the incremental runs)]
 *     [--warmup S (before each measured run, S seconds of traces at the same rate, not measured)]
 *   GRIDCARE_BENCH_DATABASE_URL=postgres://… (default postgres://postgres@127.0.0.1:5432/postgres)
 */
import pg from 'pg';
import { buildDerivedFacts } from '../src/cli/first-start-derived.js';
import { type Db, openDb } from '../src/db/db.js';
import { migrate } from '../src/db/migrate.js';
import { createGroundTruthMemory } from '../src/demo/ground-truth.js';
import { generateDemoWorld } from '../src/demo/world.js';
import { createDbSink } from '../src/ingest/db-sink.js';
import { acceptTraceBatch } from '../src/ingest/trace-batch.js';
import { PortraitRefresher } from '../src/portraits/engine/portrait-refresher.js';
import { createPortraitEngine } from '../src/portraits/portraits.js';
import { formatSweep, sweepCost } from './portraits-sweep-cost.js';
import { timeRefreshHalves } from './refresh-halves.js';
import { percentile, timed } from './timing.js';

const flag = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const customers = flag('customers', 20_000);
// --rate N measures one rate; by default both the 1,000/s and the 2,000/s goal rates, in turn.
const rates = process.argv.includes('--rate') ? [flag('rate', 2_000)] : [1_000, 2_000];
const seconds = flag('seconds', 10);
// --warmup S: a server that has run for a while holds its hot index pages in memory, which a
// run straight after the rebuild (whose scans filled the cache with other pages) does not. The
// warm-up posts at the measured rate for S seconds to other customers than the measured ones.
const warmupSeconds = flag('warmup', 0);
const fresh = process.argv.includes('--fresh');
// --incremental-only: the world's portraits are already built (by an earlier run); measure
// the incremental refresh alone (a 1,000,000-customer rebuild takes ~40 minutes here).
const incrementalOnly = process.argv.includes('--incremental-only');
// --rebuild-only: the baseline and the rebuild without the incremental runs, for comparing
// rebuilds run after run (each incremental run adds traces to the world).
const rebuildOnly = process.argv.includes('--rebuild-only');
// --parallelism N: the parts a refresh batch's features are computed in side by side (the
// engine's default when absent), for measuring what more connections buy on this disk.
const parallelism = process.argv.includes('--parallelism') ? flag('parallelism', 2) : undefined;
const serverUrl = process.env.GRIDCARE_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `gridcare_bench_portraits_${customers}`;

async function ensureWorld(): Promise<Db> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName])).rowCount === 1;
  if (exists && fresh) await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
  if (!exists || fresh) await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  // The server's pool, unless --parallelism asks for more parts than it holds beside the next
  // batch's marks, the ingest and the observer.
  const db = await openDb({
    databaseUrl: url.toString(),
    ...(parallelism ? { poolSize: Math.max(8, parallelism + 5) } : {}),
  });
  await migrate(db);
  const loaded = await db.query<{ n: number }>('SELECT count(*) AS n FROM customer');
  if (Number(loaded[0]?.n ?? 0) < customers) {
    const started = Date.now();
    console.log(`Loading a ${customers}-customer world into ${dbName} (once) …`);
    const sink = createDbSink(db, { source: 'demo' });
    await generateDemoWorld(
      { customers, months: 12, seed: 20261123, endMonth: '2026-10' },
      sink,
      createGroundTruthMemory(),
    );
    await sink.close();
    await buildDerivedFacts(db, () => undefined); // QA results the portraits read
    console.log(`Loaded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  return db;
}

async function baselineScan(db: Db): Promise<number> {
  const { ms } = await timed(async () => {
    await db.query('SELECT customer_id, count(*), max(occurred_at) FROM trace GROUP BY customer_id');
    await db.query(
      'SELECT customer_id, count(*), sum(array_length(kwh, 1)) FROM meter_reading_month GROUP BY customer_id',
    );
  });
  return ms;
}

interface BenchCustomer {
  customer_no: string;
  customer_id: number;
}

/**
 * Posts bill look-ups through the ingest path at `rate` for `durationS`, round-robin over
 * `customers`; `onAccepted` hears each accepted trace's customer and acceptance time.
 */
async function postTraces(
  db: Db,
  rate: number,
  durationS: number,
  customers: readonly BenchCustomer[],
  onAccepted: (customerId: number, acceptedAt: number) => void = () => undefined,
): Promise<{ sent: number; elapsedS: number; batchSize: number; ingestMs: number[] }> {
  // Half-second ticks: the ingest path takes a few hundred ms per batch, so smaller ticks
  // could not reach the target rate.
  const tickMs = 500;
  const perTick = Math.max(1, Math.round((rate * tickMs) / 1000));
  const started = performance.now();
  let sent = 0;
  // How long the ingest path took for each tick's batch: the work a trace costs before it is
  // accepted, which the latency (counted from acceptance) does not include.
  const ingestMs: number[] = [];
  while (performance.now() - started < durationS * 1000) {
    const tickStart = performance.now();
    const picked = Array.from({ length: perTick }, (_, k) => customers[(sent + k) % customers.length] as BenchCustomer);
    const items = picked.map((c, k) => ({
      source_id: `bench-${Date.now()}-${sent + k}`,
      customer_no: c.customer_no,
      occurred_at: new Date().toISOString(),
      // A bill look-up: collected in full by the shipped collection points (app logins are
      // thinned to one per hour, which would leave nothing to refresh) and a feature input.
      trace_type: 'app_query',
      channel: 'app',
      attributes: { query: 'bill' },
    }));
    const posted = performance.now();
    const results = await acceptTraceBatch(db, 'bench', items);
    ingestMs.push(performance.now() - posted);
    const rejected = results.find((r) => r.status === 'rejected');
    if (rejected) throw new Error(`bench trace rejected: ${JSON.stringify(rejected)}`);
    const accepted = performance.now();
    // Only accepted traces mark a portrait stale; a duplicate or a thinned one has nothing to wait for.
    results.forEach((r, k) => {
      if (r.status === 'accepted') onAccepted((picked[k] as BenchCustomer).customer_id, accepted);
    });
    sent += perTick;
    const spare = tickMs - (performance.now() - tickStart);
    if (spare > 0) await new Promise((r) => setTimeout(r, spare));
  }
  return { sent, elapsedS: (performance.now() - started) / 1000, batchSize: perTick, ingestMs };
}

async function incremental(
  db: Db,
  rate: number,
): Promise<{
  traces: number;
  p50: number;
  p99: number;
  achievedRate: number;
  undrained: number;
  ingestBatch: number;
  ingestP50: number;
  ingestP99: number;
  batchP50: number;
  prepareP50Ms: number;
  commitP50Ms: number;
}> {
  const engine = createPortraitEngine(db, parallelism ? { parallelism } : {});
  const phases = timeRefreshHalves(engine);
  const latencies: number[] = [];
  const waiting = new Map<string, number>(); // customer_id → accepted at (ms)
  // A customer's portrait is visible once no stale mark of it is left. That is checked for the
  // waiting customers of each batch the refresher commits, when it commits them: a customer
  // whose mark was set again meanwhile waits for a later batch. (Asking for every waiting
  // customer every 25 ms cost the bench more than the refresher's own batches once a backlog
  // formed: thousands of keys a poll, 40 polls a second, on the same two cores.)
  const checks: Promise<void>[] = [];
  const visibleAmong = async (keys: readonly string[]) => {
    const stale = new Set(
      (
        await db.query<{ subject_key: string }>(
          "SELECT subject_key FROM portrait_dirty WHERE subject_kind = 'customer' AND subject_key = ANY($1::text[])",
          [keys],
        )
      ).map((r) => r.subject_key),
    );
    const now = performance.now();
    for (const key of keys) {
      const acceptedAt = waiting.get(key);
      if (acceptedAt !== undefined && !stale.has(key)) {
        latencies.push(now - acceptedAt);
        waiting.delete(key);
      }
    }
  };
  // The server's customer refresher (areas are refreshed on their own minute-long cycle, see
  // startPortraitRefreshers); the area marks the traces also make are left for that one.
  const refresher = new PortraitRefresher(db, engine, {
    kinds: ['customer', 'employee'],
    idleMs: 20,
    onRefreshed: (kind, keys) => {
      const mine = kind === 'customer' ? keys.filter((key) => waiting.has(key)) : [];
      if (mine.length > 0) checks.push(visibleAmong(mine));
    },
  });
  await db.query('DELETE FROM portrait_dirty');
  // A customer per warm-up trace where the world has them (as on a server, where traces come
  // from everyone), then the measured ones; in a small world the two share customers.
  const warmupTraces = Math.round(rate * warmupSeconds);
  const sample = await db.query<BenchCustomer>(
    'SELECT customer_no, customer_id FROM customer ORDER BY random() LIMIT $1',
    [warmupTraces + 50_000],
  );
  const disjoint = sample.length > warmupTraces;
  const warmupCustomers = disjoint ? sample.slice(0, warmupTraces) : sample;
  const measured = disjoint ? sample.slice(warmupTraces) : sample;
  refresher.start();
  if (warmupTraces > 0) {
    const warm = await postTraces(db, rate, warmupSeconds, warmupCustomers);
    console.log(`warm-up: ${warm.sent} traces in ${warm.elapsedS.toFixed(1)} s`);
  }
  const { sent, elapsedS, batchSize, ingestMs } = await postTraces(
    db,
    rate,
    seconds,
    measured,
    (customerId, acceptedAt) => {
      if (!waiting.has(String(customerId))) waiting.set(String(customerId), acceptedAt);
    },
  );
  const drainDeadline = performance.now() + 60_000;
  while (waiting.size > 0 && performance.now() < drainDeadline) await new Promise((r) => setTimeout(r, 50));
  await refresher.stop();
  await Promise.all(checks);
  // A customer still stale at the deadline counts with its wait so far, a lower bound: left
  // out, the slowest would vanish from the percentiles.
  const undrained = waiting.size;
  const now = performance.now();
  for (const acceptedAt of waiting.values()) latencies.push(now - acceptedAt);
  latencies.sort((a, b) => a - b);
  ingestMs.sort((a, b) => a - b);
  return {
    traces: sent,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    achievedRate: sent / elapsedS,
    undrained,
    ingestBatch: batchSize,
    ingestP50: percentile(ingestMs, 50),
    ingestP99: percentile(ingestMs, 99),
    ...phases.summary(),
  };
}

async function incrementalRuns(db: Db) {
  const runs = [];
  for (const rate of rates) {
    const inc = await incremental(db, rate);
    runs.push({
      targetRate: rate,
      achievedRate: Math.round(inc.achievedRate),
      traces: inc.traces,
      p50Ms: Math.round(inc.p50),
      p99Ms: Math.round(inc.p99),
      undrained: inc.undrained,
      warmupS: warmupSeconds,
      ingestBatch: inc.ingestBatch,
      ingestP50Ms: Math.round(inc.ingestP50),
      ingestP99Ms: Math.round(inc.ingestP99),
      batchP50: inc.batchP50,
      prepareP50Ms: inc.prepareP50Ms,
      commitP50Ms: inc.commitP50Ms,
    });
  }
  return runs;
}

function formatLatency(runs: Awaited<ReturnType<typeof incrementalRuns>>): string {
  return runs
    .map(
      (r) =>
        `${r.p50Ms} / ${r.p99Ms} ms at ${r.targetRate}/s (achieved ${r.achievedRate}/s${r.warmupS ? `, after ${r.warmupS} s of warm-up` : ''}${r.undrained ? `; ${r.undrained} still stale after 60 s, counted as ≥ their wait` : ''}; ingest ${r.ingestP50Ms} / ${r.ingestP99Ms} ms a batch of ${r.ingestBatch}; refresh batches of ${r.batchP50}: features ${r.prepareP50Ms} ms, write ${r.commitP50Ms} ms, p50)`,
    )
    .join('; ');
}

const db = await ensureWorld();
if (incrementalOnly) {
  try {
    // Earlier runs' closed portrait rows and cleared marks are dead rows a server with
    // autovacuum on (the default) would have cleaned; this machine's server runs with it off,
    // so without this each run would start behind the last (measured at 20,000 customers after
    // ten runs: 200,000 dead portrait rows and 220,000 dead marks).
    await db.query('VACUUM ANALYZE customer_portrait, portrait_dirty, portrait_source_state');
    const runs = await incrementalRuns(db);
    const sweep = await sweepCost(db, customers);
    console.log(`| ${customers} customers | incremental p50 / p99 | ${formatLatency(runs)} |`);
    console.log(formatSweep(sweep));
    console.log(JSON.stringify({ customers, incremental: runs, sweep }));
  } finally {
    await db.close();
  }
  process.exit(0);
}
try {
  // Statistics and a clean heap before measuring: a server with autovacuum on (the default)
  // would have them; this bench's server may run with it off, and without statistics on the
  // trace partitions the planner reads a whole month per partition for a handful of customers.
  const vacuum = await timed(() => db.query('VACUUM ANALYZE'));
  console.log(`VACUUM ANALYZE in ${(vacuum.ms / 1000).toFixed(1)} s`);
  const counts = (
    await db.query<{ traces: number; months: number }>(
      'SELECT (SELECT count(*) FROM trace) AS traces, (SELECT count(*) FROM meter_reading_month) AS months',
    )
  )[0];
  await baselineScan(db); // warm the cache so both sides read from memory
  const baselineMs = await baselineScan(db);
  const engine = createPortraitEngine(db);
  const rssBefore = process.memoryUsage().rss;
  // Wall time per phase. A kind's precomputations (credit ledger, consumption) run side by side
  // from the kind's start, its portraits after the last of them. Kinds overlap where the
  // definitions allow (employees beside customers, the area kinds beside each other), but their
  // progress arrives one kind after another, so a kind's figure is the wall time it adds after
  // the kind before it (0 when it was done by then).
  const phases = new Map<string, { first: number; last: number }>();
  const rebuildStarted = performance.now();
  const rebuild = await timed(() =>
    engine.rebuild({
      asOf: new Date(),
      onProgress: (p) => {
        const key = `${p.kind}/${p.phase}`;
        const now = performance.now();
        const seen = phases.get(key);
        if (seen) seen.last = now;
        else phases.set(key, { first: now, last: now });
      },
    }),
  );
  const phaseSeconds: Array<{ phase: string; s: number }> = [];
  let kindStart = rebuildStarted;
  for (const kind of new Set([...phases.keys()].map((k) => k.split('/')[0]))) {
    const own = [...phases].filter(([k]) => k.startsWith(`${kind}/`));
    const pre = own.filter(([k]) => k !== `${kind}/portraits`);
    for (const [phase, t] of pre) phaseSeconds.push({ phase, s: +((t.last - kindStart) / 1000).toFixed(2) });
    const portraits = phases.get(`${kind}/portraits`);
    const start = Math.max(kindStart, ...pre.map(([, t]) => t.last));
    if (portraits) phaseSeconds.push({ phase: `${kind}/portraits`, s: +((portraits.last - start) / 1000).toFixed(2) });
    kindStart = Math.max(start, portraits?.last ?? start);
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const runs = rebuildOnly ? [] : await incrementalRuns(db);
  const sweep = rebuildOnly ? undefined : await sweepCost(db, customers);
  const result = {
    customers,
    traces: counts?.traces,
    readingMonths: counts?.months,
    baselineScanS: +(baselineMs / 1000).toFixed(2),
    rebuildS: +(rebuild.ms / 1000).toFixed(2),
    ratio: +(rebuild.ms / baselineMs).toFixed(2),
    subjects: rebuild.value.subjects,
    phases: phaseSeconds,
    peakRssMb: Math.round(peakRssMb),
    rssBeforeMb: Math.round(rssBefore / 1024 / 1024),
    incremental: runs,
    sweep,
  };
  // Where the rebuild's time goes, each phase also as a multiple of the baseline scan.
  console.log('| rebuild phase | wall | share | × baseline scan |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const p of phaseSeconds)
    console.log(
      `| ${p.phase} | ${p.s.toFixed(2)} s | ${Math.round((p.s * 100_000) / rebuild.ms)} % | ${((p.s * 1000) / baselineMs).toFixed(1)}× |`,
    );
  console.log(
    `| **total** (phases side by side overlap) | ${result.rebuildS} s | 100 % | ${result.ratio}× (goal ≤ 2×) |`,
  );
  console.log();
  console.log('| customers | traces | baseline scan | full rebuild | ratio | peak RSS | incremental p50 / p99 |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  const latency = formatLatency(runs);
  console.log(
    `| ${customers} | ${result.traces} | ${result.baselineScanS} s | ${result.rebuildS} s | ${result.ratio}× | ${result.peakRssMb} MB | ${latency} |`,
  );
  if (sweep) console.log(formatSweep(sweep));
  console.log(JSON.stringify(result));
} finally {
  await db.close();
}
