/**
 * The shared SELECT of result summaries. The final score is the latest manual review score
 * or reversed-appeal score of the result, else the machine score.
 */
import type { QaFlagReason, QaResultSummary } from '../../api/qa-contract.js';
import { iso } from './user-ref.js';

/**
 * A scalar subquery rather than a lateral join, so a count or a filter that does not need the
 * final score never computes it.
 */
export const FINAL_SCORE = `coalesce((
    SELECT x.score FROM (
      SELECT v.score, v.created_at AS at FROM qa_review v WHERE v.result_id = r.result_id
      UNION ALL
      SELECT d.score_after, d.decided_at FROM qa_appeal a JOIN qa_appeal_decision d ON d.appeal_id = a.appeal_id
      WHERE a.result_id = r.result_id AND d.score_after IS NOT NULL
    ) x ORDER BY x.at DESC LIMIT 1), r.score)`;

export const RESULT_COLUMNS = `r.result_id, r.call_id, c.channel, c.direction, r.call_started_at, r.duration_s,
    e.employee_no, e.name AS employee_name, o.org_unit_id, o.name AS org_name, r.scheme_code, r.scheme_version,
    r.topic_id, r.score, ${FINAL_SCORE} AS final_score, r.deductions, r.bonus, r.vetoed, r.angry_customer, r.flagged,
    r.flag_reasons, r.inspected_at,
    (SELECT count(*) FROM qa_hit h WHERE h.result_id = r.result_id)::int AS hit_count,
    ARRAY(SELECT h.rule_code FROM qa_hit h WHERE h.result_id = r.result_id AND h.points < 0 ORDER BY h.points, h.hit_id) AS deduction_rules,
    EXISTS (SELECT 1 FROM qa_review v WHERE v.result_id = r.result_id) AS reviewed,
    (SELECT count(*) FROM qa_appeal a WHERE a.result_id = r.result_id
       AND NOT EXISTS (SELECT 1 FROM qa_appeal_decision d WHERE d.appeal_id = a.appeal_id))::int AS pending_appeals`;

/** FROM qa_result r with its agent and the agent's unit: enough to filter and count. */
export const RESULT_SCOPE_FROM = `FROM qa_result r
  LEFT JOIN employee e ON e.employee_id = r.agent_employee_id LEFT JOIN org_unit o ON o.org_unit_id = e.org_unit_id`;

/** … and the call, for the channel and direction of each row shown. */
export const RESULT_FROM = `${RESULT_SCOPE_FROM} JOIN call c ON c.call_id = r.call_id`;

export interface ResultRow {
  result_id: number;
  call_id: string;
  channel: string;
  direction: 'inbound' | 'outbound';
  call_started_at: Date;
  duration_s: number;
  employee_no: string | null;
  employee_name: string | null;
  org_unit_id: string | null;
  org_name: string | null;
  scheme_code: string;
  scheme_version: number;
  topic_id: number | null;
  score: number;
  final_score: number;
  deductions: number;
  bonus: number;
  vetoed: boolean;
  angry_customer: boolean;
  flagged: boolean;
  flag_reasons: QaFlagReason[];
  inspected_at: Date;
  hit_count: number;
  deduction_rules: string[];
  reviewed: boolean;
  pending_appeals: number;
}

export function toResultSummary(r: ResultRow): QaResultSummary {
  return {
    resultId: r.result_id,
    callId: r.call_id,
    channel: r.channel,
    direction: r.direction,
    startedAt: iso(r.call_started_at) as string,
    durationS: r.duration_s,
    agent: r.employee_no ? { employeeNo: r.employee_no, name: r.employee_name ?? '' } : null,
    orgUnit: r.org_unit_id ? { id: r.org_unit_id, name: r.org_name ?? '' } : null,
    scheme: { code: r.scheme_code, version: r.scheme_version },
    topicId: r.topic_id,
    machineScore: r.score,
    finalScore: r.final_score,
    deductions: r.deductions,
    bonus: r.bonus,
    vetoed: r.vetoed,
    hitCount: r.hit_count,
    deductionRules: r.deduction_rules,
    angryCustomer: r.angry_customer,
    flagged: r.flagged,
    flagReasons: r.flag_reasons,
    reviewed: r.reviewed,
    pendingAppeals: r.pending_appeals,
    inspectedAt: iso(r.inspected_at) as string,
  };
}
