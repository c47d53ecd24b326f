/**
 * Traces from channels with no entity table of their own (hall, app, WeChat, field …), from a
 * traces file or the HTTP API. The source's own source_id is the idempotency key as given, so
 * a trace sent by file and again by API is one trace.
 */
import type { Queryable } from '../../db/db.js';
import { type BatchItem, type BatchOutcome, type Rejection, reject } from '../batch.js';
import { namedIdentity, resolveEmployees } from '../identity.js';
import type { TraceRecord } from '../records.js';
import type { TraceDraft, TraceWriteStatus } from '../trace-writer.js';
import { resolveOrQuarantine, type TraceWriteContext, writeTracesWithIds } from './common.js';

export interface TraceItemsOutcome extends BatchOutcome {
  /** Per source_id: what happened, and the trace id when written. */
  statuses: Map<string, TraceWriteStatus | 'quarantined'>;
  traceIds: Map<string, number>;
}

export async function writeTraceRecords(
  tx: Queryable,
  ctx: TraceWriteContext,
  items: readonly BatchItem<TraceRecord>[],
): Promise<TraceItemsOutcome> {
  const rejected: Rejection[] = [];
  const ids = await resolveEmployees(
    tx,
    items.map((i) => i.record.employee_no),
  );
  const kept = items.filter((item) => {
    const no = item.record.employee_no;
    if (no === undefined || ids.has(no)) return true;
    rejected.push(reject(item, 'employee_no', `unknown employee '${no}'`));
    return false;
  });
  const { resolved, quarantined } = await resolveOrQuarantine(tx, ctx, 'traces', kept, (r) => r.source_id);
  const drafts: TraceDraft[] = resolved.map(({ item: { record: r }, customerId }) => ({
    source_id: r.source_id,
    occurred_at: r.occurred_at,
    trace_type: r.trace_type,
    channel: r.channel,
    direction: r.direction,
    customer_id: customerId,
    employee_id: r.employee_no ? (ids.get(r.employee_no) ?? null) : null,
    customer_ref: namedIdentity(r),
    employee_ref: r.employee_no,
    case_id: r.case_id,
    topic: r.topic,
    attributes: r.attributes ?? {},
  }));
  const { status: written, traceIds } = await writeTracesWithIds(tx, ctx, drafts);
  const statuses = new Map<string, TraceWriteStatus | 'quarantined'>(written);
  const resolvedIds = new Set(drafts.map((d) => d.source_id));
  for (const item of kept)
    if (!resolvedIds.has(item.record.source_id)) statuses.set(item.record.source_id, 'quarantined');
  const outcome: TraceItemsOutcome = {
    inserted: 0,
    updated: 0,
    unchanged: 0,
    quarantined,
    rejected,
    statuses,
    traceIds,
  };
  for (const status of written.values()) {
    if (status === 'inserted') outcome.inserted += 1;
    else if (status === 'updated') outcome.updated += 1;
    else outcome.unchanged += 1;
  }
  return outcome;
}
