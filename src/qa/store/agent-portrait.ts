/**
 * The agent's QA portrait (E2, Q4): score trend by month beside the team (the agent's org
 * unit), strengths and weaknesses by category (points lost per call against the team), the
 * most frequent deductions (reversed appeals excluded) and training recommendations.
 */
import type { QaAgentPortrait } from '../../api/qa-contract.js';
import { type Actor, requireInScope } from '../../auth/actor.js';
import type { Queryable } from '../../db/db.js';
import { AppError, notFound } from '../../errors.js';
import { inLocalDays, localDate, localMonth } from './period.js';
import { seesOwnCallsOnly } from './qa-access.js';
import { FINAL_SCORE } from './result-summary.js';
import { CATEGORY_TRAINING, RULE_TRAINING } from './training.js';

/** A category is a weakness when the agent loses ≥ 25 % more per call than the team (and ≥ 0.2 points more). */
const MARGIN = 0.25;
const MIN_GAP = 0.2;
const round2 = (n: number) => Math.round(n * 100) / 100;

export function verdict(agent: number, team: number): 'strength' | 'weakness' | 'par' {
  if (agent > team * (1 + MARGIN) && agent - team >= MIN_GAP) return 'weakness';
  if (agent < team * (1 - MARGIN) && team - agent >= MIN_GAP) return 'strength';
  return 'par';
}

export async function agentPortrait(
  db: Queryable,
  actor: Actor,
  employeeNo: string,
  period: { from?: string | undefined; to?: string | undefined },
): Promise<QaAgentPortrait> {
  const employees = await db.query<{
    employee_id: number;
    employee_no: string;
    name: string;
    hire_date: string | null;
    org_unit_id: string;
    org_name: string;
    path: string;
  }>(
    `SELECT e.employee_id, e.employee_no, e.name, e.hire_date, e.org_unit_id, o.name AS org_name, o.path
     FROM employee e JOIN org_unit o ON o.org_unit_id = e.org_unit_id WHERE e.employee_no = $1`,
    [employeeNo],
  );
  const employee = employees[0];
  if (!employee) throw notFound(`Employee ${employeeNo}`);
  requireInScope(actor, employee.path, `Employee ${employeeNo}`);
  if (seesOwnCallsOnly(actor) && actor.employeeId !== employee.employee_id) {
    throw new AppError('AUTH_OUT_OF_SCOPE', 'Agents see their own QA portrait only', 403, { scope: 'own_calls' });
  }
  const to = period.to ?? localDate(new Date());
  const from = period.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4, 8)}01`;
  // $1 agent, $2 org unit, $3 from, $4 to; `mine` tells the agent's rows from the team's.
  const scopeFrom = (join = '') => `FROM qa_result r JOIN employee e ON e.employee_id = r.agent_employee_id ${join}
    WHERE r.superseded_at IS NULL AND r.topic_id IS NULL AND e.org_unit_id = $2 AND ${inLocalDays('r.call_started_at', '$3', '$4')}`;
  const base = scopeFrom();
  const params = [employee.employee_id, employee.org_unit_id, from, to];
  const [months, categories, rules] = await Promise.all([
    db.query<{ month: string; calls: number; mean: number | null; team_calls: number; team_mean: number }>(
      `SELECT ${localMonth('r.call_started_at')} AS month, count(*) FILTER (WHERE r.agent_employee_id = $1)::int AS calls,
         count(*)::int AS team_calls,
         round(avg(${FINAL_SCORE}) FILTER (WHERE r.agent_employee_id = $1), 2) AS mean, round(avg(${FINAL_SCORE}), 2) AS team_mean
       ${base} GROUP BY 1 ORDER BY 1`,
      params,
    ),
    db.query<{
      category: string;
      name: string;
      agent_calls: number;
      agent_deducted: number | null;
      agent_hit: number;
      team_deducted: number;
    }>(
      `SELECT cs->>'category' AS category, max(cs->>'name') AS name,
         count(*) FILTER (WHERE r.agent_employee_id = $1)::int AS agent_calls,
         avg((cs->>'deducted')::numeric) FILTER (WHERE r.agent_employee_id = $1) AS agent_deducted,
         count(*) FILTER (WHERE r.agent_employee_id = $1 AND (cs->>'deducted')::numeric > 0)::int AS agent_hit,
         avg((cs->>'deducted')::numeric) AS team_deducted
       ${scopeFrom('CROSS JOIN LATERAL jsonb_array_elements(r.category_scores) AS cs')} GROUP BY 1 ORDER BY 1`,
      params,
    ),
    db.query<{ rule_code: string; rule_name: string; category: string; hits: number; results: number; points: number }>(
      `SELECT h.rule_code, max(h.rule_name) AS rule_name, max(h.category) AS category, count(*)::int AS hits,
         count(DISTINCT h.result_id)::int AS results, sum(h.points) AS points
       ${scopeFrom('JOIN qa_hit h ON h.result_id = r.result_id')} AND r.agent_employee_id = $1 AND h.points < 0
         AND NOT EXISTS (SELECT 1 FROM qa_appeal a JOIN qa_appeal_decision d ON d.appeal_id = a.appeal_id
                         WHERE a.hit_id = h.hit_id AND d.decision = 'reversed')
       GROUP BY h.rule_code ORDER BY count(*) DESC, h.rule_code LIMIT 5`,
      params,
    ),
  ]);
  const calls = months.reduce((s, m) => s + m.calls, 0);
  const weighted = months.reduce((s, m) => s + (m.mean ?? 0) * m.calls, 0);
  const teamCalls = months.reduce((s, m) => s + m.team_calls, 0);
  const teamWeighted = months.reduce((s, m) => s + m.team_mean * m.team_calls, 0);
  const categoryRows = categories.map((c) => {
    const mine = round2(c.agent_deducted ?? 0);
    const team = round2(c.team_deducted);
    return {
      category: c.category,
      name: c.name,
      deductionPerCall: mine,
      teamDeductionPerCall: team,
      hitRate: c.agent_calls === 0 ? 0 : round2(c.agent_hit / c.agent_calls),
      verdict: c.agent_calls === 0 ? ('par' as const) : verdict(mine, team),
    };
  });
  const topDeductions = rules.map((r) => ({
    ruleCode: r.rule_code,
    ruleName: r.rule_name,
    category: r.category,
    hits: r.hits,
    callShare: calls === 0 ? 0 : round2(r.results / calls),
    points: r.points,
  }));
  const weaknesses = categoryRows.filter((c) => c.verdict === 'weakness');
  const recommendations: QaAgentPortrait['recommendations'] = [];
  for (const c of weaknesses) {
    const advice = CATEGORY_TRAINING[c.category];
    if (advice)
      recommendations.push({
        category: c.category,
        ruleCode: null,
        ...advice,
        why: `${c.name}: ${c.deductionPerCall} points lost per call, team ${c.teamDeductionPerCall}`,
      });
  }
  for (const r of topDeductions) {
    const advice = RULE_TRAINING[r.ruleCode];
    if (advice && r.callShare >= 0.05) {
      recommendations.push({
        category: r.category,
        ruleCode: r.ruleCode,
        ...advice,
        why: `${r.ruleName}: ${r.hits} deductions in ${Math.round(r.callShare * 100)}% of calls`,
      });
    }
  }
  return {
    agent: {
      employeeNo: employee.employee_no,
      name: employee.name,
      orgUnit: { id: employee.org_unit_id, name: employee.org_name },
      hireDate: employee.hire_date,
    },
    from,
    to,
    calls,
    meanScore: calls === 0 ? null : round2(weighted / calls),
    teamMeanScore: teamCalls === 0 ? null : round2(teamWeighted / teamCalls),
    trend: months
      .filter((m) => m.calls > 0)
      .map((m) => ({ month: m.month, calls: m.calls, meanScore: m.mean ?? 0, teamMeanScore: m.team_mean })),
    categories: categoryRows,
    strengths: categoryRows.filter((c) => c.verdict === 'strength').map((c) => c.category),
    weaknesses: weaknesses.map((c) => c.category),
    topDeductions,
    recommendations,
  };
}
