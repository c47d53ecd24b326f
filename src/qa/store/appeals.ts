/**
 * Re-check (复核, Q2): an agent appeals one deduction of a current result of their own call
 * with a reason; a second inspector — not one who reviewed the call — upholds or reverses it
 * once. Appeal and decision are rows never changed, so the history stays as it happened.
 */
import type { QaAppeal, QaAppealStatus, QaAppealsReply } from '../../api/qa-contract.js';
import type { Actor } from '../../auth/actor.js';
import type { Queryable } from '../../db/db.js';
import { notFound } from '../../errors.js';
import { scopeCondition } from './qa-access.js';
import { SqlParams } from './sql-params.js';
import { iso, userColumns, userRef } from './user-ref.js';

export const APPEAL_SELECT = `SELECT a.appeal_id, a.result_id, a.hit_id, a.call_id, h.rule_code, h.rule_name, h.points,
    e.employee_no, e.name AS employee_name, a.reason, a.created_at, d.decision, d.note, d.decided_at, d.score_after,
    ${userColumns('au', 'appellant')}, ${userColumns('du', 'decider')}
  FROM qa_appeal a JOIN qa_hit h ON h.hit_id = a.hit_id JOIN app_user au ON au.user_id = a.appellant
  LEFT JOIN employee e ON e.employee_id = a.agent_employee_id LEFT JOIN org_unit o ON o.org_unit_id = e.org_unit_id
  LEFT JOIN qa_appeal_decision d ON d.appeal_id = a.appeal_id LEFT JOIN app_user du ON du.user_id = d.decided_by`;

type AppealRow = {
  appeal_id: number;
  result_id: number;
  hit_id: number;
  call_id: string;
  rule_code: string;
  rule_name: string;
  points: number;
  employee_no: string | null;
  employee_name: string | null;
  reason: string;
  created_at: Date;
  decision: 'upheld' | 'reversed' | null;
  note: string | null;
  decided_at: Date | null;
  score_after: number | null;
} & Record<string, unknown>;

export function toAppeal(r: AppealRow): QaAppeal {
  const appellant = userRef(r, 'appellant') ?? { username: '', displayName: '' };
  const decidedBy = userRef(r, 'decider');
  const history: QaAppeal['history'] = [
    { kind: 'filed', by: appellant, note: r.reason, at: iso(r.created_at) as string, scoreAfter: null },
  ];
  if (r.decision && decidedBy) {
    history.push({
      kind: r.decision,
      by: decidedBy,
      note: r.note ?? '',
      at: iso(r.decided_at) as string,
      scoreAfter: r.score_after,
    });
  }
  return {
    appealId: r.appeal_id,
    resultId: r.result_id,
    hitId: r.hit_id,
    callId: r.call_id,
    ruleCode: r.rule_code,
    ruleName: r.rule_name,
    points: r.points,
    agent: r.employee_no ? { employeeNo: r.employee_no, name: r.employee_name ?? '' } : null,
    appellant,
    reason: r.reason,
    status: r.decision ?? 'pending',
    createdAt: iso(r.created_at) as string,
    decidedAt: iso(r.decided_at),
    decidedBy,
    history,
  };
}

export async function appealsOfCall(db: Queryable, callId: string): Promise<QaAppeal[]> {
  const rows = await db.query<AppealRow>(`${APPEAL_SELECT} WHERE a.call_id = $1 ORDER BY a.created_at, a.appeal_id`, [
    callId,
  ]);
  return rows.map(toAppeal);
}

export async function getAppealRow(db: Queryable, appealId: number): Promise<QaAppeal> {
  const rows = await db.query<AppealRow>(`${APPEAL_SELECT} WHERE a.appeal_id = $1`, [appealId]);
  if (!rows[0]) throw notFound(`Appeal ${appealId}`);
  return toAppeal(rows[0]);
}

export interface AppealsFilter {
  status?: QaAppealStatus | undefined;
  agent?: string | undefined;
  page: number;
  pageSize: number;
}

/** Appeals in scope (agents: their own), pending first, oldest first within a status. */
export async function listAppeals(db: Queryable, actor: Actor, f: AppealsFilter): Promise<QaAppealsReply> {
  const p = new SqlParams();
  const where = [scopeCondition(actor, p, 'a.agent_employee_id', 'o.path')];
  if (f.status === 'pending') where.push('d.decision IS NULL');
  else if (f.status) where.push(`d.decision = ${p.add(f.status)}`);
  if (f.agent) where.push(`e.employee_no = ${p.add(f.agent)}`);
  const whereSql = where.join(' AND ');
  const count = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM qa_appeal a LEFT JOIN employee e ON e.employee_id = a.agent_employee_id
     LEFT JOIN org_unit o ON o.org_unit_id = e.org_unit_id LEFT JOIN qa_appeal_decision d ON d.appeal_id = a.appeal_id
     WHERE ${whereSql}`,
    p.values,
  );
  const limit = p.add(f.pageSize);
  const offset = p.add((f.page - 1) * f.pageSize);
  const rows = await db.query<AppealRow>(
    `${APPEAL_SELECT} WHERE ${whereSql} ORDER BY (d.decision IS NULL) DESC, a.created_at, a.appeal_id LIMIT ${limit} OFFSET ${offset}`,
    p.values,
  );
  return { items: rows.map(toAppeal), total: count[0]?.n ?? 0, page: f.page, pageSize: f.pageSize };
}
