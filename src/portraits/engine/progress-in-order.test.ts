import { describe, expect, it } from 'vitest';
import type { RebuildProgress } from './portrait-engine.js';
import { oneAfterAnother } from './progress-in-order.js';

const at = (phase: string, done: number): RebuildProgress => ({ phase, kind: 'customer', done, total: 2 });

describe('progress of steps side by side', () => {
  it('passes the first step on live and a later step once those before it have finished', () => {
    const seen: string[] = [];
    const progress = oneAfterAnother(2, (p) => seen.push(`${p.phase}:${p.done}`));
    progress.report(1, at('consumption', 1));
    progress.report(0, at('credit', 1));
    progress.report(1, at('consumption', 2));
    progress.finished(1);
    expect(seen).toEqual(['credit:1']);
    progress.report(0, at('credit', 2));
    progress.finished(0);
    expect(seen).toEqual(['credit:1', 'credit:2', 'consumption:2']);
  });

  it('goes on live with the next step when the first finishes first', () => {
    const seen: string[] = [];
    const progress = oneAfterAnother(2, (p) => seen.push(`${p.phase}:${p.done}`));
    progress.report(0, at('credit', 2));
    progress.finished(0);
    progress.report(1, at('consumption', 1));
    expect(seen).toEqual(['credit:2', 'consumption:1']);
  });
});
