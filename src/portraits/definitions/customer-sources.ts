import type { SourceDef } from '../engine/source-types.js';
import { WORK_ORDER_CHANGES } from './customer-feature-kit.js';

/** Local calendar days late of a payment (Asia/Shanghai, where bills fall due). */
export const PAYMENT_DAYS_LATE = "((p.paid_at AT TIME ZONE 'Asia/Shanghai')::date - p.due_date)";

const SOURCES: SourceDef[] = [
  {
    code: 'trace',
    subject: 'customer',
    from: 'trace t',
    key: 't.customer_id',
    keyType: 'bigint',
    affectedBy: ['trace:*'],
    time: 't.occurred_at',
    incremental: { rowId: 't.trace_id' },
    evidence: {
      id: 't.trace_id::text',
      kind: 't.trace_type',
      channel: 't.channel',
      topic: 't.topic',
      caseId: 't.case_id',
      detail: 't.attributes::text',
    },
  },
  {
    code: 'work_order',
    subject: 'customer',
    from: 'work_order w',
    key: 'w.customer_id',
    keyType: 'bigint',
    affectedBy: WORK_ORDER_CHANGES,
    time: 'w.created_at',
    evidence: {
      id: 'w.order_no',
      kind: "'work_order:' || w.order_type",
      channel: 'w.channel',
      topic: 'w.topic_code',
      caseId: 'w.case_id',
      detail: 'w.summary',
    },
  },
  {
    code: 'payment',
    subject: 'customer',
    from: 'payment p',
    key: 'p.customer_id',
    keyType: 'bigint',
    affectedBy: ['trace:payment'],
    time: 'p.paid_at',
    evidence: {
      id: 'p.payment_no',
      kind: "'payment'",
      channel: 'p.channel',
      detail: `p.amount::text || ' 元, ' || coalesce(${PAYMENT_DAYS_LATE}::text, '?') || ' d'`,
    },
  },
  {
    code: 'bill',
    subject: 'customer',
    from: 'bill b',
    key: 'b.customer_id',
    keyType: 'bigint',
    affectedBy: ['trace:bill_issued'],
    time: 'b.issued_on::timestamptz',
    evidence: { id: 'b.bill_no', kind: "'bill'", detail: "b.amount::text || ' 元, ' || b.kwh::text || ' kWh'" },
  },
  {
    code: 'call',
    subject: 'customer',
    from: 'call c',
    key: 'c.customer_id',
    keyType: 'bigint',
    affectedBy: ['trace:call_inbound', 'trace:call_outbound', 'trace:chat_session', 'qa'],
    time: 'c.started_at',
    evidence: { id: 'c.call_id', kind: "'call:' || c.direction", channel: 'c.channel', caseId: 'c.case_id' },
  },
  {
    code: 'notice',
    subject: 'customer',
    from: 'notice n',
    key: 'n.customer_id',
    keyType: 'bigint',
    affectedBy: ['trace:sms_sent', 'trace:push_sent', 'trace:wechat_sent'],
    time: 'n.sent_at',
    evidence: { id: 'n.notice_id', kind: "'notice:' || n.topic", channel: 'n.medium', detail: 'n.status' },
  },
  {
    // Routine quality-inspection results of the customer's calls (src/qa/store).
    code: 'qa_call',
    subject: 'customer',
    from: 'qa_result q JOIN call qc ON qc.call_id = q.call_id AND q.superseded_at IS NULL AND q.topic_id IS NULL',
    key: 'qc.customer_id',
    keyType: 'bigint',
    affectedBy: ['qa'],
    time: 'q.call_started_at',
    evidence: {
      id: 'q.call_id',
      kind: "'qa_result'",
      channel: 'qc.channel',
      caseId: 'qc.case_id',
      detail: "'score ' || q.score::text",
    },
  },
  {
    code: 'call_turn',
    subject: 'customer',
    // The batch's calls first (call_customer_idx), then each call's turns by its key. As a plain
    // join the planner hashed the calls and read every call turn of the world for each part of
    // 2,500 customers (9.8 M turns, 1.1 s at 500,000 customers), a cost that grows with the
    // world while the part does not; OFFSET 0 keeps it from flattening this back into that join.
    from: 'call tc CROSS JOIN LATERAL (SELECT * FROM call_turn ct0 WHERE ct0.call_id = tc.call_id OFFSET 0) ct',
    key: 'tc.customer_id',
    keyType: 'bigint',
    affectedBy: ['trace:call_inbound', 'trace:call_outbound', 'trace:chat_session', 'qa'],
    time: 'tc.started_at',
    evidence: {
      id: "ct.call_id || '#' || ct.seq::text",
      kind: "'call_turn:' || ct.speaker",
      channel: 'tc.channel',
      caseId: 'tc.case_id',
      detail: 'ct.text',
    },
  },
  {
    // The credit ledger's latest month up to the as-of time (src/portraits/credit, C3).
    code: 'credit',
    subject: 'customer',
    from: '(SELECT DISTINCT ON (customer_id) customer_id, month, score_after FROM credit_ledger WHERE month <= $asOf ORDER BY customer_id, month DESC) cl',
    key: 'cl.customer_id',
    keyType: 'bigint',
    affectedBy: ['billing'],
  },
  {
    // Third-party credit records (the credit_reports import, C3's optional inputs). A new or
    // changed record marks the customer with 'billing' (migration 0033).
    code: 'credit_report',
    subject: 'customer',
    from: 'credit_report cr',
    key: 'cr.customer_id',
    keyType: 'bigint',
    affectedBy: ['billing'],
    time: 'cr.reported_on::timestamptz',
    evidence: { id: 'cr.report_no', kind: "'credit_report'", detail: "cr.agency || coalesce('：' || cr.note, '')" },
  },
  {
    // Consumption figures from the daily readings (src/portraits/consumption, C4).
    code: 'consumption',
    subject: 'customer',
    from: 'consumption_profile cp',
    key: 'cp.customer_id',
    keyType: 'bigint',
    affectedBy: ['readings'],
  },
  { code: 'customer', subject: 'customer', from: 'customer cu', key: 'cu.customer_id', keyType: 'bigint' },
];

/** Every customer source reads each customer's rows by the customer's own key: generic plans. */
export const CUSTOMER_SOURCES: SourceDef[] = SOURCES.map((source) => ({ ...source, plan: 'generic' }));
