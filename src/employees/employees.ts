import { type Actor, requireInScope, scopePattern } from '../auth/actor.js';
import type { Queryable } from '../db/db.js';
import { notFound } from '../errors.js';
import { maskPhone } from '../customers/masking.js';
import { orgUnitChain } from '../customers/org-path.js';
import { toWorkOrderSummary, WORK_ORDER_SELECT, type WorkOrderRow } from '../customers/work-orders.js';

export interface EmployeeSearchQuery {
  q?: string | undefined;
  post?: string | undefined;
  page: number;
  pageSize: number;
}

/** Employees inside the caller's scope; q matches employee number or name by prefix. */
export async function searchEmployees(db: Queryable, actor: Actor, query: EmployeeSearchQuery) {
  const params: unknown[] = [scopePattern(actor)];
  const where = [`($1 = '%' OR o.path LIKE $1)`];
  const q = query.q?.trim();
  if (q) {
    params.push(`${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(e.employee_no LIKE $${params.length} OR e.name LIKE $${params.length})`);
  }
  if (query.post) {
    params.push(query.post);
    where.push(`e.post = $${params.length}`);
  }
  const from = `FROM employee e JOIN org_unit o ON o.org_unit_id = e.org_unit_id WHERE ${where.join(' AND ')}`;
  const rows = await db.query<{ employee_no: string; name: string; post: string; org_unit_id: string; org_name: string; status: string; skill_level: number | null }>(
    `SELECT e.employee_no, e.name, e.post, e.org_unit_id, o.name AS org_name, e.status, e.skill_level ${from}
     ORDER BY e.employee_no LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, query.pageSize, (query.page - 1) * query.pageSize],
  );
  const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params);
  return {
    items: rows.map((r) => ({
      employeeNo: r.employee_no,
      name: r.name,
      post: r.post,
      orgUnit: { id: r.org_unit_id, name: r.org_name },
      status: r.status,
      skillLevel: r.skill_level,
    })),
    total: count[0]?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export interface EmployeeRef {
  employeeId: number;
  employeeNo: string;
}

export async function resolveEmployeeFor(db: Queryable, actor: Actor, employeeNo: string): Promise<EmployeeRef & { path: string }> {
  const rows = await db.query<{ employee_id: number; employee_no: string; path: string }>(
    `SELECT e.employee_id, e.employee_no, o.path FROM employee e JOIN org_unit o ON o.org_unit_id = e.org_unit_id
     WHERE e.employee_no = $1`,
    [employeeNo],
  );
  const row = rows[0];
  if (!row) throw notFound(`Employee ${employeeNo}`);
  requireInScope(actor, row.path, `Employee ${employeeNo}`);
  return { employeeId: row.employee_id, employeeNo: row.employee_no, path: row.path };
}

/** Profile, work-order counts by type, complaints against the employee and satisfaction. */
export async function employeeProfile(db: Queryable, employee: EmployeeRef & { path: string }) {
  const [profiles, orgUnits, byType, recent] = await Promise.all([
    db.query<{ employee_no: string; name: string; post: string; hire_date: string | null; birth_year: number | null; gender: string | null; skill_level: number | null; phone: string | null; status: string }>(
      `SELECT employee_no, name, post, hire_date, birth_year, gender, skill_level, phone, status FROM employee WHERE employee_id = $1`,
      [employee.employeeId],
    ),
    orgUnitChain(db, employee.path),
    db.query<{ order_type: string; n: number; substantiated: number; rated: number; satisfaction_avg: number | null }>(
      `SELECT order_type, count(*)::int AS n, count(*) FILTER (WHERE substantiated)::int AS substantiated,
         count(satisfaction)::int AS rated, round(avg(satisfaction), 2) AS satisfaction_avg
       FROM work_order WHERE responsible_employee_id = $1 GROUP BY order_type ORDER BY order_type`,
      [employee.employeeId],
    ),
    db.query<WorkOrderRow>(
      `${WORK_ORDER_SELECT} WHERE w.responsible_employee_id = $1 ORDER BY w.created_at DESC, w.order_no DESC LIMIT 10`,
      [employee.employeeId],
    ),
  ]);
  const p = profiles[0];
  if (!p) throw notFound(`Employee ${employee.employeeNo}`);
  const total = byType.reduce((sum, t) => sum + t.n, 0);
  const rated = byType.reduce((sum, t) => sum + t.rated, 0);
  const satisfactionSum = byType.reduce((sum, t) => sum + (t.satisfaction_avg ?? 0) * t.rated, 0);
  const complaints = byType.find((t) => t.order_type === 'complaint');
  return {
    employee: {
      employeeNo: p.employee_no,
      name: p.name,
      post: p.post,
      hireDate: p.hire_date,
      birthYear: p.birth_year,
      gender: p.gender,
      skillLevel: p.skill_level,
      phone: maskPhone(p.phone),
      status: p.status,
      orgUnits,
    },
    workOrders: {
      total,
      byType: byType.map((t) => ({ orderType: t.order_type, count: t.n })),
      recent: recent.map(toWorkOrderSummary),
    },
    complaints: { total: complaints?.n ?? 0, substantiated: complaints?.substantiated ?? 0 },
    satisfaction: { rated, average: rated === 0 ? null : Math.round((satisfactionSum / rated) * 100) / 100 },
  };
}
