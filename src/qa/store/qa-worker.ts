/**
 * The QA worker: inspects new calls within a second of ingest and runs background jobs.
 * LISTEN/NOTIFY is not available on PGlite, so it polls: every `idleMs` when idle, at once
 * again after a full batch. New calls go first; a job advances one batch between drains, so a
 * long re-inspection never delays the inspection of calls arriving meanwhile.
 */
import type { Db } from '../../db/db.js';
import { CompiledSchemes } from './compiled-schemes.js';
import { inspectPendingBatch } from './inspect-pending.js';
import { runJobBatch } from './run-job.js';
import { ensureDefaultQaScheme } from './scheme-store.js';

export interface QaWorkerOptions {
  /** Pause when there was nothing to do (default 200 ms: keeps ingest-to-result under 1 s). */
  idleMs?: number;
  /** Pending calls per transaction (default 200, ≈0.1 s of inspection). */
  batchSize?: number;
  /** Calls per job batch (default 500). */
  jobBatchSize?: number;
  /** Pause after a failed batch before trying again (default 5 s). */
  errorBackoffMs?: number;
  onError?: (error: Error) => void;
}

export interface QaWorker {
  /** Finishes the batch in hand, then stops. */
  stop(): Promise<void>;
}

export async function startQaWorker(db: Db, options: QaWorkerOptions = {}): Promise<QaWorker> {
  const idleMs = options.idleMs ?? 200;
  const batchSize = options.batchSize ?? 200;
  const jobBatchSize = options.jobBatchSize ?? 500;
  const errorBackoffMs = options.errorBackoffMs ?? 5000;
  const onError = options.onError ?? ((error: Error) => console.error(`QA worker: ${error.message}`));
  await ensureDefaultQaScheme(db);
  const schemes = new CompiledSchemes();

  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let wake: (() => void) | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });

  const loop = (async () => {
    while (!stopped) {
      let rest = idleMs;
      try {
        const pending = await inspectPendingBatch(db, schemes, batchSize);
        if (pending >= batchSize) continue;
        const jobCalls = await runJobBatch(db, schemes, jobBatchSize);
        if (pending + jobCalls > 0) rest = 0;
      } catch (error) {
        onError(error as Error);
        rest = errorBackoffMs;
      }
      if (rest > 0 && !stopped) await pause(rest);
    }
  })();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await loop;
    },
  };
}
