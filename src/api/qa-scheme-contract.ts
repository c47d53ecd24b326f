/** Quality-inspection API shapes for schemes (质检方案): versions, try-it, backtest, rule comments. */
import type { QaScheme } from '../qa/rule-language.js';
import type {
  QaCategoryScore,
  QaHit,
  QaSchemeRef,
  QaSchemeStatus,
  QaSpeaker,
  QaTurn,
  QaUserRef,
} from './qa-contract.js';

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
