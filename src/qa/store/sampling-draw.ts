/**
 * Draws a sampling plan's queue in one statement: every current routine result of the period
 * and team is a candidate; a random share is picked by a hash of plan and call (reproducible),
 * and every call meeting a risk criterion is picked too (at most `maxRiskPerAgent` per agent,
 * lowest scores first), each with the reasons it was picked.
 */
import type { QaRiskCriteria } from '../../api/qa-contract.js';
import type { Queryable } from '../../db/db.js';
import { inLocalDays, LOCAL_ZONE } from './period.js';

export interface DrawInput {
  planId: number;
  from: string;
  to: string;
  /** LIKE pattern of the agents' org paths ('%' = all). */
  scopePattern: string;
  randomShare: number;
  risk: QaRiskCriteria;
  maxRiskPerAgent: number | null;
}

export async function drawSample(tx: Queryable, d: DrawInput): Promise<number> {
  const rows = await tx.query<{ sample_id: number }>(
    `WITH candidates AS (
       SELECT r.call_id, r.agent_employee_id, r.score,
         row_number() OVER (ORDER BY md5($1::text || ':' || r.call_id)) AS random_rank,
         count(*) OVER () AS total,
         array_remove(ARRAY[
           CASE WHEN $5::numeric IS NOT NULL AND r.score < $5::numeric THEN 'low_score' END,
           CASE WHEN $6::boolean AND r.angry_customer THEN 'angry_customer' END,
           CASE WHEN $7::int IS NOT NULL AND r.duration_s >= $7::int * 60 THEN 'long_call' END,
           CASE WHEN $8::boolean AND EXISTS (SELECT 1 FROM call k JOIN work_order w ON w.order_no = k.order_no OR w.case_id = k.case_id
                                              WHERE k.call_id = r.call_id AND w.order_type = 'complaint') THEN 'complaint' END,
           CASE WHEN $9::int IS NOT NULL AND e.hire_date IS NOT NULL
                 AND e.hire_date > (r.call_started_at AT TIME ZONE '${LOCAL_ZONE}')::date - make_interval(months => $9::int) THEN 'new_agent' END
         ], NULL) AS risk
       FROM qa_result r LEFT JOIN employee e ON e.employee_id = r.agent_employee_id
       LEFT JOIN org_unit o ON o.org_unit_id = e.org_unit_id
       WHERE r.superseded_at IS NULL AND r.topic_id IS NULL AND ${inLocalDays('r.call_started_at', '$2', '$3')}
         AND ($4 = '%' OR o.path LIKE $4)
     ), ranked AS (
       SELECT c.*, random_rank <= ceil($10::numeric * total) AS random_pick,
         row_number() OVER (PARTITION BY c.agent_employee_id, cardinality(c.risk) > 0 ORDER BY c.score, c.call_id) AS risk_rank
       FROM candidates c
     )
     INSERT INTO qa_sample (plan_id, call_id, reasons)
     SELECT $1::bigint, call_id,
       CASE WHEN random_pick THEN ARRAY['random'] ELSE '{}'::text[] END
         || CASE WHEN $11::int IS NULL OR risk_rank <= $11::int THEN risk ELSE '{}'::text[] END
     FROM ranked
     WHERE random_pick OR (cardinality(risk) > 0 AND ($11::int IS NULL OR risk_rank <= $11::int))
     RETURNING sample_id`,
    [
      d.planId,
      d.from,
      d.to,
      d.scopePattern,
      d.risk.lowScoreBelow,
      d.risk.angryCustomer,
      d.risk.longCallMinutes,
      d.risk.complaintCalls,
      d.risk.newAgentMonths,
      d.randomShare,
      d.maxRiskPerAgent,
    ],
  );
  return rows.length;
}
