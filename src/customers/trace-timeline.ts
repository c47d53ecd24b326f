import type { Queryable } from '../db/db.js';
import { AppError } from '../errors.js';
import { DEFAULT_LANGUAGE, type Language } from '../traces/attribute-labels.js';
import { summariseTrace } from './trace-summary.js';

export interface TimelineFilter {
  channel?: string | undefined;
  type?: string | undefined;
  /** Inclusive lower and exclusive upper bound, ISO date or date-time. */
  from?: string | undefined;
  to?: string | undefined;
  /** Keyset cursor from the previous page's nextCursor; wins over page. */
  cursor?: string | undefined;
  page: number;
  pageSize: number;
}

export interface TimelineItem {
  traceId: number;
  occurredAt: string;
  type: string;
  channel: string;
  direction: string;
  topic: string | null;
  caseId: string | null;
  employee: { employeeNo: string; name: string } | null;
  customer: { customerNo: string } | null;
  summary: string;
}

interface Row {
  trace_id: number;
  occurred_at: Date;
  trace_type: string;
  channel: string;
  direction: string;
  topic: string | null;
  case_id: string | null;
  attributes: Record<string, unknown>;
  employee_no: string | null;
  employee_name: string | null;
  customer_no: string | null;
}

const encodeCursor = (at: Date, id: number) => Buffer.from(JSON.stringify([new Date(at).toISOString(), id])).toString('base64url');

function decodeCursor(cursor: string): [string, number] {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof at === 'string' && !Number.isNaN(Date.parse(at)) && typeof id === 'number') return [at, id];
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION_FAILED', 'cursor is not one this API issued; start again without it', 400, { field: 'querystring.cursor' });
}

/**
 * Traces of one customer or one employee, newest first across every channel (T4). Keyset
 * pagination on (occurred_at, trace_id) stays fast deep into a long history; `page` is
 * offered for simple clients.
 */
export async function listTraces(
  db: Queryable,
  subject: { customerId: number } | { employeeId: number },
  filter: TimelineFilter,
  lang: Language = DEFAULT_LANGUAGE,
): Promise<{ items: TimelineItem[]; nextCursor: string | null }> {
  const params: unknown[] = ['customerId' in subject ? subject.customerId : subject.employeeId];
  const where = ['customerId' in subject ? 't.customer_id = $1' : 't.employee_id = $1'];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replaceAll('$?', `$${params.length}`));
  };
  if (filter.channel) add('t.channel = ANY(string_to_array($?, \',\'))', filter.channel);
  if (filter.type) add('t.trace_type = ANY(string_to_array($?, \',\'))', filter.type);
  if (filter.from) add('t.occurred_at >= $?::timestamptz', filter.from);
  if (filter.to) add('t.occurred_at < $?::timestamptz', filter.to);
  let offset = (filter.page - 1) * filter.pageSize;
  if (filter.cursor) {
    const [at, id] = decodeCursor(filter.cursor);
    params.push(at, id);
    where.push(`(t.occurred_at, t.trace_id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
    offset = 0;
  }
  params.push(filter.pageSize + 1, offset);
  const rows = await db.query<Row>(
    `SELECT t.trace_id, t.occurred_at, t.trace_type, t.channel, t.direction, t.topic, t.case_id, t.attributes,
       e.employee_no, e.name AS employee_name, c.customer_no
     FROM trace t
     LEFT JOIN employee e ON e.employee_id = t.employee_id
     LEFT JOIN customer c ON c.customer_id = t.customer_id
     WHERE ${where.join(' AND ')}
     ORDER BY t.occurred_at DESC, t.trace_id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  const page = rows.slice(0, filter.pageSize);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toItem(r, lang)),
    nextCursor: rows.length > filter.pageSize && last ? encodeCursor(last.occurred_at, last.trace_id) : null,
  };
}

export function toItem(r: Row, lang: Language = DEFAULT_LANGUAGE): TimelineItem {
  return {
    traceId: r.trace_id,
    occurredAt: new Date(r.occurred_at).toISOString(),
    type: r.trace_type,
    channel: r.channel,
    direction: r.direction,
    topic: r.topic,
    caseId: r.case_id,
    employee: r.employee_no ? { employeeNo: r.employee_no, name: r.employee_name ?? '' } : null,
    customer: r.customer_no ? { customerNo: r.customer_no } : null,
    summary: summariseTrace(r.trace_type, r.topic, r.attributes ?? {}, lang),
  };
}

export type TraceRow = Row;
