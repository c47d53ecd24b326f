import { type Actor, requireInScope } from '../auth/actor.js';
import type { Queryable } from '../db/db.js';
import { notFound } from '../errors.js';
import { DEFAULT_LANGUAGE, type Language } from '../traces/attribute-labels.js';
import { assertMayViewSpecial } from '../customers/customer-access.js';
import { maskCustomerPii, maskKnownPiiInText, maskPhone } from '../customers/masking.js';
import { maskDigits } from '../customers/trace-summary.js';
import { type TraceRow, toItem } from '../customers/trace-timeline.js';
import { toWorkOrderSummary, WORK_ORDER_SELECT, type WorkOrderRow } from '../customers/work-orders.js';

/**
 * One case chain (诉求链, T3/T4): every trace carrying the case id in time order, the case's
 * work orders with their status history, and its calls with transcripts (digit runs such as
 * phone numbers spoken by the caller, and the holder's name and address read out by the agent,
 * are masked like every other PII field).
 */
export async function caseChain(db: Queryable, actor: Actor, caseId: string, lang: Language = DEFAULT_LANGUAGE) {
  const owners = await db.query<{
    customer_no: string;
    name: string;
    customer_type: string;
    address: string | null;
    special: boolean;
    path: string;
  }>(
    `SELECT c.customer_no, c.name, c.customer_type, c.address, c.special, o.path FROM customer c
     JOIN org_unit o ON o.org_unit_id = c.org_unit_id
     WHERE c.customer_id IN (
       SELECT customer_id FROM work_order WHERE case_id = $1
       UNION SELECT customer_id FROM call WHERE case_id = $1
       UNION SELECT customer_id FROM trace WHERE case_id = $1)`,
    [caseId],
  );
  const traces = await db.query<TraceRow>(
    `SELECT t.trace_id, t.occurred_at, t.trace_type, t.channel, t.direction, t.topic, t.case_id, t.attributes,
       e.employee_no, e.name AS employee_name, c.customer_no
     FROM trace t LEFT JOIN employee e ON e.employee_id = t.employee_id
     LEFT JOIN customer c ON c.customer_id = t.customer_id
     WHERE t.case_id = $1 ORDER BY t.occurred_at, t.trace_id`,
    [caseId],
  );
  const orders = await db.query<WorkOrderRow>(`${WORK_ORDER_SELECT} WHERE w.case_id = $1 ORDER BY w.created_at, w.order_no`, [caseId]);
  if (owners.length === 0 && traces.length === 0 && orders.length === 0) throw notFound(`Case ${caseId}`);
  for (const owner of owners) {
    requireInScope(actor, owner.path, `Case ${caseId}`);
    assertMayViewSpecial(actor, owner.special, owner.customer_no);
  }
  const orderNos = orders.map((o) => o.order_no);
  const statuses = await db.query<{ order_no: string; seq: number; status: string; at: Date; employee_no: string | null; employee_name: string | null; note: string | null }>(
    `SELECT s.order_no, s.seq, s.status, s.at, e.employee_no, e.name AS employee_name, s.note
     FROM work_order_status s LEFT JOIN employee e ON e.employee_id = s.employee_id
     WHERE s.order_no = ANY($1::text[]) ORDER BY s.order_no, s.seq`,
    [orderNos],
  );
  const calls = await db.query<{ call_id: string; channel: string; direction: string; started_at: Date; ended_at: Date; caller_phone: string | null; order_no: string | null; employee_no: string | null; employee_name: string | null }>(
    `SELECT k.call_id, k.channel, k.direction, k.started_at, k.ended_at, k.caller_phone, k.order_no,
       e.employee_no, e.name AS employee_name
     FROM call k LEFT JOIN employee e ON e.employee_id = k.agent_employee_id
     WHERE k.case_id = $1 OR k.order_no = ANY($2::text[]) ORDER BY k.started_at, k.call_id`,
    [caseId, orderNos],
  );
  const turns = await db.query<{ call_id: string; seq: number; speaker: string; start_ms: number; end_ms: number; text: string }>(
    'SELECT call_id, seq, speaker, start_ms, end_ms, text FROM call_turn WHERE call_id = ANY($1::text[]) ORDER BY call_id, seq',
    [calls.map((c) => c.call_id)],
  );
  const employee = (no: string | null, name: string | null) => (no ? { employeeNo: no, name: name ?? '' } : null);
  return {
    caseId,
    customers: owners.map((o) => ({ customerNo: o.customer_no, name: maskCustomerPii({ ...o, phone: null, id_number: null, address: null, wechat_id: null }).name })),
    traces: traces.map((t) => toItem(t, lang)),
    workOrders: orders.map((o) => ({
      ...toWorkOrderSummary(o),
      statusHistory: statuses
        .filter((s) => s.order_no === o.order_no)
        .map((s) => ({ seq: s.seq, status: s.status, at: new Date(s.at).toISOString(), employee: employee(s.employee_no, s.employee_name), note: s.note })),
    })),
    calls: calls.map((c) => ({
      callId: c.call_id,
      channel: c.channel,
      direction: c.direction,
      startedAt: new Date(c.started_at).toISOString(),
      endedAt: new Date(c.ended_at).toISOString(),
      callerPhone: maskPhone(c.caller_phone),
      orderNo: c.order_no,
      agent: employee(c.employee_no, c.employee_name),
      turns: turns.filter((t) => t.call_id === c.call_id).map((t) => ({ seq: t.seq, speaker: t.speaker, startMs: t.start_ms, endMs: t.end_ms, text: maskKnownPiiInText(maskDigits(t.text), owners) })),
    })),
  };
}
