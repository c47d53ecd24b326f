/** Notices (SMS platform, app push, WeChat) and employee operations, with their traces. */
import type { Queryable } from '../../db/db.js';
import type { Channel, TraceType } from '../../traces/vocabulary.js';
import { type BatchItem, type BatchOutcome, type Rejection, reject } from '../batch.js';
import { namedIdentity, resolveEmployees } from '../identity.js';
import type { EmployeeOperationRecord, NoticeRecord } from '../records.js';
import { type UpsertSpec, upsert } from '../sql.js';
import type { TraceDraft } from '../trace-writer.js';
import { dropUndefined, resolveOrQuarantine, type TraceWriteContext, tally, writeTracesResolving } from './common.js';

const col = (name: string, type = 'text', fallback?: string) => (fallback ? { name, type, fallback } : { name, type });

const NOTICE: UpsertSpec = {
  table: 'notice',
  key: ['notice_id'],
  columns: [
    col('notice_id'),
    col('customer_id', 'bigint'),
    col('medium'),
    col('topic'),
    col('sent_at', 'timestamptz'),
    col('status', 'text', "'delivered'"),
    col('content'),
    col('outage_id'),
    col('source'),
  ],
  touch: true,
};

const NOTICE_TRACE: Record<NoticeRecord['medium'], [TraceType, Channel]> = {
  sms: ['sms_sent', 'sms'],
  push: ['push_sent', 'app'],
  wechat: ['wechat_sent', 'wechat'],
};

export async function writeNotices(
  tx: Queryable,
  ctx: TraceWriteContext,
  items: readonly BatchItem<NoticeRecord>[],
): Promise<BatchOutcome> {
  const sourceId = (r: NoticeRecord) => `notices:${r.notice_id}`;
  const { resolved, quarantined } = await resolveOrQuarantine(tx, ctx, 'notices', items, sourceId);
  const written = await upsert(
    tx,
    NOTICE,
    resolved.map(({ item, customerId }) => ({ ...item.record, customer_id: customerId, source: ctx.source })),
  );
  const drafts: TraceDraft[] = resolved.map(({ item: { record: r }, customerId }) => {
    const [traceType, channel] = NOTICE_TRACE[r.medium];
    return {
      source_id: sourceId(r),
      occurred_at: r.sent_at,
      trace_type: traceType,
      channel,
      customer_id: customerId,
      employee_id: null,
      customer_ref: namedIdentity(r),
      attributes: dropUndefined({
        notice_id: r.notice_id,
        topic: r.topic,
        status: r.status ?? 'delivered',
        outage_id: r.outage_id,
      }),
    };
  });
  const traces = await writeTracesResolving(tx, ctx, drafts);
  return tally(
    resolved.map((r) => r.item.record.notice_id),
    written.rows,
    (row) => String(row.notice_id),
    (key) => [traces.get(`notices:${key}`)],
    [],
    quarantined,
  );
}

const EMPLOYEE_OPERATION: UpsertSpec = {
  table: 'employee_operation',
  key: ['operation_id'],
  columns: [
    col('operation_id'),
    col('employee_id', 'bigint'),
    col('operation'),
    col('at', 'timestamptz'),
    col('customer_id', 'bigint'),
    col('system'),
    col('detail', 'jsonb', "'{}'::jsonb"),
    col('source'),
  ],
  touch: true,
};

/** Operation words of the source systems → trace types; anything else is employee_operation. */
const OPERATION_TRACE: Record<string, TraceType> = {
  disconnection: 'disconnection',
  reconnection: 'reconnection',
  meter_reading: 'meter_reading',
  login: 'employee_login',
  employee_login: 'employee_login',
  logout: 'employee_logout',
  employee_logout: 'employee_logout',
};

function operationChannel(traceType: TraceType, system: string | undefined): Channel {
  if (system === 'collection') return 'collection';
  if (system === 'sg186' || system === 'billing') return 'billing';
  if (traceType === 'disconnection' || traceType === 'reconnection' || traceType === 'meter_reading') return 'field';
  return 'internal';
}

export async function writeEmployeeOperations(
  tx: Queryable,
  ctx: TraceWriteContext,
  items: readonly BatchItem<EmployeeOperationRecord>[],
): Promise<BatchOutcome> {
  const rejected: Rejection[] = [];
  const ids = await resolveEmployees(
    tx,
    items.map((i) => i.record.employee_no),
  );
  const kept = items.filter((item) => {
    if (ids.has(item.record.employee_no)) return true;
    rejected.push(reject(item, 'employee_no', `unknown employee '${item.record.employee_no}'`));
    return false;
  });
  const sourceId = (r: EmployeeOperationRecord) => `employee_operations:${r.operation_id}`;
  const { resolved, quarantined } = await resolveOrQuarantine(tx, ctx, 'employee_operations', kept, sourceId);
  const written = await upsert(
    tx,
    EMPLOYEE_OPERATION,
    resolved.map(({ item: { record: r }, customerId }) => ({
      ...r,
      employee_id: ids.get(r.employee_no),
      customer_id: customerId,
      source: ctx.source,
    })),
  );
  const drafts: TraceDraft[] = resolved.map(({ item: { record: r }, customerId }) => {
    const traceType = OPERATION_TRACE[r.operation.toLowerCase()] ?? 'employee_operation';
    return {
      source_id: sourceId(r),
      occurred_at: r.at,
      trace_type: traceType,
      channel: operationChannel(traceType, r.system?.toLowerCase()),
      customer_id: customerId,
      employee_id: ids.get(r.employee_no) ?? null,
      customer_ref: namedIdentity(r),
      employee_ref: r.employee_no,
      attributes: dropUndefined({
        operation_id: r.operation_id,
        operation: r.operation,
        system: r.system,
        ...r.detail,
      }),
    };
  });
  const traces = await writeTracesResolving(tx, ctx, drafts);
  return tally(
    resolved.map((r) => r.item.record.operation_id),
    written.rows,
    (row) => String(row.operation_id),
    (key) => [traces.get(`employee_operations:${key}`)],
    rejected,
    quarantined,
  );
}
