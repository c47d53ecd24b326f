import type { SourceDef } from '../engine/source-types.js';

/**
 * Where employee statistic points (员工画像统计点) come from. Each source is read in one pass
 * per rebuild batch; the subqueries below add per-row figures (notice lead time, hours to
 * reconnect, minutes between work-order steps) so the features stay plain aggregates.
 * Norms are REQUIREMENTS N: a disconnection notice ≥ 7 days before, reconnection ≤ 24 h after
 * payment.
 */

/** A disconnection notice counts for a disconnection when sent in the 15 days before it: an
 * earlier one belongs to a previous bill's arrears (bills fall due monthly). */
export const NOTICE_LOOKBACK_DAYS = 15;

const LOCAL = "AT TIME ZONE 'Asia/Shanghai'";

export const EMPLOYEE_SOURCES: SourceDef[] = [
  {
    // HR record plus how many customers and transformer areas the employee's grid or station serves.
    code: 'employee',
    subject: 'employee',
    from: `(SELECT e.employee_id, e.birth_year, e.gender, e.hire_date, e.skill_level, e.post,
        CASE eo.level
          WHEN 'grid' THEN (SELECT count(*) FROM customer c WHERE c.org_unit_id = e.org_unit_id)
          WHEN 'station' THEN (SELECT count(*) FROM customer c JOIN org_unit g ON g.org_unit_id = c.org_unit_id
                               WHERE g.parent_id = e.org_unit_id OR c.org_unit_id = e.org_unit_id)
        END AS customers_served,
        CASE eo.level
          WHEN 'grid' THEN (SELECT count(*) FROM transformer_area ta WHERE ta.org_unit_id = e.org_unit_id)
          WHEN 'station' THEN (SELECT count(*) FROM transformer_area ta JOIN org_unit g ON g.org_unit_id = ta.org_unit_id
                               WHERE g.parent_id = e.org_unit_id)
        END AS areas_served
      FROM employee e JOIN org_unit eo ON eo.org_unit_id = e.org_unit_id) er`,
    key: 'er.employee_id',
    keyType: 'bigint',
  },
  {
    // Operations in the source systems, with the disconnection notice's lead time and the
    // hours from payment to reconnection (the payment time the collection system recorded,
    // else the customer's latest payment before the reconnection).
    code: 'operation',
    subject: 'employee',
    from: `(SELECT o.operation_id, o.employee_id, o.operation, o.at, o.system,
        extract(hour FROM o.at ${LOCAL}) AS local_hour,
        extract(isodow FROM o.at ${LOCAL}) AS local_dow,
        (o.at ${LOCAL})::date AS local_day,
        CASE WHEN o.operation = 'disconnection' THEN extract(epoch FROM o.at - (
          SELECT max(n.sent_at) FROM notice n
          WHERE n.customer_id = o.customer_id AND n.topic = 'disconnection_notice'
            AND n.sent_at <= o.at AND n.sent_at > o.at - interval '${NOTICE_LOOKBACK_DAYS} days')) / 86400 END AS notice_lead_days,
        CASE WHEN o.operation = 'reconnection' THEN extract(epoch FROM o.at - coalesce(
          (o.detail->>'paid_at')::timestamptz,
          (SELECT max(p.paid_at) FROM payment p WHERE p.customer_id = o.customer_id
             AND p.paid_at <= o.at AND p.paid_at > o.at - interval '30 days'))) / 3600 END AS reconnect_hours,
        CASE WHEN o.operation = 'login' THEN extract(epoch FROM (
          SELECT min(x.at) FROM employee_operation x
          WHERE x.employee_id = o.employee_id AND x.operation = 'logout' AND x.system IS NOT DISTINCT FROM o.system
            AND x.at > o.at AND x.at < o.at + interval '16 hours' AND x.at < $asOf) - o.at) / 3600 END AS session_hours
      FROM employee_operation o) eo`,
    key: 'eo.employee_id',
    keyType: 'bigint',
    time: 'eo.at',
    evidence: {
      id: 'eo.operation_id',
      kind: "'operation:' || eo.operation",
      channel: 'eo.system',
      detail: `CASE eo.operation
        WHEN 'disconnection' THEN coalesce('停电通知提前 ' || round(eo.notice_lead_days::numeric, 1)::text || ' 天', '${NOTICE_LOOKBACK_DAYS} 天内无停电通知')
        WHEN 'reconnection' THEN '缴费后 ' || round(eo.reconnect_hours::numeric, 1)::text || ' 小时复电'
        WHEN 'login' THEN '在线 ' || coalesce(round(eo.session_hours::numeric, 1)::text || ' 小时', '—')
        ELSE NULL END`,
    },
  },
  {
    // Work orders the employee answers for (责任人): complaints against them, their orders'
    // ratings, and when each was handled (the deadline is for handling; the callback follows).
    code: 'work_order',
    subject: 'employee',
    from: `(SELECT w.order_no, w.customer_id, w.case_id, w.order_type, w.topic_code, w.urgency, w.channel,
        w.created_at, w.sla_deadline, w.closed_at, w.responsible_employee_id, w.substantiated, w.satisfaction, w.summary,
        (SELECT min(s.at) FROM work_order_status s WHERE s.order_no = w.order_no AND s.status = 'handled') AS handled_at,
        CASE WHEN w.order_type = 'complaint' THEN EXISTS (
          SELECT 1 FROM trace t WHERE t.case_id = w.case_id AND t.trace_type = 'work_order_created'
            AND t.attributes ? 'escalated_to'
            AND t.occurred_at >= w.created_at - interval '1 day' AND t.occurred_at < w.created_at + interval '90 days')
        END AS escalated
      FROM work_order w) wo`,
    key: 'wo.responsible_employee_id',
    keyType: 'bigint',
    time: 'wo.created_at',
    evidence: {
      id: 'wo.order_no',
      kind: "'work_order:' || wo.order_type",
      channel: 'wo.channel',
      topic: 'wo.topic_code',
      caseId: 'wo.case_id',
      detail: 'wo.summary',
    },
  },
  {
    // Steps of work orders the employee carried out, with the minutes since the step before.
    code: 'order_step',
    subject: 'employee',
    from: `(SELECT s.order_no, s.seq, s.status, s.at, s.employee_id, w.order_type, w.topic_code, w.case_id, w.channel,
        w.created_at, w.sla_deadline,
        extract(epoch FROM s.at - (SELECT max(p.at) FROM work_order_status p WHERE p.order_no = s.order_no AND p.seq < s.seq)) / 60 AS step_minutes,
        extract(epoch FROM s.at - w.created_at) / 60 AS minutes_since_created
      FROM work_order_status s JOIN work_order w ON w.order_no = s.order_no) ws`,
    key: 'ws.employee_id',
    keyType: 'bigint',
    time: 'ws.at',
    evidence: {
      id: "ws.order_no || '#' || ws.seq::text",
      kind: "'work_order_status:' || ws.status",
      channel: 'ws.channel',
      topic: 'ws.topic_code',
      caseId: 'ws.case_id',
      detail: "round(ws.minutes_since_created::numeric)::text || ' min after creation'",
    },
  },
  {
    code: 'trace',
    subject: 'employee',
    from: `(SELECT t.*, (t.occurred_at ${LOCAL})::date AS local_day FROM trace t) et`,
    key: 'et.employee_id',
    keyType: 'bigint',
    time: 'et.occurred_at',
    evidence: {
      id: 'et.trace_id::text',
      kind: 'et.trace_type',
      channel: 'et.channel',
      topic: 'et.topic',
      caseId: 'et.case_id',
      detail: 'et.attributes::text',
    },
  },
  {
    // 95598 calls and chats the agent took.
    code: 'call',
    subject: 'employee',
    from: 'call c',
    key: 'c.agent_employee_id',
    keyType: 'bigint',
    time: 'c.started_at',
    evidence: {
      id: 'c.call_id',
      kind: "'call:' || c.direction",
      channel: 'c.channel',
      caseId: 'c.case_id',
      detail: "extract(epoch FROM c.ended_at - c.started_at)::int::text || ' s'",
    },
  },
  {
    // Current routine quality-inspection results of the agent's calls (src/qa/store).
    code: 'qa',
    subject: 'employee',
    from: '(SELECT * FROM qa_result WHERE superseded_at IS NULL AND topic_id IS NULL) q',
    key: 'q.agent_employee_id',
    keyType: 'bigint',
    time: 'q.call_started_at',
    evidence: {
      id: 'q.call_id',
      kind: "'qa_result'",
      detail: "'score ' || q.score::text || coalesce(', ' || array_to_string(q.flag_reasons, ', '), '')",
    },
  },
  {
    // Rule hits of those results: what the deductions were for.
    code: 'qa_hit',
    subject: 'employee',
    from: 'qa_hit h JOIN qa_result hq ON hq.result_id = h.result_id AND hq.superseded_at IS NULL AND hq.topic_id IS NULL',
    key: 'hq.agent_employee_id',
    keyType: 'bigint',
    time: 'hq.call_started_at',
    evidence: {
      id: "hq.call_id || '#' || h.rule_code",
      kind: "'qa_hit:' || h.category",
      topic: 'h.rule_code',
      detail: "h.rule_name || ' ' || h.points::text",
    },
  },
];

/** Sources only 95598 agents have rows in: their points are shown for agents only. */
export const AGENT_SOURCES: ReadonlySet<string> = new Set(['call', 'qa', 'qa_hit']);
