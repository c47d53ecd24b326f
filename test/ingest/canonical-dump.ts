import type { Db } from '../../src/db/db.js';

/**
 * Every table the ingest writes, as text with internal surrogate ids (customer_id,
 * employee_id, trace_id — drawn from sequences, which a rolled-back transaction still
 * advances) replaced by business keys, and wall-clock stamps (updated_at, recorded_at …)
 * left out. Two databases with equal dumps hold the same data.
 */
const TABLES: Record<string, string> = {
  org_unit: 'SELECT org_unit_id, parent_id, level, name, path, source FROM org_unit',
  substation: 'SELECT substation_id, name, voltage_kv, org_unit_id, source FROM substation',
  feeder: 'SELECT feeder_id, name, substation_id, org_unit_id, source FROM feeder',
  transformer_area:
    'SELECT transformer_area_id, name, feeder_id, org_unit_id, capacity_kva, source FROM transformer_area',
  customer: `SELECT customer_no, name, customer_type, industry, voltage_level, contract_capacity_kva, org_unit_id,
    transformer_area_id, address, phone, id_number, wechat_id, important, special, special_category, opened_on, status, source FROM customer`,
  customer_identity:
    'SELECT i.kind, i.value, c.customer_no FROM customer_identity i JOIN customer c USING (customer_id)',
  meter:
    'SELECT m.meter_no, c.customer_no, m.transformer_area_id, m.installed_on, m.multiplier, m.source FROM meter m JOIN customer c USING (customer_id)',
  employee:
    'SELECT employee_no, name, post, org_unit_id, hire_date, birth_year, gender, skill_level, phone, status, source FROM employee',
  bill: 'SELECT c.customer_no, b.bill_no, b.period, b.kwh, b.amount, b.issued_on, b.due_date, b.source FROM bill b JOIN customer c USING (customer_id)',
  payment:
    'SELECT c.customer_no, p.payment_no, p.bill_no, p.amount, p.channel, p.paid_at, p.due_date, p.source FROM payment p JOIN customer c USING (customer_id)',
  meter_reading_month: `SELECT c.customer_no, m.month, m.meter_no, m.kwh, m.peak_kwh, m.flat_kwh, m.valley_kwh, m.max_load_kw, m.power_factor, m.source
    FROM meter_reading_month m JOIN customer c USING (customer_id)`,
  work_order: `SELECT w.order_no, c.customer_no, w.case_id, w.order_type, w.topic_code, w.urgency, w.status, w.channel, w.created_at,
    w.sla_deadline, w.closed_at, e.employee_no, w.substantiated, w.satisfaction, w.summary, w.source
    FROM work_order w JOIN customer c USING (customer_id) LEFT JOIN employee e ON e.employee_id = w.responsible_employee_id`,
  work_order_status: `SELECT s.order_no, s.seq, s.status, s.at, e.employee_no, s.note FROM work_order_status s
    LEFT JOIN employee e USING (employee_id)`,
  call: `SELECT k.call_id, c.customer_no, e.employee_no, k.channel, k.direction, k.started_at, k.ended_at, k.caller_phone, k.case_id, k.order_no, k.source
    FROM call k LEFT JOIN customer c USING (customer_id) LEFT JOIN employee e ON e.employee_id = k.agent_employee_id`,
  call_turn: 'SELECT call_id, seq, speaker, start_ms, end_ms, text FROM call_turn',
  outage:
    'SELECT outage_id, kind, scope_level, scope_id, started_at, restored_at, planned_start, planned_end, announced_at, cause, source FROM outage',
  notice: `SELECT n.notice_id, c.customer_no, n.medium, n.topic, n.sent_at, n.status, n.content, n.outage_id, n.source
    FROM notice n JOIN customer c USING (customer_id)`,
  employee_operation: `SELECT o.operation_id, e.employee_no, o.operation, o.at, c.customer_no, o.system, o.detail, o.source
    FROM employee_operation o JOIN employee e USING (employee_id) LEFT JOIN customer c USING (customer_id)`,
  trace: `SELECT t.source, t.source_id, t.occurred_at, t.trace_type, t.channel, t.direction, c.customer_no, e.employee_no, t.case_id,
    t.topic, t.attributes, t.revision FROM trace t LEFT JOIN customer c USING (customer_id) LEFT JOIN employee e USING (employee_id)`,
  trace_key: 'SELECT source, source_id, occurred_at, content_hash FROM trace_key',
  trace_revision: `SELECT k.source, k.source_id, r.revision, r.occurred_at,
    r.content - 'trace_id' - 'recorded_at' - 'customer_id' - 'employee_id' AS content
    FROM trace_revision r JOIN trace_key k USING (trace_id)`,
  trace_quarantine:
    'SELECT source, source_id, reason, payload, resolved_trace_id IS NOT NULL AS resolved FROM trace_quarantine',
};

export async function canonicalDump(db: Db): Promise<Record<string, { rows: number; hash: string }>> {
  const dump: Record<string, { rows: number; hash: string }> = {};
  for (const [table, sql] of Object.entries(TABLES)) {
    const [result] = await db.query<{ rows: number; hash: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '')) AS hash FROM (${sql}) AS r`,
    );
    dump[table] = result as { rows: number; hash: string };
  }
  return dump;
}
