/**
 * Reply and request shapes of the quality-inspection (智能质检) API, for the web UI (type-only).
 * docs/qa.md lists the endpoints. Times are ISO strings; dates (periods) 'YYYY-MM-DD'.
 * Scores are points on the scheme's base (100); negative points deduct, positive add.
 */

export type QaSpeaker = 'agent' | 'customer' | 'system';
export type QaSchemeStatus = 'draft' | 'live' | 'retired';
export type QaAppealStatus = 'pending' | 'upheld' | 'reversed';
export type QaJobStatus = 'queued' | 'running' | 'done' | 'failed';
/** Why a result is flagged for an inspector: score below the pass line (80), a veto rule, an angry customer. */
export type QaFlagReason = 'low_score' | 'veto' | 'angry_customer';
export type QaSampleReason = 'random' | 'low_score' | 'angry_customer' | 'long_call' | 'complaint' | 'new_agent';

export interface QaPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface QaEmployeeRef {
  employeeNo: string;
  name: string;
}
export interface QaOrgUnitRef {
  id: string;
  name: string;
}
export interface QaUserRef {
  username: string;
  displayName: string;
}
export interface QaSchemeRef {
  code: string;
  version: number;
}

export interface QaCategoryScore {
  category: string;
  name: string;
  /** Points deducted before the category cap. */
  deducted: number;
  added: number;
  /** What the category moves the score by, after its caps. */
  net: number;
  maxDeduction: number;
  capped: boolean;
}

/** One row of the results list (workbench queue). */
export interface QaResultSummary {
  resultId: number;
  callId: string;
  /** phone_95598 or online_chat */
  channel: string;
  direction: 'inbound' | 'outbound';
  startedAt: string;
  durationS: number;
  agent: QaEmployeeRef | null;
  /** The agent's org unit (team); the data scope follows it. */
  orgUnit: QaOrgUnitRef | null;
  scheme: QaSchemeRef;
  /** Special-topic inspection (专题质检) the result belongs to; null for routine inspection. */
  topicId: number | null;
  /** Score the rules gave. */
  machineScore: number;
  /** Score after the latest manual review or reversed appeal; = machineScore when none. */
  finalScore: number;
  /** Points deducted by hits before category caps (positive number). */
  deductions: number;
  bonus: number;
  vetoed: boolean;
  hitCount: number;
  /** Rule codes of the deduction hits, most points first. */
  deductionRules: string[];
  angryCustomer: boolean;
  flagged: boolean;
  flagReasons: QaFlagReason[];
  reviewed: boolean;
  pendingAppeals: number;
  inspectedAt: string;
}

export interface QaResultsQuery {
  from?: string;
  to?: string;
  minScore?: number;
  maxScore?: number;
  /** Rule code: results with a hit of this rule. */
  rule?: string;
  /** Employee number of the agent. */
  agent?: string;
  /** Org unit id: the agent's unit or below. */
  orgUnit?: string;
  flagged?: boolean;
  topic?: number;
  page?: number;
  pageSize?: number;
}
export type QaResultsReply = QaPage<QaResultSummary>;

export interface QaTurn {
  seq: number;
  speaker: QaSpeaker;
  startMs: number;
  endMs: number;
  /** Masked like every transcript (phone and ID digits, the holder's name and address). */
  text: string;
}

/** One piece of evidence: where it is (turn seq + character span in the masked text) and why. */
export interface QaEvidence {
  operator: string;
  /** The expression that matched, in words: `keyword(您好|你好) [agent] first 2 turns`. */
  expression: string;
  turnSeq: number | null;
  charStart: number | null;
  charEnd: number | null;
  speaker: QaSpeaker | null;
  matched: string | null;
  /** The figure compared, e.g. `silence 27.3 s > 20 s before turn 3`, `not found`. */
  actual: string | null;
}

export interface QaHit extends QaEvidence {
  hitId: number;
  ruleCode: string;
  ruleName: string;
  category: string;
  categoryName: string;
  points: number;
  veto: boolean;
  /** All evidence (the first one is the fields above), up to 5. */
  evidence: QaEvidence[];
  appeal: { appealId: number; status: QaAppealStatus } | null;
}

export interface QaReview {
  reviewId: number;
  resultId: number;
  inspector: QaUserRef;
  score: number;
  comment: string;
  createdAt: string;
}

export interface QaAppealEvent {
  kind: 'filed' | 'upheld' | 'reversed';
  by: QaUserRef;
  note: string;
  at: string;
  /** For a reversal: the result's final score after the deduction was restored. */
  scoreAfter: number | null;
}

export interface QaAppeal {
  appealId: number;
  resultId: number;
  hitId: number;
  callId: string;
  ruleCode: string;
  ruleName: string;
  points: number;
  agent: QaEmployeeRef | null;
  appellant: QaUserRef;
  reason: string;
  status: QaAppealStatus;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: QaUserRef | null;
  /** Append-only: filed, then the decision. */
  history: QaAppealEvent[];
}

export interface QaCallDetail {
  callId: string;
  channel: string;
  direction: 'inbound' | 'outbound';
  startedAt: string;
  endedAt: string;
  durationS: number;
  agent: QaEmployeeRef | null;
  orgUnit: QaOrgUnitRef | null;
  /** Masked name; null when the call has no known customer. */
  customer: { customerNo: string; name: string } | null;
  caseId: string | null;
  orderNo: string | null;
  turns: QaTurn[];
  /** The result shown (routine, or the one asked for with ?resultId=); null while not inspected yet. */
  result: (QaResultSummary & { categoryScores: QaCategoryScore[]; hits: QaHit[]; passedRuleCount: number }) | null;
  /** Every other result of this call: earlier scheme versions, special topics. */
  otherResults: QaResultSummary[];
  reviews: QaReview[];
  appeals: QaAppeal[];
  caseLibraryEntryIds: number[];
  /** What the caller may do here (the server checks again). */
  may: { review: boolean; appeal: boolean; addToCaseLibrary: boolean };
}

export interface QaReviewRequest {
  /** Defaults to the routine result shown in the call detail. */
  resultId?: number;
  score: number;
  comment: string;
}
export interface QaAppealRequest {
  hitId: number;
  reason: string;
}
export interface QaAppealDecisionRequest {
  decision: 'upheld' | 'reversed';
  note: string;
}
export type QaAppealsReply = QaPage<QaAppeal>;

// Schemes, jobs, topics, sampling, full-chain QA, the case library and the agent portrait
// live in their own files; importers keep one entry point.
export type * from './qa-programme-contract.js';
export type * from './qa-scheme-contract.js';
