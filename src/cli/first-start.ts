import path from 'node:path';
import type { Config } from '../config/config.js';
import type { Db } from '../db/db.js';
import { createGroundTruthFile } from '../demo/ground-truth.js';
import type { DemoWorldOptions } from '../demo/types.js';
import type { RecordSink } from '../ingest/records.js';

/** The month the first-start demo world ends with (the demo's "now"). */
export const DEMO_END_MONTH = '2026-10';
const MARKER = 'demo_world';

export type DemoLoadResult =
  | { loaded: true; customers: number; seconds: number; groundTruth: string }
  | { loaded: false; reason: string };

export async function demoWorldMarker(db: Db): Promise<Record<string, unknown> | null> {
  const rows = await db.query<{ value: Record<string, unknown> }>('SELECT value FROM app_setting WHERE key = $1', [MARKER]);
  return rows[0]?.value ?? null;
}

/**
 * Loads the demo world on the first start: only when demoCustomers > 0, no marker says it was
 * loaded before, and the database holds no customers (real data is never mixed with a demo).
 * A second start finds the marker and reuses the data.
 */
export async function loadFirstStartDemo(
  db: Db,
  config: Pick<Config, 'demoCustomers' | 'demoMonths' | 'demoSeed' | 'dataDir'>,
  log: (line: string) => void = console.log,
): Promise<DemoLoadResult> {
  if (config.demoCustomers <= 0) return { loaded: false, reason: 'GRIDCARE_DEMO_CUSTOMERS is 0' };
  if (await demoWorldMarker(db)) return { loaded: false, reason: 'the demo world was loaded on an earlier start' };
  const customers = await db.query('SELECT 1 FROM customer LIMIT 1');
  if (customers.length > 0) return { loaded: false, reason: 'the database already holds customers' };

  const options: DemoWorldOptions = {
    customers: config.demoCustomers,
    months: config.demoMonths,
    seed: config.demoSeed,
    endMonth: DEMO_END_MONTH,
  };
  const started = Date.now();
  const groundTruthFile = path.join(config.dataDir, 'ground-truth', `world-${options.seed}.jsonl`);
  const generated = await generateIntoDatabase(db, options, groundTruthFile, log);
  if (!generated) return { loaded: false, reason: 'the demo generator or the database sink is not part of this build yet' };
  await db.query(
    `INSERT INTO app_setting (key, value) VALUES ($1, $2::jsonb)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [MARKER, JSON.stringify({ ...options, loadedAt: new Date().toISOString(), groundTruth: groundTruthFile })],
  );
  return { loaded: true, customers: options.customers, seconds: (Date.now() - started) / 1000, groundTruth: groundTruthFile };
}

// ---------------------------------------------------------------------------------------
// CALL SITE FOR THE LEAD TO COMPLETE. generateDemoWorld (src/demo) and createDbSink
// (src/ingest/db-sink.ts) are written by other helpers in parallel. Until both exist they are
// loaded by module path at run time, typed here by the signatures the briefs agree on; once
// they land, replace the two dynamic imports with static imports and drop the local types.
// ---------------------------------------------------------------------------------------
type Progress = (event: unknown) => void;
type GenerateDemoWorld = (
  options: DemoWorldOptions,
  sink: RecordSink,
  groundTruth: ReturnType<typeof createGroundTruthFile>,
  progress?: Progress,
) => Promise<unknown>;
type CreateDbSink = (db: Db, options: { source: string }) => RecordSink;

const DEMO_MODULE = '../demo/world.js';
const SINK_MODULE = '../ingest/db-sink.js';

async function generateIntoDatabase(db: Db, options: DemoWorldOptions, groundTruthFile: string, log: (line: string) => void): Promise<boolean> {
  let generateDemoWorld: GenerateDemoWorld | undefined;
  let createDbSink: CreateDbSink | undefined;
  try {
    generateDemoWorld = ((await import(DEMO_MODULE)) as { generateDemoWorld?: GenerateDemoWorld }).generateDemoWorld;
    createDbSink = ((await import(SINK_MODULE)) as { createDbSink?: CreateDbSink }).createDbSink;
  } catch {
    return false;
  }
  if (!generateDemoWorld || !createDbSink) return false;
  log(`Generating the demo world: ${options.customers} customers, ${options.months} months ending ${options.endMonth} (seed ${options.seed}) …`);
  const sink = createDbSink(db, { source: 'demo' });
  const groundTruth = createGroundTruthFile(groundTruthFile);
  let lastLine = 0;
  const progress: Progress = (event) => {
    // At most one line every 2 s: the first start should show it is alive, not flood the console.
    if (Date.now() - lastLine < 2000) return;
    lastLine = Date.now();
    log(`  … ${typeof event === 'string' ? event : JSON.stringify(event)}`);
  };
  try {
    await generateDemoWorld(options, sink, groundTruth, progress);
  } finally {
    await sink.close();
    await groundTruth.close();
  }
  return true;
}
