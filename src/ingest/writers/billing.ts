/** Bills and payments (SG186): entity rows plus bill_issued / payment traces. */

import type { Queryable } from '../../db/db.js';
import type { Channel } from '../../traces/vocabulary.js';
import type { BatchItem, BatchOutcome } from '../batch.js';
import { namedIdentity } from '../identity.js';
import type { BillRecord, PaymentRecord } from '../records.js';
import { type UpsertSpec, upsert } from '../sql.js';
import type { TraceDraft } from '../trace-writer.js';
import {
  dropUndefined,
  resolveOrQuarantine,
  startOfDayBeijing,
  type TraceWriteContext,
  tally,
  writeTracesResolving,
} from './common.js';

const col = (name: string, type = 'text') => ({ name, type });

const BILL: UpsertSpec = {
  table: 'bill',
  key: ['customer_id', 'bill_no'],
  columns: [
    col('customer_id', 'bigint'),
    col('bill_no'),
    col('period', 'date'),
    col('kwh', 'numeric'),
    col('amount', 'numeric'),
    col('issued_on', 'date'),
    col('due_date', 'date'),
    col('source'),
  ],
  touch: true,
};

export async function writeBills(
  tx: Queryable,
  ctx: TraceWriteContext,
  items: readonly BatchItem<BillRecord>[],
): Promise<BatchOutcome> {
  const sourceId = (r: BillRecord) => `bills:${r.bill_no}`;
  const { resolved, quarantined } = await resolveOrQuarantine(tx, ctx, 'bills', items, sourceId);
  const written = await upsert(
    tx,
    BILL,
    resolved.map(({ item, customerId }) => ({
      ...item.record,
      customer_id: customerId,
      period: `${item.record.period}-01`,
      source: ctx.source,
    })),
  );
  const drafts: TraceDraft[] = resolved.map(({ item: { record: r }, customerId }) => ({
    source_id: sourceId(r),
    occurred_at: startOfDayBeijing(r.issued_on),
    trace_type: 'bill_issued',
    channel: 'billing',
    customer_id: customerId,
    employee_id: null,
    customer_ref: namedIdentity(r),
    attributes: { bill_no: r.bill_no, period: r.period, kwh: r.kwh, amount: r.amount, due_date: r.due_date },
  }));
  const traces = await writeTracesResolving(tx, ctx, drafts);
  return tally(
    resolved.map((r) => r.item.record.bill_no),
    written.rows,
    (row) => String(row.bill_no),
    (key) => [traces.get(`bills:${key}`)],
    [],
    quarantined,
  );
}

const PAYMENT: UpsertSpec = {
  table: 'payment',
  key: ['customer_id', 'payment_no'],
  columns: [
    col('customer_id', 'bigint'),
    col('payment_no'),
    col('bill_no'),
    col('amount', 'numeric'),
    col('channel'),
    col('paid_at', 'timestamptz'),
    col('due_date', 'date'),
    col('source'),
  ],
  touch: true,
};

/** Payment methods that are also service channels; bank counters, auto-debit … are billing. */
const PAYMENT_CHANNEL: Record<string, Channel> = { app: 'app', wechat: 'wechat', hall: 'hall' };

export async function writePayments(
  tx: Queryable,
  ctx: TraceWriteContext,
  items: readonly BatchItem<PaymentRecord>[],
): Promise<BatchOutcome> {
  const sourceId = (r: PaymentRecord) => `payments:${r.payment_no}`;
  const { resolved, quarantined } = await resolveOrQuarantine(tx, ctx, 'payments', items, sourceId);
  const written = await upsert(
    tx,
    PAYMENT,
    resolved.map(({ item, customerId }) => ({ ...item.record, customer_id: customerId, source: ctx.source })),
  );
  const drafts: TraceDraft[] = resolved.map(({ item: { record: r }, customerId }) => ({
    source_id: sourceId(r),
    occurred_at: r.paid_at,
    trace_type: 'payment',
    channel: PAYMENT_CHANNEL[r.channel] ?? 'billing',
    customer_id: customerId,
    employee_id: null,
    customer_ref: namedIdentity(r),
    attributes: dropUndefined({
      payment_no: r.payment_no,
      bill_no: r.bill_no,
      amount: r.amount,
      method: r.channel,
      due_date: r.due_date,
    }),
  }));
  const traces = await writeTracesResolving(tx, ctx, drafts);
  return tally(
    resolved.map((r) => r.item.record.payment_no),
    written.rows,
    (row) => String(row.payment_no),
    (key) => [traces.get(`payments:${key}`)],
    [],
    quarantined,
  );
}
