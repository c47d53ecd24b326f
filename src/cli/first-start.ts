import path from 'node:path';
import type { Config } from '../config/config.js';
import type { Db } from '../db/db.js';
import { lastWholeMonth } from '../demo/clock.js';
import { createGroundTruthFile } from '../demo/ground-truth.js';
import type { DemoWorldOptions } from '../demo/types.js';
import { generateDemoWorld } from '../demo/world.js';
import { createDbSink } from '../ingest/db-sink.js';
import { createProgress } from '../ingest/progress.js';

const MARKER = 'demo_world';

export type DemoLoadResult =
  | { loaded: true; customers: number; seconds: number; groundTruth: string; rejected: number }
  | { loaded: false; reason: string };

export async function demoWorldMarker(db: Db): Promise<Record<string, unknown> | null> {
  const rows = await db.query<{ value: Record<string, unknown> }>('SELECT value FROM app_setting WHERE key = $1', [
    MARKER,
  ]);
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
  const marker = await demoWorldMarker(db);
  // A load that was interrupted (Ctrl+C, crash) left status 'loading': generating again is safe
  // because ingest is idempotent, so the rerun adds what is missing and leaves the rest unchanged.
  const resuming = marker?.status === 'loading';
  if (marker && !resuming) return { loaded: false, reason: 'the demo world was loaded on an earlier start' };
  if (!resuming) {
    const customers = await db.query('SELECT 1 FROM customer LIMIT 1');
    if (customers.length > 0) return { loaded: false, reason: 'the database already holds customers' };
  } else {
    log('The previous start was interrupted while loading the demo world; resuming it.');
  }

  const options: DemoWorldOptions = {
    customers: config.demoCustomers,
    months: config.demoMonths,
    seed: config.demoSeed,
    // The last month that has ended: portraits are as of the day the server runs and read
    // 12-month windows, so a world ending at a fixed month would slide out of them as the
    // calendar moves on. A resumed load finishes the world it began.
    endMonth: resuming && typeof marker?.endMonth === 'string' ? marker.endMonth : lastWholeMonth(),
  };
  const started = Date.now();
  await writeMarker(db, { ...options, status: 'loading' });
  const groundTruthFile = path.join(config.dataDir, 'ground-truth', `world-${options.seed}.jsonl`);
  const rejected = await generateIntoDatabase(db, options, groundTruthFile, log);
  // A generated world should import cleanly; say so loudly if it did not, but keep what loaded.
  if (rejected > 0) log(`Warning: ${rejected} demo records were rejected by ingest validation.`);
  await writeMarker(db, {
    ...options,
    status: 'loaded',
    loadedAt: new Date().toISOString(),
    groundTruth: groundTruthFile,
  });
  return {
    loaded: true,
    customers: options.customers,
    seconds: (Date.now() - started) / 1000,
    groundTruth: groundTruthFile,
    rejected,
  };
}

/** Records that the demo world's QA results and portraits were built (see first-start-derived.ts). */
export async function markDerivedFactsBuilt(db: Db, facts: Record<string, unknown>): Promise<void> {
  await db.query(
    `UPDATE app_setting SET value = value || jsonb_build_object('derived', $2::jsonb), updated_at = now() WHERE key = $1`,
    [MARKER, JSON.stringify({ ...facts, at: new Date().toISOString() })],
  );
}

async function writeMarker(db: Db, value: Record<string, unknown>): Promise<void> {
  await db.query(
    `INSERT INTO app_setting (key, value) VALUES ($1, $2::jsonb)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [MARKER, JSON.stringify(value)],
  );
}

async function generateIntoDatabase(
  db: Db,
  options: DemoWorldOptions,
  groundTruthFile: string,
  log: (line: string) => void,
): Promise<number> {
  log(
    `Generating the demo world: ${options.customers} customers, ${options.months} months ending ${options.endMonth} (seed ${options.seed}) …`,
  );
  const sink = createDbSink(db, { source: 'demo' });
  const groundTruth = createGroundTruthFile(groundTruthFile);
  const progress = createProgress({ label: 'demo world', unit: 'customers', total: options.customers });
  try {
    await generateDemoWorld(options, sink, groundTruth, progress);
  } finally {
    await sink.close();
    await groundTruth.close();
  }
  return Object.values(sink.counts()).reduce((n, c) => n + (c?.rejected.length ?? 0), 0);
}
