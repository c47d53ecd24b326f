/** 95598: work orders, their status history, calls and call turns, with their traces. */
import type { Queryable } from '../../db/db.js';
import type { Channel, TraceType } from '../../traces/vocabulary.js';
import { type BatchItem, type BatchOutcome, outcomeOf, type Rejection, reject } from '../batch.js';
import { namedIdentity, resolveEmployees } from '../identity.js';
import type { CallRecord, CallTurnRecord, WorkOrderRecord, WorkOrderStatusRecord } from '../records.js';
import { type UpsertSpec, upsert } from '../sql.js';
import type { TraceDraft } from '../trace-writer.js';
import { dropUndefined, resolveOrQuarantine, type TraceWriteContext, tally, writeTracesResolving } from './common.js';
import { checkReferences } from './topology.js';

const col = (name: string, type = 'text', fallback?: string) => (fallback ? { name, type, fallback } : { name, type });

/** Rejects items naming an employee number that is not known; returns the id lookup. */
async function employeesOf<R>(
  tx: Queryable,
  items: readonly BatchItem<R>[],
  field: keyof R & string,
  rejected: Rejection[],
): Promise<{ kept: BatchItem<R>[]; ids: Map<string, number> }> {
  const ids = await resolveEmployees(
    tx,
    items.map((i) => i.record[field] as string | undefined),
  );
  const kept = items.filter((item) => {
    const no = item.record[field] as string | undefined;
    if (no === undefined || ids.has(no)) return true;
    rejected.push(reject(item, field, `unknown employee '${no}'`));
    return false;
  });
  return { kept, ids };
}

const WORK_ORDER: UpsertSpec = {
  table: 'work_order',
  key: ['order_no'],
  columns: [
    col('order_no'),
    col('customer_id', 'bigint'),
    col('case_id'),
    col('order_type'),
    col('topic_code'),
    col('urgency', 'text', "'normal'"),
    col('status'),
    col('channel'),
    col('created_at', 'timestamptz'),
    col('sla_deadline', 'timestamptz'),
    col('closed_at', 'timestamptz'),
    col('responsible_employee_id', 'bigint'),
    col('substantiated', 'boolean'),
    col('satisfaction', 'smallint'),
    col('summary'),
    col('source'),
  ],
  touch: true,
};

export async function writeWorkOrders(
  tx: Queryable,
  ctx: TraceWriteContext,
  items: readonly BatchItem<WorkOrderRecord>[],
): Promise<BatchOutcome> {
  const rejected: Rejection[] = [];
  const { kept, ids } = await employeesOf(tx, items, 'responsible_employee_no', rejected);
  const sourceId = (r: WorkOrderRecord) => `work_orders:${r.order_no}`;
  const { resolved, quarantined } = await resolveOrQuarantine(tx, ctx, 'work_orders', kept, sourceId);
  const employeeOf = (r: WorkOrderRecord) =>
    r.responsible_employee_no ? ids.get(r.responsible_employee_no) : undefined;
  const written = await upsert(
    tx,
    WORK_ORDER,
    resolved.map(({ item: { record: r }, customerId }) => ({
      ...r,
      customer_id: customerId,
      case_id: r.case_id ?? r.order_no,
      responsible_employee_id: employeeOf(r),
      source: ctx.source,
    })),
  );
  // The status moves on; the created trace stays what was accepted, so it has no status.
  const drafts: TraceDraft[] = resolved.map(({ item: { record: r }, customerId }) => ({
    source_id: sourceId(r),
    occurred_at: r.created_at,
    trace_type: 'work_order_created',
    channel: r.channel,
    customer_id: customerId,
    employee_id: null,
    customer_ref: namedIdentity(r),
    case_id: r.case_id ?? r.order_no,
    topic: r.topic_code,
    attributes: dropUndefined({
      order_no: r.order_no,
      order_type: r.order_type,
      urgency: r.urgency ?? 'normal',
      summary: r.summary,
    }),
  }));
  const traces = await writeTracesResolving(tx, ctx, drafts);
  return tally(
    resolved.map((r) => r.item.record.order_no),
    written.rows,
    (row) => String(row.order_no),
    (key) => [traces.get(`work_orders:${key}`)],
    rejected,
    quarantined,
  );
}

const WORK_ORDER_STATUS: UpsertSpec = {
  table: 'work_order_status',
  key: ['order_no', 'seq'],
  columns: [
    col('order_no'),
    col('seq', 'integer'),
    col('status'),
    col('at', 'timestamptz'),
    col('employee_id', 'bigint'),
    col('note'),
  ],
  touch: false,
};

/** Status words that are steps of the case chain (诉求链) get their own trace type. */
const STATUS_TRACE: Record<string, [TraceType, Channel]> = {
  dispatch: ['dispatch', 'internal'],
  dispatched: ['dispatch', 'internal'],
  field_arrival: ['field_arrival', 'field'],
  arrived: ['field_arrival', 'field'],
  field_feedback: ['field_feedback', 'field'],
  handled: ['field_feedback', 'field'],
  callback: ['callback', 'phone_95598'],
};

export async function writeWorkOrderStatus(
  tx: Queryable,
  ctx: TraceWriteContext,
  items: readonly BatchItem<WorkOrderStatusRecord>[],
): Promise<BatchOutcome> {
  const rejected: Rejection[] = [];
  const { kept, ids } = await employeesOf(tx, items, 'employee_no', rejected);
  const orders = await tx.query<{ order_no: string; customer_id: number; case_id: string; topic_code: string }>(
    'SELECT order_no, customer_id, case_id, topic_code FROM work_order WHERE order_no = ANY($1::text[])',
    [[...new Set(kept.map((i) => i.record.order_no))]],
  );
  const orderOf = new Map(orders.map((o) => [o.order_no, o]));
  const accepted = kept.filter((item) => {
    if (orderOf.has(item.record.order_no)) return true;
    rejected.push(reject(item, 'order_no', `unknown work order '${item.record.order_no}'`));
    return false;
  });
  const employeeOf = (r: WorkOrderStatusRecord) => (r.employee_no ? ids.get(r.employee_no) : undefined);
  const written = await upsert(
    tx,
    WORK_ORDER_STATUS,
    accepted.map(({ record: r }) => ({ ...r, employee_id: employeeOf(r) })),
  );
  const keyOf = (r: Record<string, unknown> | WorkOrderStatusRecord) => `${String(r.order_no)}:${String(r.seq)}`;
  const drafts: TraceDraft[] = accepted.map(({ record: r }) => {
    const order = orderOf.get(r.order_no) as { customer_id: number; case_id: string; topic_code: string };
    const [traceType, channel] = STATUS_TRACE[r.status.toLowerCase()] ?? ['work_order_status', 'internal'];
    return {
      source_id: `work_order_status:${keyOf(r)}`,
      occurred_at: r.at,
      trace_type: traceType,
      channel,
      customer_id: order.customer_id,
      employee_id: employeeOf(r) ?? null,
      customer_ref: `order_no:${r.order_no}`,
      employee_ref: r.employee_no,
      case_id: order.case_id,
      topic: order.topic_code,
      attributes: dropUndefined({ order_no: r.order_no, seq: r.seq, status: r.status, note: r.note }),
    };
  });
  const traces = await writeTracesResolving(tx, ctx, drafts);
  return tally(
    accepted.map((i) => keyOf(i.record)),
    written.rows,
    keyOf,
    (key) => [traces.get(`work_order_status:${key}`)],
    rejected,
    0,
  );
}

const CALL: UpsertSpec = {
  table: 'call',
  key: ['call_id'],
  columns: [
    col('call_id'),
    col('customer_id', 'bigint'),
    col('agent_employee_id', 'bigint'),
    col('channel'),
    col('direction'),
    col('started_at', 'timestamptz'),
    col('ended_at', 'timestamptz'),
    col('caller_phone'),
    col('case_id'),
    col('order_no'),
    col('source'),
  ],
  touch: true,
};

export async function writeCalls(
  tx: Queryable,
  ctx: TraceWriteContext,
  items: readonly BatchItem<CallRecord>[],
): Promise<BatchOutcome> {
  const rejected: Rejection[] = [];
  const { kept, ids } = await employeesOf(tx, items, 'agent_employee_no', rejected);
  const sourceId = (r: CallRecord) => `calls:${r.call_id}`;
  const { resolved, quarantined } = await resolveOrQuarantine(tx, ctx, 'calls', kept, sourceId);
  const agentOf = (r: CallRecord) => (r.agent_employee_no ? ids.get(r.agent_employee_no) : undefined);
  const written = await upsert(
    tx,
    CALL,
    resolved.map(({ item: { record: r }, customerId }) => {
      const { turns: _turns, ...call } = r;
      return { ...call, customer_id: customerId, agent_employee_id: agentOf(r), source: ctx.source };
    }),
  );
  const turns = resolved.flatMap(({ item: { record: r } }) =>
    (r.turns ?? []).map((t) => ({ ...t, call_id: r.call_id })),
  );
  await upsert(tx, CALL_TURN, turns);
  const drafts: TraceDraft[] = resolved.map(({ item: { record: r }, customerId }) => ({
    source_id: sourceId(r),
    occurred_at: r.started_at,
    trace_type:
      r.channel === 'online_chat' ? 'chat_session' : r.direction === 'outbound' ? 'call_outbound' : 'call_inbound',
    channel: r.channel,
    customer_id: customerId,
    employee_id: agentOf(r) ?? null,
    customer_ref: namedIdentity(r),
    employee_ref: r.agent_employee_no,
    case_id: r.case_id,
    attributes: dropUndefined({
      call_id: r.call_id,
      duration_s: Math.round((Date.parse(r.ended_at) - Date.parse(r.started_at)) / 1000),
      order_no: r.order_no,
    }),
  }));
  const traces = await writeTracesResolving(tx, ctx, drafts);
  return tally(
    resolved.map((r) => r.item.record.call_id),
    written.rows,
    (row) => String(row.call_id),
    (key) => [traces.get(`calls:${key}`)],
    rejected,
    quarantined,
  );
}

const CALL_TURN: UpsertSpec = {
  table: 'call_turn',
  key: ['call_id', 'seq'],
  columns: [
    col('call_id'),
    col('seq', 'integer'),
    col('speaker'),
    col('start_ms', 'integer'),
    col('end_ms', 'integer'),
    col('text'),
  ],
  touch: false,
};

export async function writeCallTurns(
  tx: Queryable,
  _ctx: TraceWriteContext,
  items: readonly BatchItem<CallTurnRecord>[],
): Promise<BatchOutcome> {
  const { accepted, rejected } = await checkReferences(tx, items, [
    { field: 'call_id', table: 'call', column: 'call_id', what: 'call' },
  ]);
  return outcomeOf(
    accepted.length,
    await upsert(
      tx,
      CALL_TURN,
      accepted.map((i) => i.record),
    ),
    rejected,
  );
}
