/** Sampling plans (抽检, Q2) and their sample queues. */
import type {
  QaRiskCriteria,
  QaSample,
  QaSampleReason,
  QaSamplesReply,
  QaSamplingPlan,
  QaSamplingPlanRequest,
} from '../../api/qa-contract.js';
import { type Actor, requireInScope, scopePattern } from '../../auth/actor.js';
import { writeAudit } from '../../auth/audit-log.js';
import type { Db, Queryable } from '../../db/db.js';
import { AppError, notFound } from '../../errors.js';
import { likeEscape } from './job-calls.js';
import { scopeCondition } from './qa-access.js';
import { RESULT_COLUMNS, RESULT_FROM, type ResultRow, toResultSummary } from './result-summary.js';
import { drawSample } from './sampling-draw.js';
import { SqlParams } from './sql-params.js';
import { iso, userColumns, userRef } from './user-ref.js';

const NO_RISK: QaRiskCriteria = {
  lowScoreBelow: null,
  angryCustomer: false,
  longCallMinutes: null,
  complaintCalls: false,
  newAgentMonths: null,
};

/** A sample counts as reviewed once a manual review of its call is written after the draw. */
const REVIEWED = 'EXISTS (SELECT 1 FROM qa_review v WHERE v.call_id = s.call_id AND v.created_at >= s.drawn_at)';

const PLAN_SELECT = `SELECT p.plan_id, p.name, p.org_unit_id, ou.name AS org_name, p.period_from, p.period_to, p.random_share, p.risk,
    p.max_risk_per_agent, p.created_at, p.scope_path, ${userColumns('u', 'creator')},
    (SELECT count(*) FROM qa_sample s WHERE s.plan_id = p.plan_id)::int AS samples,
    (SELECT count(*) FROM qa_sample s WHERE s.plan_id = p.plan_id AND ${REVIEWED})::int AS reviewed,
    (SELECT coalesce(json_object_agg(reason, n), '{}') FROM (SELECT reason, count(*)::int AS n FROM qa_sample s, unnest(s.reasons) AS reason
       WHERE s.plan_id = p.plan_id GROUP BY reason) x) AS by_reason
  FROM qa_sampling_plan p LEFT JOIN org_unit ou ON ou.org_unit_id = p.org_unit_id LEFT JOIN app_user u ON u.user_id = p.created_by`;

type PlanRow = {
  plan_id: number;
  name: string;
  org_unit_id: string | null;
  org_name: string | null;
  period_from: string;
  period_to: string;
  random_share: number;
  risk: QaRiskCriteria;
  max_risk_per_agent: number | null;
  created_at: Date;
  scope_path: string | null;
  samples: number;
  reviewed: number;
  by_reason: Partial<Record<QaSampleReason, number>>;
} & Record<string, unknown>;

const toPlan = (r: PlanRow): QaSamplingPlan => ({
  planId: r.plan_id,
  name: r.name,
  orgUnit: r.org_unit_id ? { id: r.org_unit_id, name: r.org_name ?? '' } : null,
  from: r.period_from,
  to: r.period_to,
  randomShare: r.random_share,
  risk: r.risk,
  maxRiskPerAgent: r.max_risk_per_agent,
  createdBy: userRef(r, 'creator'),
  createdAt: iso(r.created_at) as string,
  samples: r.samples,
  reviewed: r.reviewed,
  byReason: r.by_reason,
});

export async function listPlans(db: Queryable, actor: Actor): Promise<QaSamplingPlan[]> {
  const rows = await db.query<PlanRow>(
    `${PLAN_SELECT} WHERE ($1 = '%' OR p.scope_path LIKE $1) ORDER BY p.plan_id DESC LIMIT 200`,
    [scopePattern(actor)],
  );
  return rows.map(toPlan);
}

export async function getPlan(db: Queryable, actor: Actor, planId: number): Promise<QaSamplingPlan> {
  const rows = await db.query<PlanRow>(`${PLAN_SELECT} WHERE p.plan_id = $1`, [planId]);
  const row = rows[0];
  if (!row) throw notFound(`Sampling plan ${planId}`);
  requireInScope(actor, row.scope_path ?? '/', `Sampling plan ${planId}`);
  return toPlan(row);
}

export async function createPlan(db: Db, actor: Actor, req: QaSamplingPlanRequest): Promise<QaSamplingPlan> {
  if (req.from > req.to)
    throw new AppError('VALIDATION_FAILED', `from ${req.from} is after to ${req.to}`, 400, { field: 'from' });
  let scopePath = actor.orgPath;
  if (req.orgUnit) {
    const units = await db.query<{ path: string }>('SELECT path FROM org_unit WHERE org_unit_id = $1', [req.orgUnit]);
    if (!units[0]) throw notFound(`Org unit ${req.orgUnit}`);
    requireInScope(actor, units[0].path, `Org unit ${req.orgUnit}`);
    scopePath = units[0].path;
  }
  const risk: QaRiskCriteria = { ...NO_RISK, ...req.risk };
  const planId = await db.transaction(async (tx) => {
    const rows = await tx.query<{ plan_id: number }>(
      `INSERT INTO qa_sampling_plan (name, org_unit_id, period_from, period_to, random_share, risk, max_risk_per_agent, scope_path, created_by)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9) RETURNING plan_id`,
      [
        req.name,
        req.orgUnit ?? null,
        req.from,
        req.to,
        req.randomShare,
        JSON.stringify(risk),
        req.maxRiskPerAgent ?? null,
        scopePath,
        actor.userId,
      ],
    );
    const id = rows[0]?.plan_id as number;
    const drawn = await drawSample(tx, {
      planId: id,
      from: req.from,
      to: req.to,
      scopePattern: scopePath === null ? '%' : `${likeEscape(scopePath)}%`,
      randomShare: req.randomShare,
      risk,
      maxRiskPerAgent: req.maxRiskPerAgent ?? null,
    });
    await writeAudit(tx, actor, {
      action: 'qa_sampling_plan',
      subjectType: 'qa_sampling_plan',
      subjectId: String(id),
      detail: { drawn },
    });
    return id;
  });
  return getPlan(db, actor, planId);
}

export async function listSamples(
  db: Queryable,
  actor: Actor,
  planId: number,
  q: { reviewed?: boolean | undefined; page: number; pageSize: number },
): Promise<QaSamplesReply> {
  await getPlan(db, actor, planId);
  const p = new SqlParams();
  const where = [`s.plan_id = ${p.add(planId)}`, scopeCondition(actor, p, 'k.agent_employee_id', 'ko.path')];
  if (q.reviewed !== undefined) where.push(q.reviewed ? REVIEWED : `NOT ${REVIEWED}`);
  const from = `FROM qa_sample s JOIN call k ON k.call_id = s.call_id
    LEFT JOIN employee ke ON ke.employee_id = k.agent_employee_id LEFT JOIN org_unit ko ON ko.org_unit_id = ke.org_unit_id
    WHERE ${where.join(' AND ')}`;
  const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, p.values);
  const limit = p.add(q.pageSize);
  const offset = p.add((q.page - 1) * q.pageSize);
  const samples = await db.query<{ sample_id: number; call_id: string; reasons: QaSampleReason[]; reviewed: boolean }>(
    `SELECT s.sample_id, s.call_id, s.reasons, ${REVIEWED} AS reviewed ${from} ORDER BY s.sample_id LIMIT ${limit} OFFSET ${offset}`,
    p.values,
  );
  const results = await db.query<ResultRow>(
    `SELECT ${RESULT_COLUMNS} ${RESULT_FROM} WHERE r.call_id = ANY($1::text[]) AND r.topic_id IS NULL AND r.superseded_at IS NULL`,
    [samples.map((s) => s.call_id)],
  );
  const resultOf = new Map(results.map((r) => [r.call_id, toResultSummary(r)]));
  const items: QaSample[] = samples.map((s) => ({
    sampleId: s.sample_id,
    planId,
    callId: s.call_id,
    reasons: s.reasons,
    result: resultOf.get(s.call_id) ?? null,
    reviewed: s.reviewed,
  }));
  return { items, total: count[0]?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
