/**
 * The credit ledger (信用台账): one row per customer and month with the score before, the
 * delta, the score after and the events behind it. Rebuilt in batches of customers in id
 * order; each batch reads its events with one query per source table, iterates in memory and
 * replaces the batch's rows in one transaction.
 */
import { analyzeWritten } from '../../db/analyze-written.js';
import type { Db, Queryable } from '../../db/db.js';
import { plannedTransaction } from '../engine/planned-transaction.js';
import { type CustomerRange, readCreditEvents } from './credit-events.js';
import { type CreditLedgerLine, type CreditLedgerRow, iterateCreditLedger } from './credit-iteration.js';
import { CREDIT_MODEL, type CreditModel } from './credit-model.js';

export interface RebuildCreditOptions {
  /** Events after this instant are ignored; the ledger ends with its month (Asia/Shanghai). */
  asOf: Date;
  /** Recompute only these customers (the incremental path); all customers when absent. */
  customerIds?: readonly number[];
  onProgress?(done: number, total: number): void;
  /** Customers per batch (default 5,000). */
  batchSize?: number;
  model?: CreditModel;
}

export interface StoredCreditRow extends CreditLedgerRow {
  modelVersion: number;
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** 'YYYY-MM-01' of the instant's month in Asia/Shanghai (no daylight saving since 1991). */
export function beijingMonth(at: Date): string {
  return `${new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 7)}-01`;
}

export async function rebuildCreditLedger(
  db: Db,
  options: RebuildCreditOptions,
): Promise<{ customers: number; months: number }> {
  const model = options.model ?? CREDIT_MODEL;
  const only = options.customerIds ? [...new Set(options.customerIds)].sort((a, b) => a - b) : null;
  const batchSize = options.batchSize ?? 5_000;
  const lastMonth = beijingMonth(options.asOf);
  const total = only ? only.length : await countCustomers(db);
  let done = 0;
  let customers = 0;
  let months = 0;
  let after = 0;
  for (;;) {
    const ids = await nextCustomers(db, after, batchSize, only);
    const first = ids[0];
    const last = ids.at(-1);
    if (first === undefined || last === undefined) break;
    const range: CustomerRange = { first, last, only };
    const events = await plannedTransaction(db, (tx) => readCreditEvents(tx, range, options.asOf, model));
    const rows: (CreditLedgerRow & { customerId: number })[] = [];
    for (const [customerId, found] of events) {
      if (found.firstMonth > lastMonth) continue;
      for (const row of iterateCreditLedger(found.counts, { from: found.firstMonth, to: lastMonth }, model))
        rows.push({ ...row, customerId });
      customers++;
    }
    await replaceRows(db, range, rows, model.version);
    months += rows.length;
    done += ids.length;
    after = last;
    options.onProgress?.(done, total);
  }
  if (!only) await analyzeWritten(db, ['credit_ledger']);
  return { customers, months };
}

async function countCustomers(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM customer');
  return rows[0]?.n ?? 0;
}

/** Keyset paging in customer id order, so a batch is a contiguous id range. */
async function nextCustomers(
  db: Queryable,
  after: number,
  limit: number,
  only: readonly number[] | null,
): Promise<number[]> {
  if (only) return only.filter((id) => id > after).slice(0, limit);
  const rows = await db.query<{ customer_id: number }>(
    'SELECT customer_id FROM customer WHERE customer_id > $1 ORDER BY customer_id LIMIT $2',
    [after, limit],
  );
  return rows.map((r) => r.customer_id);
}

/**
 * Makes the stored ledger of the range's customers equal to `rows` in one statement: months
 * no longer there are deleted, new or changed ones written, and a month whose row is already
 * as computed is left alone, so rebuilding unchanged data writes (and logs) nothing; before,
 * every row was deleted and inserted again each rebuild (65,000 rows and their index entries
 * per batch of 5,000 customers). The rows go in as one JSON document, parsed once by the
 * server. Measured on the 20,000-customer bench world, a batch of 5,000 customers (65,000
 * rows) already stored: 530–620 ms, against 620–815 ms for the delete and three inserts of
 * arrays it replaced, and 740–970 ms for this statement fed the same rows as arrays.
 */
async function replaceRows(
  db: Db,
  range: CustomerRange,
  rows: readonly (CreditLedgerRow & { customerId: number })[],
  version: number,
): Promise<void> {
  const document = JSON.stringify(
    rows.map((r) => ({ c: r.customerId, m: r.month, b: r.scoreBefore, d: r.delta, a: r.scoreAfter, e: r.lines })),
  );
  await db.query(
    `WITH r AS (
       SELECT * FROM jsonb_to_recordset($4::jsonb) AS r(c bigint, m date, b smallint, d smallint, a smallint, e jsonb)
     ), gone AS (
       DELETE FROM credit_ledger l
       WHERE l.customer_id BETWEEN $1 AND $2 AND ($3::bigint[] IS NULL OR l.customer_id = ANY($3::bigint[]))
         AND NOT EXISTS (SELECT 1 FROM r WHERE r.c = l.customer_id AND r.m = l.month)
     )
     INSERT INTO credit_ledger (customer_id, month, score_before, delta, score_after, events, model_version)
     SELECT r.c, r.m, r.b, r.d, r.a, r.e, $5 FROM r
     WHERE NOT EXISTS (
       SELECT 1 FROM credit_ledger o
       WHERE o.customer_id = r.c AND o.month = r.m AND o.score_before = r.b AND o.delta = r.d AND o.score_after = r.a
         AND o.events = r.e AND o.model_version = $5)
     ON CONFLICT (customer_id, month) DO UPDATE SET score_before = excluded.score_before, delta = excluded.delta,
       score_after = excluded.score_after, events = excluded.events, model_version = excluded.model_version`,
    [range.first, range.last, range.only, document, version],
  );
}

/** One customer's ledger, oldest month first (empty when the customer has no history yet). */
export async function readCreditLedger(db: Queryable, customerId: number): Promise<StoredCreditRow[]> {
  const rows = await db.query<{
    month: string;
    score_before: number;
    delta: number;
    score_after: number;
    events: CreditLedgerLine[];
    model_version: number;
  }>(
    `SELECT month::text AS month, score_before, delta, score_after, events, model_version
     FROM credit_ledger WHERE customer_id = $1 ORDER BY month`,
    [customerId],
  );
  return rows.map((r) => ({
    month: r.month,
    scoreBefore: r.score_before,
    delta: r.delta,
    scoreAfter: r.score_after,
    lines: r.events,
    modelVersion: r.model_version,
  }));
}

/**
 * Scores of many customers as of a month (the latest ledger row at or before it), for the
 * portrait engine: one query, customers without a ledger absent from the map.
 */
export async function readCreditScores(
  db: Queryable,
  customerIds: readonly number[],
  asOf?: Date,
): Promise<Map<number, { score: number; month: string }>> {
  const rows = await db.query<{ customer_id: number; score_after: number; month: string }>(
    `SELECT DISTINCT ON (customer_id) customer_id, score_after, month::text AS month FROM credit_ledger
     WHERE customer_id = ANY($1::bigint[]) AND ($2::date IS NULL OR month <= $2::date)
     ORDER BY customer_id, month DESC`,
    [customerIds, asOf ? beijingMonth(asOf) : null],
  );
  return new Map(rows.map((r) => [r.customer_id, { score: r.score_after, month: r.month }]));
}
