import type { Db } from '../../db/db.js';
import { TIME_CHANGE } from './source-types.js';

/**
 * Derived tables a subject kind's features read (credit ledger, consumption profile), run
 * before its features: over everyone in a rebuild, over the touched subjects incrementally.
 * A kind's steps must not read each other's tables: a rebuild runs them at the same time.
 */
export interface Precompute {
  name: string;
  /**
   * The kinds of change (portrait_dirty.changes) that make the incremental path rerun it,
   * `time` (the sweep's, TIME_CHANGE) where time passing alone changes what it computes.
   */
  affectedBy: readonly string[];
  /**
   * For a step that time moves for a few subjects only (so `time` is not in affectedBy): of
   * the subjects marked for time and nothing it names, those whose result time has moved.
   */
  movedByTime?(db: Db, customerIds: readonly number[], asOf: Date): Promise<readonly number[]>;
  run(
    db: Db,
    options: { asOf: Date; customerIds?: readonly number[]; onProgress?(done: number, total: number): void },
  ): Promise<unknown>;
}

/** The keys a precomputation reruns for in a refresh, in the order given. */
export async function keysToRerun(
  db: Db,
  step: Precompute,
  keys: readonly string[],
  changes: ReadonlyMap<string, readonly string[]>,
  asOf: Date,
): Promise<string[]> {
  const named = new Set<string>();
  const timeOnly: string[] = [];
  for (const key of keys) {
    const kinds = changes.get(key) ?? [];
    if (kinds.some((c) => step.affectedBy.includes(c))) named.add(key);
    else if (step.movedByTime && kinds.includes(TIME_CHANGE)) timeOnly.push(key);
  }
  if (timeOnly.length === 0 || !step.movedByTime) return keys.filter((key) => named.has(key));
  const moved = new Set((await step.movedByTime(db, timeOnly.map(Number), asOf)).map(String));
  return keys.filter((key) => named.has(key) || moved.has(key));
}
