import type { SubjectKind } from './types.js';

/**
 * Where features come from: one table (or a fixed subquery) read in one pass per rebuild
 * batch, whatever number of features use it. Trusted repo text, never user input.
 *
 * `from` may use `$asOf` (the portrait's as-of timestamptz) and nothing else; the compiler
 * replaces it with a bind parameter.
 */
export interface SourceDef {
  code: string;
  subject: SubjectKind;
  /** e.g. 'trace t' or '(SELECT …) cl'. */
  from: string;
  /** The subject key expression, e.g. 't.customer_id'. */
  key: string;
  /** SQL type of the key, for the `= ANY($ids::<type>[])` filter. */
  keyType: 'bigint' | 'text';
  /** Time column the windows apply to; absent for one-row-per-subject sources. */
  time?: string;
  /** How a row shows up as evidence. */
  evidence?: EvidenceColumns;
  /**
   * The kinds of change (portrait_dirty.changes: 'trace:<type>', 'billing', 'readings', 'qa')
   * after which the incremental refresh must rerun this source; the other features keep their
   * stored values. 'trace:*' matches any trace. Absent: rerun on every change.
   */
  affectedBy?: readonly string[];
  /**
   * 'generic': the statement is prepared once per server connection and run with its generic
   * plan (plan_cache_mode force_generic_plan), not planned again for each batch. For a source
   * read by each subject's own key, whose best plan does not depend on how many subjects a part
   * holds. Measured on the customer sources (20,000 and 200,000 customers, parts of 50 to
   * 2,500): 24–33 % less time, the trace statement alone spending 35–58 ms a part in planning
   * its 13 monthly partitions. Not for a source that aggregates whole areas: the area kinds'
   * trace statement took 60 s with a generic plan instead of 0.6 s.
   */
  plan?: 'generic';
  /**
   * The source is kept incrementally: each subject's running state is stored with its portrait
   * (portrait_source_state), and a refresh applies the rows the marking trigger listed in
   * portrait_dirty.trace_ids, and the rows that entered or left a window since the state's
   * as-of time, instead of reading the subject's whole window (feature-delta.ts). `rowId` is the
   * id the trigger lists. Only when every feature of the source has a running state
   * (feature-state.ts: notIncremental); otherwise the source is read in full each time.
   */
  incremental?: { rowId: string };
}

/**
 * The change the portrait sweep marks (portrait-sweep.ts): nothing new arrived, but time moved
 * on, so every window slid: every source is read again as of now, and each precomputation
 * that names it in its affectedBy (the credit ledger) runs again.
 */
export const TIME_CHANGE = 'time';

/** Whether a source must be recomputed after these changes. */
export function sourceAffected(source: SourceDef, changes: Iterable<string>): boolean {
  if (!source.affectedBy) return true;
  for (const change of changes) {
    // 'trace' without a type (marks written before trace types were recorded): anything.
    if (change === 'trace' || change === TIME_CHANGE || source.affectedBy.includes(change)) return true;
    if (change.startsWith('trace:') && source.affectedBy.includes('trace:*')) return true;
  }
  return false;
}

export interface EvidenceColumns {
  /** A stable id of the row (trace_id, order_no, payment_no …). */
  id: string;
  /** What kind of row, in the vocabulary (trace type, 'work_order', 'payment' …). */
  kind: string;
  channel?: string;
  topic?: string;
  caseId?: string;
  /** A short figure or text for the row (amount, days late, summary). */
  detail?: string;
}
