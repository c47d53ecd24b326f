import { writeFileSync } from 'node:fs';
import { openDb } from './src/db/db.js';
import { migrate } from './src/db/migrate.js';
import { createGroundTruthMemory } from './src/demo/ground-truth.js';
import { buildClock } from './src/demo/clock.js';
import { DEFAULT_END_MONTH, DEFAULT_MONTHS, generateDemoWorld } from './src/demo/world.js';
import { createDbSink } from './src/ingest/db-sink.js';
import { createProgress } from './src/ingest/progress.js';
import { buildDerivedFacts } from './src/cli/first-start-derived.js';
import { evaluatePortraits } from './src/portraits/eval/evaluate-portraits.js';
for (const seed of process.argv.slice(2).map(Number)) {
  const db = await openDb({});
  await migrate(db);
  const sink = createDbSink(db, { source: 'demo' });
  const truth = createGroundTruthMemory();
  const progress = createProgress({ label: `seed ${seed}`, unit: 'customers', total: 5000 });
  try { await generateDemoWorld({ seed, customers: 5000, months: DEFAULT_MONTHS, endMonth: DEFAULT_END_MONTH }, sink, truth, progress); } finally { await sink.close(); }
  await buildDerivedFacts(db, () => undefined, new Date(buildClock(DEFAULT_END_MONTH, DEFAULT_MONTHS).endMs - 1));
  const result = await evaluatePortraits(db, truth.lines);
  const out = result.scored.filter((c) => (c.features.complaints_12m ?? 0) >= 2).map((c) => ({ no: c.customerNo, traits: [...c.traits], tagged: c.tags.has('repeat_complainer'), f: c.features }));
  writeFileSync(`/tmp/gc/rc-${seed}.json`, JSON.stringify(out));
  console.log('seed', seed, out.length);
  await db.close();
}
