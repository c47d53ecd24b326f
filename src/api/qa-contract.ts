/**
 * Reply and request shapes of the quality-inspection (智能质检) API, for the web UI (type-only).
 * docs/qa.md lists the endpoints. Times are ISO strings; dates (periods) 'YYYY-MM-DD'.
 * Scores are points on the scheme's base (100); negative points deduct, positive add.
 */
import type { QaScheme } from '../qa/rule-language.js';

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

// ---- schemes (质检方案) ----

export interface QaRuleSummary {
  code: string;
  name: string;
  description: string;
  category: string;
  categoryName: string;
  points: number;
  veto: boolean;
  enabled: boolean;
  /** The condition's shape: `all(keyword, not(regex))`. */
  condition: string;
  exampleCount: { hit: number; miss: number };
}

export interface QaSchemeVersionSummary {
  code: string;
  version: number;
  name: string;
  status: QaSchemeStatus;
  ruleCount: number;
  note: string;
  createdBy: QaUserRef | null;
  createdAt: string;
  publishedBy: QaUserRef | null;
  publishedAt: string | null;
  retiredAt: string | null;
}

export interface QaSchemeSummary {
  code: string;
  name: string;
  /** The scheme new calls are inspected with (one scheme is routine). */
  routine: boolean;
  liveVersion: number | null;
  versions: QaSchemeVersionSummary[];
}
export type QaSchemesReply = { items: QaSchemeSummary[] };

export interface QaSchemeVersionDetail extends QaSchemeVersionSummary {
  /** The scheme as data (the rule language of docs/qa.md); what the editor edits. */
  definition: QaScheme;
  categories: { code: string; name: string; maxDeduction: number; maxBonus: number | null }[];
  rules: QaRuleSummary[];
}

/** POST /qa/schemes/:code/versions: a new draft. The version number is assigned by the server. */
export interface QaDraftRequest {
  /** The scheme JSON; its `id` must equal :code (a new code creates a new, non-routine scheme). */
  definition: unknown;
  note?: string;
}

export interface QaTryRequest {
  /** A scheme definition to try (unsaved editor content) … */
  definition?: unknown;
  /** … or a stored version. */
  schemeCode?: string;
  version?: number;
  /** Run only this rule of the scheme. */
  ruleCode?: string;
  /** A transcript to try on … */
  transcript?: { turns: { speaker: QaSpeaker; startMs: number; endMs: number; text: string }[] };
  /** … or a stored call (in scope). */
  callId?: string;
}

export interface QaTryResult {
  scheme: QaSchemeRef;
  score: number;
  baseScore: number;
  vetoed: boolean;
  categoryScores: QaCategoryScore[];
  hits: Omit<QaHit, 'hitId' | 'appeal'>[];
  passedRules: string[];
  turns: QaTurn[];
}

export interface QaBacktestRequest {
  schemeCode: string;
  /** The candidate version (usually a draft). */
  version: number;
  /** Compared against (default: the live version). */
  baselineVersion?: number;
  from: string;
  to: string;
  /** At most this many calls of the period, most recent first (default 2000, max 20000). */
  maxCalls?: number;
}

export interface QaScoreStats {
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  /** Calls below the pass line (80). */
  belowPass: number;
}

export interface QaBacktestResult {
  schemeCode: string;
  candidate: QaSchemeRef & { status: QaSchemeStatus };
  baseline: QaSchemeRef & { status: QaSchemeStatus };
  from: string;
  to: string;
  calls: number;
  truncated: boolean;
  /** Calls whose score differs between the two versions. */
  changedCalls: number;
  rules: {
    ruleCode: string;
    ruleName: string;
    category: string;
    baselineHits: number;
    candidateHits: number;
    change: number;
    /** Rule exists in only one of the versions. */
    onlyIn: 'baseline' | 'candidate' | null;
  }[];
  scores: {
    baseline: QaScoreStats;
    candidate: QaScoreStats;
    /** Buckets of 10 points: [0,10) … [90,100]. */
    histogram: { from: number; to: number; baseline: number; candidate: number }[];
  };
  /** The calls whose score moved most (up to 10). */
  biggestChanges: { callId: string; baselineScore: number; candidateScore: number }[];
}

export interface QaRuleComment {
  commentId: number;
  schemeCode: string;
  ruleCode: string;
  kind: 'comment' | 'proposal';
  body: string;
  /** A proposal may carry a rule as data (validated when posted). */
  proposedRule: unknown | null;
  author: QaUserRef & { employeeNo: string | null };
  createdAt: string;
}
export interface QaRuleCommentRequest {
  kind: 'comment' | 'proposal';
  body: string;
  proposedRule?: unknown;
}

// ---- background jobs: re-inspection and special topics ----

export interface QaReinspectionJob {
  jobId: number;
  kind: 'reinspection' | 'topic';
  scheme: QaSchemeRef;
  from: string;
  to: string;
  topicId: number | null;
  status: QaJobStatus;
  total: number;
  done: number;
  requestedBy: QaUserRef | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}
export interface QaReinspectionRequest {
  schemeCode: string;
  version: number;
  from: string;
  to: string;
}

export interface QaTopicFilter {
  /** Work-order topic codes (vocabulary topics), via the call's order or case. */
  workOrderTopics: string[];
  /** Work-order types (complaint, repair …). */
  workOrderTypes: string[];
  /** Any turn contains one of these words. */
  keywords: string[];
  orgUnitId: string | null;
}
export interface QaTopic {
  topicId: number;
  name: string;
  description: string;
  scheme: QaSchemeRef;
  from: string;
  to: string;
  filter: QaTopicFilter;
  createdBy: QaUserRef | null;
  createdAt: string;
  job: QaReinspectionJob | null;
  summary: { results: number; meanScore: number | null; flagged: number };
}
export interface QaTopicRequest {
  name: string;
  description?: string;
  schemeCode: string;
  version: number;
  from: string;
  to: string;
  filter: Partial<QaTopicFilter>;
}

// ---- sampling (抽检) ----

export interface QaRiskCriteria {
  /** Machine score below this. */
  lowScoreBelow: number | null;
  angryCustomer: boolean;
  longCallMinutes: number | null;
  /** Calls whose work order is a complaint. */
  complaintCalls: boolean;
  /** Agents hired within this many months before the call. */
  newAgentMonths: number | null;
}
export interface QaSamplingPlan {
  planId: number;
  name: string;
  orgUnit: QaOrgUnitRef | null;
  from: string;
  to: string;
  /** Random share of the inspected calls, 0…1. */
  randomShare: number;
  risk: QaRiskCriteria;
  /** Cap on the risk-based picks per agent (null = no cap). */
  maxRiskPerAgent: number | null;
  createdBy: QaUserRef | null;
  createdAt: string;
  samples: number;
  reviewed: number;
  byReason: Partial<Record<QaSampleReason, number>>;
}
export interface QaSamplingPlanRequest {
  name: string;
  orgUnit?: string;
  from: string;
  to: string;
  randomShare: number;
  risk?: Partial<QaRiskCriteria>;
  maxRiskPerAgent?: number;
}
export interface QaSample {
  sampleId: number;
  planId: number;
  callId: string;
  reasons: QaSampleReason[];
  result: QaResultSummary | null;
  /** A manual review was written after the sample was drawn. */
  reviewed: boolean;
}
export type QaSamplesReply = QaPage<QaSample>;

// ---- work-order full-chain QA (工单全流程质检) ----

export interface QaChainEvidence {
  kind: 'work_order' | 'status' | 'trace' | 'call_turn';
  /** order_no, order_no#seq, trace id or call_id#seq */
  ref: string;
  /** ISO 8601 instant. */
  at: string | null;
  text: string;
}
export interface QaChainFinding {
  caseId: string;
  orderNo: string;
  ruleCode: 'chain.closed_without_contact' | 'chain.reply_contradicts_field' | 'chain.sla_missed';
  /** In the request's language (`?lang=` / Accept-Language; zh-CN by default), as are the texts below. */
  ruleName: string;
  points: number;
  /** Why, in words, with the figures; times on the centre's clock (Asia/Shanghai), 'YYYY-MM-DD HH:mm'. */
  explanation: string;
  evidence: QaChainEvidence[];
  responsible: QaEmployeeRef | null;
}
export type QaChainFindingsReply = QaPage<QaChainFinding>;

// ---- case library (案例库) ----

export interface QaCaseLibraryEntry {
  entryId: number;
  callId: string;
  kind: 'typical' | 'excellent';
  title: string;
  tags: string[];
  teachingNote: string;
  agent: QaEmployeeRef | null;
  startedAt: string;
  finalScore: number | null;
  createdBy: QaUserRef | null;
  createdAt: string;
  updatedAt: string;
}
export interface QaCaseLibraryRequest {
  callId: string;
  kind: 'typical' | 'excellent';
  title: string;
  tags: string[];
  teachingNote: string;
}
export type QaCaseLibraryReply = QaPage<QaCaseLibraryEntry>;

// ---- agent QA portrait (E2) ----

export interface QaAgentPortrait {
  agent: QaEmployeeRef & { orgUnit: QaOrgUnitRef; hireDate: string | null };
  from: string;
  to: string;
  calls: number;
  meanScore: number | null;
  /** Mean of the agent's org unit (team) over the same period. */
  teamMeanScore: number | null;
  trend: { month: string; calls: number; meanScore: number; teamMeanScore: number | null }[];
  categories: {
    category: string;
    name: string;
    /** Mean points lost per call in the category. */
    deductionPerCall: number;
    teamDeductionPerCall: number;
    /** Share of calls with at least one deduction of the category. */
    hitRate: number;
    verdict: 'strength' | 'weakness' | 'par';
  }[];
  strengths: string[];
  weaknesses: string[];
  topDeductions: {
    ruleCode: string;
    ruleName: string;
    category: string;
    hits: number;
    callShare: number;
    points: number;
  }[];
  recommendations: { category: string; ruleCode: string | null; zh: string; en: string; why: string }[];
}
