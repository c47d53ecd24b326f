/** Turns the engine's verdict on one call into the rows the store keeps. Pure. */
import type { QaCategoryScore, QaEvidence, QaFlagReason } from '../../api/qa-contract.js';
import type { CompiledScheme } from '../compile-scheme.js';
import type { Evidence } from '../evaluation-types.js';
import { type InspectionResult, inspect } from '../inspect.js';
import { scoreSentiment } from '../sentiment.js';
import type { TranscriptTurn } from '../transcript.js';
import type { CallTranscript } from './call-transcripts.js';

/** Below this score a result is flagged for an inspector (the 95598 centres' usual pass line). */
export const PASS_SCORE = 80;
/** A customer turn at or below this sentiment reads as angry, as in the default scheme's rules. */
export const ANGRY_SENTIMENT = -3;

export interface StoredHit extends QaEvidence {
  ruleCode: string;
  ruleName: string;
  category: string;
  points: number;
  veto: boolean;
  evidence: QaEvidence[];
}

export interface InspectedCall {
  callId: string;
  agentEmployeeId: number | null;
  startedAt: Date;
  durationS: number;
  score: number;
  baseScore: number;
  deductions: number;
  bonus: number;
  vetoed: boolean;
  categoryScores: QaCategoryScore[];
  passedRuleCount: number;
  angryCustomer: boolean;
  flagReasons: QaFlagReason[];
  hits: StoredHit[];
}

/** Evidence points at turns by index; the store and the UI speak of turn seq. */
export function evidenceBySeq(e: Evidence, turns: readonly TranscriptTurn[]): QaEvidence {
  const turn = e.turnIndex === null ? undefined : turns[e.turnIndex];
  return {
    operator: e.operator,
    expression: e.expression,
    turnSeq: e.turnIndex === null ? null : (turn?.seq ?? e.turnIndex),
    charStart: e.charStart,
    charEnd: e.charEnd,
    speaker: e.speaker,
    matched: e.matched ?? null,
    actual: e.actual ?? null,
  };
}

export function storedHits(result: InspectionResult, turns: readonly TranscriptTurn[]): StoredHit[] {
  return result.hits.map((h) => ({
    ruleCode: h.ruleId,
    ruleName: h.ruleName,
    category: h.category,
    points: h.points,
    veto: h.veto,
    ...evidenceBySeq(h.explanation, turns),
    evidence: h.evidence.map((e) => evidenceBySeq(e, turns)),
  }));
}

/**
 * Whether the caller was angry: a customer turn whose emotion words, threat words aside, reach
 * ANGRY_SENTIMENT. A calm "再不解决我就打12398" is a demand, flagged by the escalation rules and
 * counted by the escalation features; counted as anger too, it made escalation-prone callers
 * look emotional and sent calm calls to the inspectors as angry ones.
 */
export function isAngryCustomer(turns: readonly TranscriptTurn[]): boolean {
  return turns.some(
    (t) => t.speaker === 'customer' && scoreSentiment(t.text, t.speaker).scoreWithoutThreats <= ANGRY_SENTIMENT,
  );
}

export function flagReasons(score: number, vetoed: boolean, angryCustomer: boolean): QaFlagReason[] {
  const reasons: QaFlagReason[] = [];
  if (score < PASS_SCORE) reasons.push('low_score');
  if (vetoed) reasons.push('veto');
  if (angryCustomer) reasons.push('angry_customer');
  return reasons;
}

export function inspectCall(compiled: CompiledScheme, call: CallTranscript): InspectedCall {
  const result = inspect(compiled, { turns: call.turns, channel: call.channel });
  const angryCustomer = isAngryCustomer(call.turns);
  return {
    callId: call.callId,
    agentEmployeeId: call.agentEmployeeId,
    startedAt: call.startedAt,
    durationS: call.durationS,
    score: result.score,
    baseScore: result.baseScore,
    deductions: result.hits.filter((h) => h.points < 0).reduce((s, h) => s - h.points, 0),
    bonus: result.hits.filter((h) => h.points > 0).reduce((s, h) => s + h.points, 0),
    vetoed: result.vetoed,
    categoryScores: result.categoryScores,
    passedRuleCount: result.passedRules.length,
    angryCustomer,
    flagReasons: flagReasons(result.score, result.vetoed, angryCustomer),
    hits: storedHits(result, call.turns),
  };
}
