/**
 * The database as a RecordSink: the demo world generator (and any producer of import records)
 * streams records here and they travel the same validation and writers as imported files.
 */
import type { Db } from '../db/db.js';
import type { BatchItem, BatchOutcome, Rejection } from './batch.js';
import { DEFAULT_SOURCE } from './kind.js';
import type { ImportKind, RecordSink, RecordsByKind } from './records.js';
import { validateRecord } from './validate.js';
import { writeBatch } from './write-batch.js';

export interface DbSinkOptions {
  /** Source system name for every kind; default: each kind's natural source (DEFAULT_SOURCE). */
  source?: string | undefined;
  /** Called for each record that was rejected (validation, unknown reference, duplicate). */
  onRejected?: ((kind: ImportKind, rejection: Rejection, record: unknown) => void) | undefined;
  /** Records per transaction (default 5000). */
  batchSize?: number | undefined;
}

export interface DbSink extends RecordSink {
  /** Counts per kind so far. */
  counts(): Partial<Record<ImportKind, BatchOutcome & { written: number }>>;
}

/**
 * Records are buffered per kind and written in batches; buffers of other kinds are flushed
 * first whenever the kind changes, so the write order is the call order (a kind may refer
 * only to records written before it).
 */
export function createDbSink(db: Db, options: DbSinkOptions = {}): DbSink {
  const batchSize = options.batchSize ?? 5000;
  let buffered:
    | { kind: ImportKind; items: BatchItem<RecordsByKind[ImportKind]>[]; raw: Map<number, unknown> }
    | undefined;
  const counts: Partial<Record<ImportKind, BatchOutcome & { written: number }>> = {};
  const seq: Partial<Record<ImportKind, number>> = {};
  const totalOf = (kind: ImportKind): BatchOutcome & { written: number } =>
    (counts[kind] ??= { inserted: 0, updated: 0, unchanged: 0, quarantined: 0, rejected: [], written: 0 });

  const flush = async () => {
    if (!buffered || buffered.items.length === 0) return;
    const { kind, items, raw } = buffered;
    buffered = { kind, items: [], raw: new Map() };
    const source = options.source ?? DEFAULT_SOURCE[kind];
    const outcome = await writeBatch(db, kind, source, items);
    const total = totalOf(kind);
    total.inserted += outcome.inserted;
    total.updated += outcome.updated;
    total.unchanged += outcome.unchanged;
    total.quarantined += outcome.quarantined;
    total.written += items.length;
    for (const rejection of outcome.rejected) {
      total.rejected.push(rejection);
      options.onRejected?.(kind, rejection, raw.get(rejection.row));
    }
  };

  return {
    async write(kind, records) {
      if (buffered && buffered.kind !== kind) {
        await flush();
        buffered = undefined;
      }
      buffered ??= { kind, items: [], raw: new Map() };
      const now = new Date();
      for (const record of records) {
        const row = (seq[kind] ?? 0) + 1;
        seq[kind] = row;
        const result = validateRecord(kind, record as unknown as Record<string, unknown>, now);
        if (!result.ok) {
          const rejection: Rejection = { row, field: result.field, reason: result.reason };
          const total = totalOf(kind);
          total.rejected.push(rejection);
          options.onRejected?.(kind, rejection, record);
          continue;
        }
        buffered.items.push({ row, record: result.record });
        // The raw record is kept only for a caller that wants to see rejected ones.
        if (options.onRejected) buffered.raw.set(row, record);
        if (buffered.items.length >= batchSize) await flush();
      }
    },
    async close() {
      await flush();
      buffered = undefined;
    },
    counts: () => counts,
  };
}
