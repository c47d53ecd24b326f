import type { Queryable } from '../db/db.js';

export interface WorkOrderSummary {
  orderNo: string;
  caseId: string;
  orderType: string;
  topic: string;
  urgency: string;
  status: string;
  channel: string;
  createdAt: string;
  slaDeadline: string | null;
  closedAt: string | null;
  responsibleEmployee: { employeeNo: string; name: string } | null;
  substantiated: boolean | null;
  satisfaction: number | null;
  summary: string | null;
}

export interface WorkOrderRow {
  order_no: string;
  case_id: string;
  order_type: string;
  topic_code: string;
  urgency: string;
  status: string;
  channel: string;
  created_at: Date;
  sla_deadline: Date | null;
  closed_at: Date | null;
  employee_no: string | null;
  employee_name: string | null;
  substantiated: boolean | null;
  satisfaction: number | null;
  summary: string | null;
}

export const WORK_ORDER_SELECT = `SELECT w.order_no, w.case_id, w.order_type, w.topic_code, w.urgency, w.status, w.channel,
    w.created_at, w.sla_deadline, w.closed_at, e.employee_no, e.name AS employee_name, w.substantiated,
    w.satisfaction, w.summary
  FROM work_order w LEFT JOIN employee e ON e.employee_id = w.responsible_employee_id`;

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());

export function toWorkOrderSummary(r: WorkOrderRow): WorkOrderSummary {
  return {
    orderNo: r.order_no,
    caseId: r.case_id,
    orderType: r.order_type,
    topic: r.topic_code,
    urgency: r.urgency,
    status: r.status,
    channel: r.channel,
    createdAt: new Date(r.created_at).toISOString(),
    slaDeadline: iso(r.sla_deadline),
    closedAt: iso(r.closed_at),
    responsibleEmployee: r.employee_no ? { employeeNo: r.employee_no, name: r.employee_name ?? '' } : null,
    substantiated: r.substantiated,
    satisfaction: r.satisfaction,
    summary: r.summary,
  };
}

/** A customer's work orders, newest first. */
export async function listCustomerWorkOrders(db: Queryable, customerId: number, limit = 500): Promise<WorkOrderSummary[]> {
  const rows = await db.query<WorkOrderRow>(
    `${WORK_ORDER_SELECT} WHERE w.customer_id = $1 ORDER BY w.created_at DESC, w.order_no DESC LIMIT $2`,
    [customerId, limit],
  );
  return rows.map(toWorkOrderSummary);
}
