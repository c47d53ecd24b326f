import type { RebuildProgress } from './portrait-engine.js';

/**
 * Progress of steps that run side by side, passed on as if they ran one after another (a
 * progress display shows one phase at a time): the first unfinished step's events go out as
 * they come; a later step's newest event waits until the steps before it have finished.
 */
export function oneAfterAnother(count: number, onProgress: ((p: RebuildProgress) => void) | undefined) {
  let live = 0;
  const held = new Map<number, RebuildProgress>();
  const done = new Set<number>();
  return {
    report(step: number, p: RebuildProgress): void {
      if (step === live) onProgress?.(p);
      else held.set(step, p);
    },
    finished(step: number): void {
      done.add(step);
      while (live < count && done.has(live)) {
        live++;
        const p = held.get(live);
        if (p) onProgress?.(p);
      }
    },
  };
}
