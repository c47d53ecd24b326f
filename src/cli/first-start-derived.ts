import type { Db } from '../db/db.js';
import { AppError } from '../errors.js';
import { createProgress } from '../ingest/progress.js';
import { saveLiveModel } from '../portraits/complaint-risk/model-store.js';
import { historyEnd, trainComplaintRisk } from '../portraits/complaint-risk/train-complaint-risk.js';
import { createPortraitEngine } from '../portraits/portraits.js';
import { CompiledSchemes } from '../qa/store/compiled-schemes.js';
import { inspectPendingBatch } from '../qa/store/inspect-pending.js';
import { ensureDefaultQaScheme } from '../qa/store/scheme-store.js';
import { rebuildProgressReporter } from './rebuild-progress.js';

/**
 * After the demo world is loaded: inspect its calls and build every portrait, so the first
 * page a user opens shows tags, grades and QA scores. Both steps are idempotent, so an
 * interrupted start repeats them safely.
 */
export async function buildDerivedFacts(
  db: Db,
  log: (line: string) => void = console.log,
  /** When the portraits are built as of: now, unless the caller evaluates a world that ended earlier. */
  portraitsAsOf: Date = new Date(),
): Promise<{ calls: number; subjects: number; seconds: number }> {
  const started = Date.now();
  await ensureDefaultQaScheme(db);
  const pending = Number((await db.query<{ n: number }>('SELECT count(*) AS n FROM qa_pending'))[0]?.n ?? 0);
  let calls = 0;
  if (pending > 0) {
    log(`Inspecting ${pending} calls with the routine QA scheme …`);
    const progress = createProgress({ label: 'QA inspection', unit: 'calls', total: pending });
    const schemes = new CompiledSchemes();
    for (let n = await inspectPendingBatch(db, schemes, 500); n > 0; n = await inspectPendingBatch(db, schemes, 500)) {
      calls += n;
      progress.tick(n);
    }
    progress.done();
  }
  log("Training the complaint-risk model on the store's history …");
  try {
    const asOf = await historyEnd(db);
    const trained = await trainComplaintRisk(db, { asOf });
    await saveLiveModel(db, { modelCode: 'complaint_risk', trainedAsOf: asOf, ...trained });
    log(
      `Complaint-risk model: hold-out AUC ${trained.metrics.auc?.toFixed(3) ?? 'n/a'} (baseline ${trained.metrics.baselineAuc?.toFixed(3) ?? 'n/a'}).`,
    );
  } catch (error) {
    // A world too small or too short to learn from keeps the score absent rather than invented.
    if (!(error instanceof AppError) || error.code !== 'RISK_MODEL_NO_HISTORY') throw error;
    log(`Complaint-risk model not trained: ${error.message}`);
  }
  log('Building portraits (credit ledger, consumption, customer, employee and area portraits) …');
  const engine = createPortraitEngine(db);
  const result = await engine.rebuild({ asOf: portraitsAsOf, onProgress: rebuildProgressReporter() });
  return { calls, subjects: result.subjects, seconds: (Date.now() - started) / 1000 };
}
