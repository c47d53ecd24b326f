/**
 * Quality-inspection API shapes for the programme around the rules: re-inspection jobs,
 * special topics, sampling, work-order full-chain QA, the case library and the agent portrait.
 */
import type {
  QaEmployeeRef,
  QaJobStatus,
  QaOrgUnitRef,
  QaPage,
  QaResultSummary,
  QaSampleReason,
  QaSchemeRef,
  QaUserRef,
} from './qa-contract.js';

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
