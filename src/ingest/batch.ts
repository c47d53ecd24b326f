/** The unit of work of every writer: validated records of one kind, with where each came from. */
import type { Queryable } from '../db/db.js';
import type { ImportKind, RecordsByKind } from './records.js';

export interface BatchItem<R> {
  /** 1-based data row in its file (or index + 1 for records from the demo or the API). */
  row: number;
  line?: number;
  record: R;
}

export interface Rejection {
  row: number;
  line?: number;
  field: string;
  reason: string;
}

export interface BatchOutcome {
  inserted: number;
  updated: number;
  unchanged: number;
  quarantined: number;
  rejected: Rejection[];
}

export interface WriteContext {
  source: string;
}

export type KindWriter<K extends ImportKind> = (
  tx: Queryable,
  ctx: WriteContext,
  items: readonly BatchItem<RecordsByKind[K]>[],
) => Promise<BatchOutcome>;

export const emptyOutcome = (): BatchOutcome => ({
  inserted: 0,
  updated: 0,
  unchanged: 0,
  quarantined: 0,
  rejected: [],
});

/** Counts for rows an upsert wrote (inserted or changed) out of `accepted` rows sent. */
export function outcomeOf(
  accepted: number,
  written: { inserted: number; updated: number },
  rejected: Rejection[] = [],
  quarantined = 0,
): BatchOutcome {
  return {
    inserted: written.inserted,
    updated: written.updated,
    unchanged: accepted - written.inserted - written.updated,
    quarantined,
    rejected,
  };
}

export const reject = <R>(item: BatchItem<R>, field: string, reason: string): Rejection => ({
  row: item.row,
  ...(item.line === undefined ? {} : { line: item.line }),
  field,
  reason,
});
