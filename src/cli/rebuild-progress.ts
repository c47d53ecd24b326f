import { createProgress, type Progress } from '../ingest/progress.js';
import type { RebuildProgress } from '../portraits/engine/portrait-engine.js';

/** One progress bar per rebuild phase (credit ledger, consumption, each subject kind). */
export function rebuildProgressReporter(prefix = ''): (p: RebuildProgress) => void {
  let current: { key: string; bar: Progress; done: number } | undefined;
  return (p) => {
    const key = `${p.kind}/${p.phase}`;
    if (current?.key !== key) {
      current?.bar.done();
      current = {
        key,
        bar: createProgress({ label: `${prefix}${p.kind} ${p.phase}`, total: p.total, unit: 'subjects' }),
        done: 0,
      };
    }
    current.bar.tick(Math.max(0, p.done - current.done));
    current.done = p.done;
    if (p.done >= p.total) {
      current.bar.done();
      current = undefined;
    }
  };
}
