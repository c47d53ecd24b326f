/**
 * Writes inspected calls: the call's previous current result (same topic, or routine) is
 * superseded, not deleted, so appeals and reviews on it keep their context; results and hits
 * go in with one INSERT each per batch (unnest of column arrays, values as text cast in SQL,
 * the same on PGlite and node-postgres).
 */
import type { Queryable } from '../../db/db.js';
import { toText } from '../../ingest/sql.js';
import type { InspectedCall } from './inspect-calls.js';

export interface ResultTarget {
  schemeVersionId: number;
  schemeCode: string;
  schemeVersion: number;
  /** Special topic the results belong to; null for routine inspection. */
  topicId: number | null;
  jobId: number | null;
}

const column = <T>(rows: readonly T[], pick: (row: T) => unknown): (string | null)[] =>
  rows.map((r) => toText(pick(r)));

export async function writeResults(
  tx: Queryable,
  target: ResultTarget,
  calls: readonly InspectedCall[],
): Promise<void> {
  if (calls.length === 0) return;
  const callIds = calls.map((c) => c.callId);
  await tx.query(
    `UPDATE qa_result SET superseded_at = now()
     WHERE call_id = ANY($1::text[]) AND coalesce(topic_id, 0) = $2 AND superseded_at IS NULL`,
    [callIds, target.topicId ?? 0],
  );
  const inserted = await tx.query<{ result_id: number; call_id: string }>(
    `INSERT INTO qa_result (call_id, scheme_version_id, scheme_code, scheme_version, topic_id, job_id, agent_employee_id,
       call_started_at, duration_s, score, base_score, deductions, bonus, vetoed, category_scores, passed_rule_count,
       angry_customer, flagged, flag_reasons)
     SELECT u.call_id, $1, $2, $3, $4, $5, u.agent::bigint, u.started::timestamptz, u.duration::int, u.score::numeric,
       u.base::numeric, u.deductions::numeric, u.bonus::numeric, u.vetoed::boolean, u.categories::jsonb, u.passed::int,
       u.angry::boolean, jsonb_array_length(u.reasons::jsonb) > 0, ARRAY(SELECT jsonb_array_elements_text(u.reasons::jsonb))
     FROM unnest($6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
       $14::text[], $15::text[], $16::text[], $17::text[], $18::text[])
       AS u(call_id, agent, started, duration, score, base, deductions, bonus, vetoed, categories, passed, angry, reasons)
     RETURNING result_id, call_id`,
    [
      target.schemeVersionId,
      target.schemeCode,
      target.schemeVersion,
      target.topicId,
      target.jobId,
      callIds,
      column(calls, (c) => c.agentEmployeeId),
      column(calls, (c) => c.startedAt.toISOString()),
      column(calls, (c) => c.durationS),
      column(calls, (c) => c.score),
      column(calls, (c) => c.baseScore),
      column(calls, (c) => c.deductions),
      column(calls, (c) => c.bonus),
      column(calls, (c) => c.vetoed),
      column(calls, (c) => c.categoryScores),
      column(calls, (c) => c.passedRuleCount),
      column(calls, (c) => c.angryCustomer),
      column(calls, (c) => c.flagReasons),
    ],
  );
  const resultOf = new Map(inserted.map((r) => [r.call_id, r.result_id]));
  const hits = calls.flatMap((c) => c.hits.map((h) => ({ resultId: resultOf.get(c.callId), ...h })));
  if (hits.length === 0) return;
  await tx.query(
    `INSERT INTO qa_hit (result_id, rule_code, rule_name, category, points, veto, operator, expression, turn_seq,
       char_start, char_end, speaker, matched, actual, evidence)
     SELECT u.result_id::bigint, u.rule_code, u.rule_name, u.category, u.points::numeric, u.veto::boolean, u.operator,
       u.expression, u.turn_seq::int, u.char_start::int, u.char_end::int, u.speaker, u.matched, u.actual, u.evidence::jsonb
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
       $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
       AS u(result_id, rule_code, rule_name, category, points, veto, operator, expression, turn_seq, char_start,
         char_end, speaker, matched, actual, evidence)`,
    [
      column(hits, (h) => h.resultId),
      column(hits, (h) => h.ruleCode),
      column(hits, (h) => h.ruleName),
      column(hits, (h) => h.category),
      column(hits, (h) => h.points),
      column(hits, (h) => h.veto),
      column(hits, (h) => h.operator),
      column(hits, (h) => h.expression),
      column(hits, (h) => h.turnSeq),
      column(hits, (h) => h.charStart),
      column(hits, (h) => h.charEnd),
      column(hits, (h) => h.speaker),
      column(hits, (h) => h.matched),
      column(hits, (h) => h.actual),
      column(hits, (h) => h.evidence),
    ],
  );
}
