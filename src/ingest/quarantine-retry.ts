/**
 * Retries quarantined records (T3): after new customers arrive, each unresolved record goes
 * through its kind's writer again; those that now resolve are written (entity + trace) and
 * their quarantine row is marked with the trace it became. Others stay, unchanged.
 */
import type { Db } from '../db/db.js';
import type { BatchItem } from './batch.js';
import { isImportKind } from './kind.js';
import type { ImportKind, RecordsByKind } from './records.js';
import { writeBatch } from './write-batch.js';

export interface QuarantineRetrySummary {
  retried: number;
  resolved: number;
  remaining: number;
}

interface QuarantineRow {
  source: string;
  source_id: string;
  payload: { kind?: string; row?: number; record?: Record<string, unknown> };
}

export async function resolveQuarantine(db: Db, options: { pageSize?: number } = {}): Promise<QuarantineRetrySummary> {
  const pageSize = options.pageSize ?? 2000;
  const summary: QuarantineRetrySummary = { retried: 0, resolved: 0, remaining: 0 };
  let after: [string, string] = ['', ''];
  for (;;) {
    const page = await db.query<QuarantineRow>(
      `SELECT source, source_id, payload FROM trace_quarantine
       WHERE resolved_trace_id IS NULL AND (source, source_id) > ($1, $2)
       ORDER BY source, source_id LIMIT $3`,
      [after[0], after[1], pageSize],
    );
    if (page.length === 0) break;
    const last = page[page.length - 1] as QuarantineRow;
    after = [last.source, last.source_id];
    const groups = new Map<
      string,
      { source: string; kind: ImportKind; items: BatchItem<RecordsByKind[ImportKind]>[] }
    >();
    for (const [i, row] of page.entries()) {
      const kind = row.payload.kind;
      if (!kind || !isImportKind(kind) || !row.payload.record) continue;
      const key = `${row.source}\u0000${kind}`;
      const group = groups.get(key) ?? { source: row.source, kind, items: [] };
      group.items.push({
        row: row.payload.row ?? i + 1,
        record: row.payload.record as unknown as RecordsByKind[ImportKind],
      });
      groups.set(key, group);
    }
    for (const group of groups.values()) {
      const outcome = await writeBatch(db, group.kind, group.source, group.items);
      summary.retried += group.items.length;
      summary.resolved += group.items.length - outcome.quarantined - outcome.rejected.length;
    }
  }
  const [left] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM trace_quarantine WHERE resolved_trace_id IS NULL',
  );
  summary.remaining = left?.n ?? 0;
  return summary;
}
