/**
 * One batch of one kind, written in one transaction together with the caller's bookkeeping,
 * so an interrupted import leaves either the whole batch or none of it.
 */

import type { Db, Queryable } from '../db/db.js';
import { cachedCollectionPoints } from '../traces/collection-points.js';
import type { BatchItem, BatchOutcome, Rejection } from './batch.js';
import type { ImportKind, RecordsByKind } from './records.js';
import { SCHEMAS } from './schemas.js';
import { writeBills, writePayments } from './writers/billing.js';
import type { TraceWriteContext } from './writers/common.js';
import { writeCreditReports } from './writers/credit-reports.js';
import { writeEmployeeOperations, writeNotices } from './writers/notices-operations.js';
import { writeOutages } from './writers/outages.js';
import { writeCustomers, writeEmployees, writeMeters } from './writers/people.js';
import { writeReadings } from './writers/readings.js';
import { writeCalls, writeCallTurns, writeWorkOrderStatus, writeWorkOrders } from './writers/service.js';
import { writeFeeders, writeOrgUnits, writeSubstations, writeTransformerAreas } from './writers/topology.js';
import { writeTraceRecords } from './writers/traces.js';

type Writer<K extends ImportKind> = (
  tx: Queryable,
  ctx: TraceWriteContext,
  items: readonly BatchItem<RecordsByKind[K]>[],
) => Promise<BatchOutcome>;

export const WRITERS: { [K in ImportKind]: Writer<K> } = {
  org_units: writeOrgUnits,
  substations: writeSubstations,
  feeders: writeFeeders,
  transformer_areas: writeTransformerAreas,
  customers: writeCustomers,
  meters: writeMeters,
  employees: writeEmployees,
  bills: writeBills,
  payments: writePayments,
  credit_reports: writeCreditReports,
  readings: writeReadings,
  outages: writeOutages,
  work_orders: writeWorkOrders,
  work_order_status: writeWorkOrderStatus,
  calls: writeCalls,
  call_turns: writeCallTurns,
  notices: writeNotices,
  employee_operations: writeEmployeeOperations,
  traces: writeTraceRecords,
};

export function keyOf(kind: ImportKind, record: object): string {
  const r = record as Record<string, unknown>;
  return SCHEMAS[kind].key.map((k) => String(r[k] ?? '')).join('\u0001');
}

/** The field and reason of a row repeating an earlier row's key (only the key columns it has). */
export function duplicateKey(kind: ImportKind, record: object, firstRow: number): { field: string; reason: string } {
  const r = record as Record<string, unknown>;
  const columns = SCHEMAS[kind].key.filter((k) => r[k] !== undefined);
  return {
    field: columns.join('+'),
    reason: `duplicate key (${columns.map((k) => `${k} ${String(r[k])}`).join(', ')}): first seen in row ${firstRow}`,
  };
}

/** Within one batch a key may appear once; later copies are rejected naming the first row. */
export function dropDuplicateKeys<K extends ImportKind>(
  kind: K,
  items: readonly BatchItem<RecordsByKind[K]>[],
): { unique: BatchItem<RecordsByKind[K]>[]; rejected: Rejection[] } {
  const firstRow = new Map<string, number>();
  const unique: BatchItem<RecordsByKind[K]>[] = [];
  const rejected: Rejection[] = [];
  for (const item of items) {
    const key = keyOf(kind, item.record);
    const first = firstRow.get(key);
    if (first !== undefined) {
      rejected.push({ row: item.row, ...duplicateKey(kind, item.record, first) });
      continue;
    }
    firstRow.set(key, item.row);
    unique.push(item);
  }
  return { unique, rejected };
}

export async function writeBatch<K extends ImportKind>(
  db: Db,
  kind: K,
  source: string,
  items: readonly BatchItem<RecordsByKind[K]>[],
  bookkeeping?: (tx: Queryable, outcome: BatchOutcome) => Promise<void>,
): Promise<BatchOutcome> {
  const { unique, rejected } = dropDuplicateKeys(kind, items);
  const writer = WRITERS[kind] as Writer<K>;
  // Read before the transaction: PGlite runs one statement stream, so a query on `db` inside
  // the transaction would wait for the transaction to end.
  const collectionPoints = await cachedCollectionPoints(db);
  return db.transaction(async (tx) => {
    const outcome = await writer(tx, { source, isServer: db.kind === 'postgres', collectionPoints }, unique);
    outcome.rejected = [...rejected, ...outcome.rejected];
    if (bookkeeping) await bookkeeping(tx, outcome);
    return outcome;
  });
}
