/**
 * One call in the QA workbench: the masked transcript, the result shown with its hits (spans
 * carried over to the masked text so the viewer highlights the right words), every other
 * result, reviews, appeals and case-library entries.
 */
import type { QaCallDetail, QaCategoryScore, QaEvidence, QaHit } from '../../api/qa-contract.js';
import { type Actor, can } from '../../auth/actor.js';
import { maskCustomerPii } from '../../customers/masking.js';
import type { Queryable } from '../../db/db.js';
import { notFound } from '../../errors.js';
import { appealsOfCall } from './appeals.js';
import { type MaskedText, maskTranscriptText, maskWithOffsets, type PiiOwner } from './masked-spans.js';
import { type QaCallRow, resolveCallFor } from './qa-access.js';
import { resultsOfCall } from './results-query.js';
import { reviewsOfCall } from './reviews.js';
import { iso } from './user-ref.js';

type HitRow = {
  hit_id: number;
  rule_code: string;
  rule_name: string;
  category: string;
  points: number;
  veto: boolean;
  operator: string;
  expression: string;
  turn_seq: number | null;
  char_start: number | null;
  char_end: number | null;
  speaker: QaEvidence['speaker'];
  matched: string | null;
  actual: string | null;
  evidence: QaEvidence[];
  appeal_id: number | null;
  decision: 'upheld' | 'reversed' | null;
};

/**
 * Moves an evidence span onto the masked turn. The matched words are read back from the masked
 * turn, so a match inside a masked number shows its stars, never the digits.
 */
export function maskEvidence(
  e: QaEvidence,
  turns: ReadonlyMap<number, MaskedText>,
  owners: readonly PiiOwner[],
): QaEvidence {
  const turn = e.turnSeq === null ? undefined : turns.get(e.turnSeq);
  const charStart = e.charStart === null || !turn ? e.charStart : turn.offset(e.charStart);
  const charEnd = e.charEnd === null || !turn ? e.charEnd : turn.offset(e.charEnd);
  const matched =
    e.matched === null
      ? null
      : turn && charStart !== null && charEnd !== null
        ? turn.text.slice(charStart, charEnd)
        : maskTranscriptText(e.matched, owners);
  return { ...e, charStart, charEnd, matched, actual: e.actual === null ? null : maskTranscriptText(e.actual, owners) };
}

export async function callDetail(
  db: Queryable,
  actor: Actor,
  callId: string,
  resultId?: number,
): Promise<QaCallDetail> {
  const call: QaCallRow = await resolveCallFor(db, actor, callId);
  const owners: PiiOwner[] =
    call.customer_name && call.customer_type
      ? [{ name: call.customer_name, customer_type: call.customer_type, address: call.customer_address }]
      : [];
  const [turnRows, results, reviews, appeals, library] = await Promise.all([
    db.query<{ seq: number; speaker: QaEvidence['speaker'] & string; start_ms: number; end_ms: number; text: string }>(
      'SELECT seq, speaker, start_ms, end_ms, text FROM call_turn WHERE call_id = $1 ORDER BY seq',
      [callId],
    ),
    resultsOfCall(db, callId),
    reviewsOfCall(db, callId),
    appealsOfCall(db, callId),
    db.query<{ entry_id: number }>('SELECT entry_id FROM qa_case_library WHERE call_id = $1 ORDER BY entry_id', [
      callId,
    ]),
  ]);
  const masked = new Map(turnRows.map((t) => [t.seq, maskWithOffsets(t.text, owners)]));
  const current = await db.query<{ result_id: number; category_scores: QaCategoryScore[]; passed_rule_count: number }>(
    resultId === undefined
      ? 'SELECT result_id, category_scores, passed_rule_count FROM qa_result WHERE call_id = $1 AND topic_id IS NULL AND superseded_at IS NULL'
      : 'SELECT result_id, category_scores, passed_rule_count FROM qa_result WHERE call_id = $1 AND result_id = $2',
    resultId === undefined ? [callId] : [callId, resultId],
  );
  if (resultId !== undefined && !current[0]) throw notFound(`QA result ${resultId} of call ${callId}`);
  const shown = current[0];
  let result: QaCallDetail['result'] = null;
  if (shown) {
    const hitRows = await db.query<HitRow>(
      `SELECT h.hit_id, h.rule_code, h.rule_name, h.category, h.points, h.veto, h.operator, h.expression, h.turn_seq,
         h.char_start, h.char_end, h.speaker, h.matched, h.actual, h.evidence, a.appeal_id, d.decision
       FROM qa_hit h LEFT JOIN qa_appeal a ON a.hit_id = h.hit_id LEFT JOIN qa_appeal_decision d ON d.appeal_id = a.appeal_id
       WHERE h.result_id = $1 ORDER BY h.points, h.hit_id`,
      [shown.result_id],
    );
    const categoryName = new Map(shown.category_scores.map((c) => [c.category, c.name]));
    const hits: QaHit[] = hitRows.map((h) => ({
      hitId: h.hit_id,
      ruleCode: h.rule_code,
      ruleName: h.rule_name,
      category: h.category,
      categoryName: categoryName.get(h.category) ?? h.category,
      points: h.points,
      veto: h.veto,
      ...maskEvidence(
        {
          operator: h.operator,
          expression: h.expression,
          turnSeq: h.turn_seq,
          charStart: h.char_start,
          charEnd: h.char_end,
          speaker: h.speaker,
          matched: h.matched,
          actual: h.actual,
        },
        masked,
        owners,
      ),
      evidence: h.evidence.map((e) => maskEvidence(e, masked, owners)),
      appeal: h.appeal_id === null ? null : { appealId: h.appeal_id, status: h.decision ?? 'pending' },
    }));
    const summary = results.find((r) => r.resultId === shown.result_id);
    if (summary)
      result = { ...summary, categoryScores: shown.category_scores, hits, passedRuleCount: shown.passed_rule_count };
  }
  const started = new Date(call.started_at);
  const ended = new Date(call.ended_at);
  return {
    callId: call.call_id,
    channel: call.channel,
    direction: call.direction,
    startedAt: iso(started) as string,
    endedAt: iso(ended) as string,
    durationS: Math.max(0, Math.round((ended.getTime() - started.getTime()) / 1000)),
    agent: call.employee_no ? { employeeNo: call.employee_no, name: call.employee_name ?? '' } : null,
    orgUnit: call.org_unit_id ? { id: call.org_unit_id, name: call.org_name ?? '' } : null,
    customer:
      call.customer_no && call.customer_name
        ? {
            customerNo: call.customer_no,
            name: maskCustomerPii({
              name: call.customer_name,
              customer_type: call.customer_type ?? 'residential',
              phone: null,
              id_number: null,
              address: null,
              wechat_id: null,
            }).name,
          }
        : null,
    caseId: call.case_id,
    orderNo: call.order_no,
    turns: turnRows.map((t) => ({
      seq: t.seq,
      speaker: t.speaker,
      startMs: t.start_ms,
      endMs: t.end_ms,
      text: masked.get(t.seq)?.text ?? '',
    })),
    result,
    otherResults: results.filter((r) => r.resultId !== shown?.result_id),
    reviews,
    appeals,
    caseLibraryEntryIds: library.map((l) => l.entry_id),
    may: {
      review: can(actor, 'qa:inspect') && result !== null,
      appeal: can(actor, 'qa:appeal') && actor.employeeId !== null && actor.employeeId === call.agent_employee_id,
      addToCaseLibrary: can(actor, 'qa:inspect'),
    },
  };
}
