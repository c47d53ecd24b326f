/**
 * The quality-inspection (智能质检) endpoints of docs/qa.md, typed by the server's contract
 * (src/api/qa-contract.ts, type-only). Kept apart from endpoints.ts so the QA pages stay one
 * area of the client.
 */
import type {
  QaAgentPortrait,
  QaAppeal,
  QaAppealDecisionRequest,
  QaAppealStatus,
  QaAppealsReply,
  QaBacktestRequest,
  QaBacktestResult,
  QaCallDetail,
  QaCaseLibraryEntry,
  QaCaseLibraryReply,
  QaCaseLibraryRequest,
  QaChainFinding,
  QaChainFindingsReply,
  QaDraftRequest,
  QaReinspectionJob,
  QaReinspectionRequest,
  QaResultsQuery,
  QaResultsReply,
  QaReview,
  QaReviewRequest,
  QaRuleComment,
  QaRuleCommentRequest,
  QaSamplesReply,
  QaSamplingPlan,
  QaSamplingPlanRequest,
  QaSchemesReply,
  QaSchemeVersionDetail,
  QaTopic,
  QaTopicRequest,
  QaTryRequest,
  QaTryResult,
} from '../../../src/api/contract.js';
import { apiRequest } from './http.js';

const seg = encodeURIComponent;
const base = '/api/v1/qa';

export interface QaAppealsQuery {
  status?: QaAppealStatus;
  agent?: string;
  page?: number;
  pageSize?: number;
}

export interface QaCaseLibraryQuery {
  q?: string;
  tag?: string;
  kind?: QaCaseLibraryEntry['kind'];
  page?: number;
  pageSize?: number;
}

export interface QaChainFindingsQuery {
  from: string;
  to: string;
  rule?: QaChainFinding['ruleCode'];
  page?: number;
  pageSize?: number;
}

export const qaApi = {
  /** The org tree (for the team filter); not QA-specific, but only the QA pages pick units. */
  results: (query: QaResultsQuery) => apiRequest<QaResultsReply>('GET', `${base}/results`, { query: { ...query } }),
  call: (callId: string, resultId?: number) =>
    apiRequest<QaCallDetail>('GET', `${base}/calls/${seg(callId)}`, { query: { resultId } }),
  review: (callId: string, body: QaReviewRequest) =>
    apiRequest<QaReview>('POST', `${base}/calls/${seg(callId)}/reviews`, { body }),

  appeal: (hitId: number, reason: string) =>
    apiRequest<QaAppeal>('POST', `${base}/appeals`, { body: { hitId, reason } }),
  appeals: (query: QaAppealsQuery) => apiRequest<QaAppealsReply>('GET', `${base}/appeals`, { query: { ...query } }),
  decideAppeal: (appealId: number, body: QaAppealDecisionRequest) =>
    apiRequest<QaAppeal>('POST', `${base}/appeals/${appealId}/decision`, { body }),

  schemes: () => apiRequest<QaSchemesReply>('GET', `${base}/schemes`),
  schemeVersion: (code: string, version: number) =>
    apiRequest<QaSchemeVersionDetail>('GET', `${base}/schemes/${seg(code)}/versions/${version}`),
  saveDraft: (code: string, body: QaDraftRequest) =>
    apiRequest<QaSchemeVersionDetail>('POST', `${base}/schemes/${seg(code)}/versions`, { body }),
  publish: (code: string, version: number) =>
    apiRequest<unknown>('POST', `${base}/schemes/${seg(code)}/versions/${version}/publish`, { body: {} }),
  tryScheme: (body: QaTryRequest) => apiRequest<QaTryResult>('POST', `${base}/try`, { body }),
  backtest: (body: QaBacktestRequest) => apiRequest<QaBacktestResult>('POST', `${base}/backtests`, { body }),
  ruleComments: (code: string, ruleCode: string) =>
    apiRequest<{ items: QaRuleComment[] }>('GET', `${base}/schemes/${seg(code)}/rules/${seg(ruleCode)}/comments`),
  addRuleComment: (code: string, ruleCode: string, body: QaRuleCommentRequest) =>
    apiRequest<QaRuleComment>('POST', `${base}/schemes/${seg(code)}/rules/${seg(ruleCode)}/comments`, { body }),

  samplingPlans: () => apiRequest<{ items: QaSamplingPlan[] }>('GET', `${base}/sampling-plans`),
  createSamplingPlan: (body: QaSamplingPlanRequest) =>
    apiRequest<QaSamplingPlan>('POST', `${base}/sampling-plans`, { body }),
  samples: (planId: number, query: { reviewed?: boolean; page?: number; pageSize?: number }) =>
    apiRequest<QaSamplesReply>('GET', `${base}/sampling-plans/${planId}/samples`, { query: { ...query } }),

  caseLibrary: (query: QaCaseLibraryQuery) =>
    apiRequest<QaCaseLibraryReply>('GET', `${base}/case-library`, { query: { ...query } }),
  addToCaseLibrary: (body: QaCaseLibraryRequest) =>
    apiRequest<QaCaseLibraryEntry>('POST', `${base}/case-library`, { body }),
  updateCaseLibraryEntry: (entryId: number, body: Omit<QaCaseLibraryRequest, 'callId'>) =>
    apiRequest<QaCaseLibraryEntry>('PUT', `${base}/case-library/${entryId}`, { body }),
  removeCaseLibraryEntry: (entryId: number) => apiRequest<unknown>('DELETE', `${base}/case-library/${entryId}`),

  reinspections: () => apiRequest<{ items: QaReinspectionJob[] }>('GET', `${base}/reinspections`),
  startReinspection: (body: QaReinspectionRequest) =>
    apiRequest<QaReinspectionJob>('POST', `${base}/reinspections`, { body }),

  topics: () => apiRequest<{ items: QaTopic[] }>('GET', `${base}/topics`),
  createTopic: (body: QaTopicRequest) => apiRequest<QaTopic>('POST', `${base}/topics`, { body }),

  chainFindings: (query: QaChainFindingsQuery) =>
    apiRequest<QaChainFindingsReply>('GET', `${base}/chain-findings`, { query: { ...query } }),

  agentPortrait: (employeeNo: string, period: { from?: string; to?: string }) =>
    apiRequest<QaAgentPortrait>('GET', `${base}/agents/${seg(employeeNo)}/portrait`, { query: { ...period } }),
};
