/**
 * A batch of traces from the HTTP API (`POST /api/v1/traces`): each item is validated as a
 * TraceRecord and answered on its own, so one bad item never sinks the others.
 */

import type { Db } from '../db/db.js';
import { AppError } from '../errors.js';
import { cachedCollectionPoints } from '../traces/collection-points.js';
import type { BatchItem } from './batch.js';
import type { TraceRecord } from './records.js';
import { validateRecord } from './validate.js';
import { writeTraceRecords } from './writers/traces.js';

export const MAX_TRACE_BATCH = 10_000;

export type TraceItemStatus = 'accepted' | 'duplicate' | 'updated' | 'quarantined' | 'not_collected' | 'rejected';

export interface TraceItemResult {
  index: number;
  status: TraceItemStatus;
  reason?: string;
  field?: string;
  trace_id?: number;
}

export async function acceptTraceBatch(db: Db, source: string, items: readonly unknown[]): Promise<TraceItemResult[]> {
  if (items.length > MAX_TRACE_BATCH) {
    throw new AppError(
      'BATCH_TOO_LARGE',
      `A batch holds at most ${MAX_TRACE_BATCH} traces; this one has ${items.length}. Split it.`,
      413,
      {
        max: MAX_TRACE_BATCH,
        received: items.length,
      },
    );
  }
  const results: TraceItemResult[] = new Array(items.length);
  const valid: BatchItem<TraceRecord>[] = [];
  const firstIndex = new Map<string, number>();
  items.forEach((item, index) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      results[index] = { index, status: 'rejected', field: '(item)', reason: 'an item must be a JSON object' };
      return;
    }
    const result = validateRecord('traces', item as Record<string, unknown>);
    if (!result.ok) {
      results[index] = { index, status: 'rejected', field: result.field, reason: result.reason };
      return;
    }
    const first = firstIndex.get(result.record.source_id);
    if (first !== undefined) {
      results[index] = {
        index,
        status: 'rejected',
        field: 'source_id',
        reason: `repeats the source_id of item ${first}`,
      };
      return;
    }
    firstIndex.set(result.record.source_id, index);
    valid.push({ row: index + 1, record: result.record });
  });
  if (valid.length > 0) {
    const collectionPoints = await cachedCollectionPoints(db);
    const outcome = await db.transaction((tx) =>
      writeTraceRecords(tx, { source, isServer: db.kind === 'postgres', collectionPoints }, valid),
    );
    for (const rejection of outcome.rejected) {
      const index = rejection.row - 1;
      results[index] = { index, status: 'rejected', field: rejection.field, reason: rejection.reason };
    }
    for (const { row, record } of valid) {
      const index = row - 1;
      if (results[index]) continue;
      const status = outcome.statuses.get(record.source_id);
      const traceId = outcome.traceIds.get(record.source_id);
      const mapped: TraceItemStatus =
        status === 'inserted'
          ? 'accepted'
          : status === 'unchanged'
            ? 'duplicate'
            : status === 'updated'
              ? 'updated'
              : status === 'not_collected'
                ? 'not_collected'
                : 'quarantined';
      results[index] = {
        index,
        status: mapped,
        ...(traceId === undefined ? {} : { trace_id: traceId }),
        ...(mapped === 'quarantined'
          ? { reason: 'unknown customer: kept in quarantine until the customer is imported' }
          : mapped === 'not_collected'
            ? {
                reason: `the collection point of ${record.trace_type} leaves this trace out (GET /api/v1/collection-points)`,
              }
            : {}),
      };
    }
  }
  return results;
}
