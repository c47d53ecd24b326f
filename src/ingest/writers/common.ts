import type { Queryable } from '../../db/db.js';
import type { CollectionPoints } from '../../traces/collection-points.js';
import { type BatchItem, type BatchOutcome, type Rejection, reject, type WriteContext } from '../batch.js';
import { type Resolution, resolveCustomers, unresolvedReason } from '../identity.js';
import type { CustomerIdentity, ImportKind } from '../records.js';
import { type TraceDraft, type TraceWriteResult, type TraceWriteStatus, writeTraces } from '../trace-writer.js';

export interface Resolved<R> {
  item: BatchItem<R>;
  customerId: number | null;
}

export interface TraceWriteContext extends WriteContext {
  isServer: boolean;
  /** The collection points in force for this batch (loaded from the store when absent). */
  collectionPoints?: CollectionPoints | undefined;
}

/**
 * Resolves each record's customer. A record naming a customer that is not known (yet) goes
 * to trace_quarantine with its full payload, to be retried when customers arrive (T3).
 */
export async function resolveOrQuarantine<R extends CustomerIdentity>(
  tx: Queryable,
  ctx: WriteContext,
  kind: ImportKind,
  items: readonly BatchItem<R>[],
  sourceIdOf: (record: R) => string,
): Promise<{ resolved: Resolved<R>[]; quarantined: number }> {
  const resolutions: Resolution[] = await resolveCustomers(
    tx,
    items.map((i) => i.record),
  );
  const resolved: Resolved<R>[] = [];
  const held: { source_id: string; reason: string; payload: string }[] = [];
  items.forEach((item, i) => {
    const id = resolutions[i];
    if (id === null) {
      held.push({
        source_id: sourceIdOf(item.record),
        reason: unresolvedReason(item.record),
        payload: JSON.stringify({ kind, row: item.row, record: item.record }),
      });
    } else resolved.push({ item, customerId: id ?? null });
  });
  if (held.length > 0) {
    await tx.query(
      `INSERT INTO trace_quarantine (source, source_id, reason, payload)
       SELECT $1, q.source_id, q.reason, q.payload::jsonb FROM unnest($2::text[], $3::text[], $4::text[]) AS q(source_id, reason, payload)
       ON CONFLICT (source, source_id) DO UPDATE SET reason = EXCLUDED.reason, payload = EXCLUDED.payload
       WHERE (trace_quarantine.reason, trace_quarantine.payload) IS DISTINCT FROM (EXCLUDED.reason, EXCLUDED.payload)`,
      [ctx.source, held.map((h) => h.source_id), held.map((h) => h.reason), held.map((h) => h.payload)],
    );
  }
  return { resolved, quarantined: held.length };
}

/**
 * Resolves each record's customer; a record naming no known customer is rejected, naming its
 * identity (with `advice` after it). For kinds not worth quarantining until their customer
 * arrives: measurements, registry records.
 */
export async function resolveOrReject<R extends CustomerIdentity>(
  tx: Queryable,
  items: readonly BatchItem<R>[],
  advice?: string,
): Promise<{ resolved: { item: BatchItem<R>; customerId: number }[]; rejected: Rejection[] }> {
  const resolutions = await resolveCustomers(
    tx,
    items.map((i) => i.record),
  );
  const resolved: { item: BatchItem<R>; customerId: number }[] = [];
  const rejected: Rejection[] = [];
  items.forEach((item, i) => {
    const customerId = resolutions[i];
    if (typeof customerId === 'number') resolved.push({ item, customerId });
    else {
      const reason = unresolvedReason(item.record);
      rejected.push(reject(item, 'customer_no', advice ? `${reason}; ${advice}` : reason));
    }
  });
  return { resolved, rejected };
}

/** Writes traces and marks quarantined items with the same key as resolved. */
export async function writeTracesResolving(
  tx: Queryable,
  ctx: TraceWriteContext,
  drafts: readonly TraceDraft[],
): Promise<Map<string, TraceWriteStatus>> {
  return (await writeTracesWithIds(tx, ctx, drafts)).status;
}

export async function writeTracesWithIds(
  tx: Queryable,
  ctx: TraceWriteContext,
  drafts: readonly TraceDraft[],
): Promise<TraceWriteResult> {
  const status = new Map<string, TraceWriteStatus>();
  const traceIds = new Map<string, number>();
  // Outage fan-out can make many traces of one batch: keep each statement's arrays bounded.
  for (let start = 0; start < drafts.length; start += TRACE_CHUNK) {
    const chunk = drafts.slice(start, start + TRACE_CHUNK);
    const result = await writeTraces(tx, ctx.isServer, ctx.source, chunk, ctx.collectionPoints);
    for (const [key, value] of result.status) status.set(key, value);
    for (const [key, value] of result.traceIds) traceIds.set(key, value);
  }
  if (drafts.length > 0 && (await hasUnresolvedQuarantine(tx, ctx.source))) {
    await tx.query(
      `UPDATE trace_quarantine q SET resolved_trace_id = k.trace_id FROM trace_key k
       WHERE q.resolved_trace_id IS NULL AND q.source = $1 AND q.source_id = ANY($2::text[])
         AND k.source = q.source AND k.source_id = q.source_id`,
      [ctx.source, drafts.map((d) => d.source_id)],
    );
  }
  return { status, traceIds };
}

const TRACE_CHUNK = 10_000;

/**
 * Whether any quarantined item of the source still waits (partial index): usually none, and
 * then the resolving UPDATE and its array of every source_id of the batch are skipped.
 */
async function hasUnresolvedQuarantine(tx: Queryable, source: string): Promise<boolean> {
  const rows = await tx.query<{ waiting: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM trace_quarantine WHERE source = $1 AND resolved_trace_id IS NULL) AS waiting',
    [source],
  );
  return rows[0]?.waiting === true;
}

/**
 * One outcome per row from what its entity upsert and its traces did: inserted when the
 * entity row is new, updated when the entity or any of its traces changed, else unchanged.
 */
export function tally(
  keys: readonly string[],
  entityRows: readonly Record<string, unknown>[],
  keyOfRow: (row: Record<string, unknown>) => string,
  traceStatusOfKey: (key: string) => (TraceWriteStatus | undefined)[],
  rejected: Rejection[],
  quarantined: number,
): BatchOutcome {
  const entity = new Map(entityRows.map((r) => [keyOfRow(r), r.inserted === true]));
  const outcome: BatchOutcome = { inserted: 0, updated: 0, unchanged: 0, quarantined, rejected };
  for (const key of keys) {
    const inserted = entity.get(key);
    const traces = traceStatusOfKey(key);
    if (inserted === true) outcome.inserted += 1;
    else if (inserted === false || traces.some((s) => s === 'updated' || s === 'inserted')) outcome.updated += 1;
    else outcome.unchanged += 1;
  }
  return outcome;
}

/** A wall-clock date in Beijing as a moment. */
export const startOfDayBeijing = (date: string): string => new Date(`${date}T00:00:00+08:00`).toISOString();

export const dropUndefined = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
