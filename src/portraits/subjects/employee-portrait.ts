import { toWorkOrderSummary, WORK_ORDER_SELECT, type WorkOrderRow } from '../../customers/work-orders.js';
import type { Db } from '../../db/db.js';
import type { EmployeeRef } from '../../employees/employees.js';
import { notFound } from '../../errors.js';
import { ASPECT_SCORES } from '../definitions/employee-scores.js';
import { AGENT_SOURCES } from '../definitions/employee-sources.js';
import { catalogFor } from '../definitions/index.js';
import type { PortraitEngine } from '../engine/portrait-engine.js';
import type { Names } from '../engine/types.js';
import {
  featureView,
  firedRules,
  gradeViews,
  heldTags,
  loadSubjectPortrait,
  scoreViews,
  strategyViews,
  tagView,
  validity,
} from './portrait-shape.js';
import type { EmployeeAspect, EmployeePortraitReply } from './subject-portrait-view.js';

/** The five aspects of seed 000 in its order. */
export const EMPLOYEE_ASPECTS: Array<{ code: EmployeeAspect; name: Names }> = [
  { code: 'personal', name: { zh: '个人信息', en: 'Personal info' } },
  { code: 'business', name: { zh: '业务能力', en: 'Business capability' } },
  { code: 'service', name: { zh: '服务能力', en: 'Service capability' } },
  { code: 'complaint', name: { zh: '投诉记录', en: 'Complaint record' } },
  { code: 'realtime', name: { zh: '实时状态', en: 'Real-time status' } },
];

const AGENT_POST = 'agent_95598';

/**
 * The employee portrait (E1, E3): five aspects with their radar values and statistic points,
 * the star rating with the rows behind it, tags and strategies, the last operation (live)
 * and the complaint history. Non-agents do not get the call and QA points (always zero).
 */
export async function employeePortrait(
  db: Db,
  engine: PortraitEngine,
  employee: EmployeeRef,
  asOf?: Date,
): Promise<EmployeePortraitReply> {
  const key = String(employee.employeeId);
  const stored = await loadSubjectPortrait(db, engine, 'employee', key, `employee ${employee.employeeNo}`, asOf);
  const at = asOf ?? new Date();
  const [info, lastOperation, months, recent] = await Promise.all([
    db.query<{ employee_no: string; name: string; post: string; org_unit_id: string; org_name: string }>(
      `SELECT e.employee_no, e.name, e.post, e.org_unit_id, o.name AS org_name
       FROM employee e JOIN org_unit o ON o.org_unit_id = e.org_unit_id WHERE e.employee_id = $1`,
      [employee.employeeId],
    ),
    db.query<{ operation: string; system: string | null; at: Date }>(
      `SELECT operation, system, at FROM employee_operation WHERE employee_id = $1 AND at <= $2
       ORDER BY at DESC LIMIT 1`,
      [employee.employeeId, at],
    ),
    complaintMonths(db, employee.employeeId, at),
    db.query<WorkOrderRow>(
      `${WORK_ORDER_SELECT} WHERE w.responsible_employee_id = $1 AND w.order_type = 'complaint' AND w.created_at <= $2
       ORDER BY w.created_at DESC, w.order_no DESC LIMIT 10`,
      [employee.employeeId, at],
    ),
  ]);
  const person = info[0];
  if (!person) throw notFound(`Employee ${employee.employeeNo}`);
  const agent = person.post === AGENT_POST;
  const catalog = catalogFor('employee', engine.catalog);
  const tags = heldTags(catalog, stored);
  const starGrade = stored.grades.star_rating ?? null;
  const starBands = catalog.grades.find((g) => g.code === 'star_rating')?.bands ?? [];
  const op = lastOperation[0];
  return {
    employee: {
      employeeNo: person.employee_no,
      name: person.name,
      post: person.post,
      orgUnit: { id: person.org_unit_id, name: person.org_name },
      agent,
    },
    ...validity(stored),
    stars: {
      stars: starGrade === null ? null : Number(starGrade),
      score: stored.scores.star_points ?? null,
      gradeName: starBands.find((b) => b.grade === starGrade)?.name ?? null,
      reasons: firedRules(catalog, 'star_points', stored.features),
    },
    aspects: EMPLOYEE_ASPECTS.map((a) => ({
      code: a.code,
      name: a.name,
      score: stored.scores[ASPECT_SCORES[a.code]] ?? null,
      features: catalog.features
        .filter((f) => f.aspect === a.code && (agent || !AGENT_SOURCES.has(f.source)))
        .map((f) => featureView(f, stored)),
      tags: tags.filter((t) => t.dimension === a.code).map(tagView),
    })),
    scores: scoreViews(catalog, stored),
    grades: gradeViews(catalog, stored),
    strategies: strategyViews(catalog, stored.tags),
    realtime: {
      lastOperation: op ? { operation: op.operation, system: op.system, at: new Date(op.at).toISOString() } : null,
    },
    complaintHistory: { months, recent: recent.map(toWorkOrderSummary) },
  };
}

/** Complaints against the employee per calendar month (Asia/Shanghai), the 12 months up to `at`, oldest first. */
async function complaintMonths(db: Db, employeeId: number, at: Date) {
  const rows = await db.query<{ month: string; complaints: number; substantiated: number }>(
    `SELECT to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::int AS complaints,
       count(*) FILTER (WHERE substantiated)::int AS substantiated
     FROM work_order
     WHERE responsible_employee_id = $1 AND order_type = 'complaint' AND created_at <= $2
       AND created_at > $2::timestamptz - interval '13 months'
     GROUP BY 1`,
    [employeeId, at],
  );
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const local = new Date(at.getTime() + 8 * 3_600_000);
  const months: Array<{ month: string; complaints: number; substantiated: number }> = [];
  for (let i = 11; i >= 0; i--) {
    const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - i, 1));
    const month = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    months.push({
      month,
      complaints: byMonth.get(month)?.complaints ?? 0,
      substantiated: byMonth.get(month)?.substantiated ?? 0,
    });
  }
  return months;
}
