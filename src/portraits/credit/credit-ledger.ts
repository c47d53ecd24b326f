/**
 * The credit ledger (信用台账): one row per customer and month with the score before, the
 * delta, the score after and the events behind it. Rebuilt in batches of customers in id
 * order; each batch reads its events with one query per source table, iterates in memory and
 * replaces the batch's rows in one transaction.
 */
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
    await db.transaction(async (tx) => {
      await tx.query(
        'DELETE FROM credit_ledger WHERE customer_id BETWEEN $1 AND $2 AND ($3::bigint[] IS NULL OR customer_id = ANY($3::bigint[]))',
        [first, last, only],
      );
      await insertRows(tx, rows, model.version);
    });
    months += rows.length;
    done += ids.length;
    after = last;
    options.onProgress?.(done, total);
  }
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

// Rows go in as arrays through unnest: one statement of seven parameters per chunk, far
// below the 65,535-parameter limit a multi-row VALUES list would hit at 60k rows a batch.
const INSERT_CHUNK = 20_000;

async function insertRows(
  tx: Queryable,
  rows: readonly (CreditLedgerRow & { customerId: number })[],
  version: number,
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    await tx.query(
      `INSERT INTO credit_ledger (customer_id, month, score_before, delta, score_after, events, model_version)
       SELECT c, m, b, d, a, e::jsonb, $7 FROM unnest($1::bigint[], $2::date[], $3::smallint[], $4::smallint[], $5::smallint[], $6::text[])
         AS r(c, m, b, d, a, e)`,
      [
        chunk.map((r) => r.customerId),
        chunk.map((r) => r.month),
        chunk.map((r) => r.scoreBefore),
        chunk.map((r) => r.delta),
        chunk.map((r) => r.scoreAfter),
        chunk.map((r) => JSON.stringify(r.lines)),
        version,
      ],
    );
  }
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
