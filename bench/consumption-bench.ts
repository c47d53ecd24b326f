/**
 * Consumption profiles on a demo world: `npx tsx bench/consumption-bench.ts [--customers 10000]
 * [--seed 1] [--database-url postgres://…/db | --data-dir DIR] [--as-of ISO]`. Loads the world when the
 * database holds no customers (generateDemoWorld through createDbSink, ground truth beside
 * it), times rebuildConsumptionProfiles at the end of the world, and scores the
 * 'sudden_sustained_drop' pattern against the ground truth's electricity_theft (precision,
 * recall, vacant homes flagged, error of drop_started_on). Prints a table and a final JSON line.
 * Without --database-url / --data-dir it uses a temporary in-memory PGlite.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openDb } from '../src/db/db.js';
import { migrate } from '../src/db/migrate.js';
import { createGroundTruthFile, type GroundTruthLine } from '../src/demo/ground-truth.js';
import { DEFAULT_END_MONTH, generateDemoWorld } from '../src/demo/world.js';
import { createDbSink } from '../src/ingest/db-sink.js';
import { evaluateDrop } from '../src/portraits/consumption/evaluate-drop.js';
import { rebuildConsumptionProfiles } from '../src/portraits/consumption/rebuild.js';

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const customers = Number(flag('customers') ?? 10_000);
const seed = Number(flag('seed') ?? 1);
const databaseUrl = flag('database-url');
const dataDir = flag('data-dir');
const truthFile =
  flag('ground-truth') ?? path.join(dataDir ?? '/tmp/gridcare-consumption-bench', `world-${seed}.jsonl`);

const db = await openDb({ databaseUrl, dataDir });
await migrate(db);
const loaded = Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM customer'))[0]?.n ?? 0);
if (loaded === 0) {
  const started = performance.now();
  const sink = createDbSink(db, { source: 'demo' });
  const truth = createGroundTruthFile(truthFile);
  await generateDemoWorld({ customers, months: 12, seed, endMonth: DEFAULT_END_MONTH }, sink, truth);
  await sink.close();
  await truth.close();
  console.log(`loaded ${customers} customers (seed ${seed}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const truth = readFileSync(truthFile, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as GroundTruthLine);
const world = truth.find((l) => l.type === 'world');
const endMonth = world?.type === 'world' ? world.end_month : DEFAULT_END_MONTH;
const [year, month] = endMonth.split('-').map(Number) as [number, number];
const nextMonth = `${month === 12 ? year + 1 : year}-${String((month % 12) + 1).padStart(2, '0')}-01`;
// --as-of ISO rebuilds at another instant (e.g. weeks after the last reading, as the engine does).
const asOf = new Date(flag('as-of') ?? `${nextMonth}T00:00:00+08:00`);

const started = performance.now();
const result = await rebuildConsumptionProfiles(db, { asOf });
const seconds = (performance.now() - started) / 1000;

const rows = await db.query<{ customer_no: string; flagged: boolean; drop_started_on: string | null }>(
  `SELECT c.customer_no, 'sudden_sustained_drop' = ANY(p.patterns) AS flagged, p.drop_started_on
   FROM consumption_profile p JOIN customer c USING (customer_id)`,
);
const evaluation = evaluateDrop(
  rows.map((r) => ({ customerNo: r.customer_no, flagged: r.flagged, dropStartedOn: r.drop_started_on })),
  truth,
  nextMonth,
);
const patternCounts = await db.query<{ pattern: string; n: number }>(
  'SELECT unnest(patterns) AS pattern, count(*)::int AS n FROM consumption_profile GROUP BY 1 ORDER BY 1',
);
const adviceCounts = await db.query<{ advice: string; n: number }>(
  'SELECT unnest(advice) AS advice, count(*)::int AS n FROM consumption_profile GROUP BY 1 ORDER BY 1',
);
await db.close();

console.table({
  rebuild: { value: `${result.customers} profiles in ${seconds.toFixed(1)} s (${db.kind})` },
  precision: { value: evaluation.precision.toFixed(3) },
  recall: { value: evaluation.recall.toFixed(3) },
  thieves: { value: evaluation.theft },
  flagged: { value: evaluation.flagged },
  vacancyFlagged: { value: `${evaluation.vacancyFlagged} of ${evaluation.vacancies}` },
  dropDateError: { value: `median ${evaluation.medianDateErrorDays} d, max ${evaluation.maxDateErrorDays} d` },
});
console.table(Object.fromEntries(patternCounts.map((r) => [r.pattern, r.n])));
console.table(Object.fromEntries(adviceCounts.map((r) => [r.advice, r.n])));
console.log(JSON.stringify({ bench: 'consumption', seed, seconds, ...evaluation, profiles: result.customers }));
