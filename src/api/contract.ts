/**
 * The reply shapes of the API as TypeScript types, for the web UI (`import type` only, so
 * nothing of the server reaches the bundle). docs/api.md describes the same shapes.
 */
import type { AuditRecord } from '../auth/audit-log.js';
import type { describeActor } from '../auth/sessions.js';
import type { caseChain } from '../cases/case-chain.js';
import type { customer360 } from '../customers/customer-360.js';
import type { searchCustomers } from '../customers/customer-search.js';
import type { MonthlyAccount } from '../customers/monthly-account.js';
import type { TimelineItem } from '../customers/trace-timeline.js';
import type { WorkOrderSummary } from '../customers/work-orders.js';
import type { employeeProfile, searchEmployees } from '../employees/employees.js';
import type { CreditReport } from '../portraits/credit/credit-report.js';
import type { TraceItemResult } from './routes/traces.js';

export type { AuditRecord, MonthlyAccount, TimelineItem, TraceItemResult, WorkOrderSummary };
export type { CustomerSummary } from '../customers/customer-search.js';
export type { ErrorBody } from './error-handler.js';

export type SessionUser = ReturnType<typeof describeActor>;
export type LoginReply = { user: SessionUser };
export type CustomerSearchReply = Awaited<ReturnType<typeof searchCustomers>>;
export type Customer360Reply = Awaited<ReturnType<typeof customer360>>;
export type TimelineReply = { items: TimelineItem[]; nextCursor: string | null };
export type WorkOrdersReply = { items: WorkOrderSummary[] };
export type UnmaskReply = { customerNo: string; values: Partial<Record<'name' | 'phone' | 'id_number' | 'address' | 'wechat_id', string | null>> };
export type CaseChainReply = Awaited<ReturnType<typeof caseChain>>;
export type EmployeeSearchReply = Awaited<ReturnType<typeof searchEmployees>>;
export type EmployeeProfileReply = Awaited<ReturnType<typeof employeeProfile>>;
export type AuditReply = { items: AuditRecord[]; total: number; page: number; pageSize: number };
export interface OrgNode {
  id: string;
  name: string;
  level: string;
  path: string;
  children: OrgNode[];
}
export type OrgUnitsReply = { items: OrgNode[] };
export interface VocabularyEntry {
  code: string;
  zh: string;
  en: string;
}
export type VocabularyReply = {
  channels: VocabularyEntry[];
  traceTypes: (VocabularyEntry & { direction: 'inbound' | 'outbound' | 'internal' })[];
  topics: VocabularyEntry[];
  workOrderTypes: VocabularyEntry[];
};
export type TraceBatchReply = { source: string; received: number; counts: Record<string, number>; items: TraceItemResult[] };
export type HealthReply = { status: 'ok'; database: 'pglite' | 'postgres'; version: string; migrations: { count: number; latest: number | null } };
export type * from './qa-contract.js';
/** GET /api/v1/customers/:no/credit: score, grade, monthly ledger and the delta table. */
export type CreditReply = CreditReport;
/** GET /api/v1/customers/:no/consumption: 用电规律 figures, patterns and advice with their thresholds, 90 days, months vs peers. */
export type { ConsumptionFigure, ConsumptionProfileView, ConsumptionView as ConsumptionReply, DailyUse, MonthlyUseVsPeers } from '../portraits/consumption/consumption-view.js';
export type { ExplainedCheck, ExplainedRule } from '../portraits/consumption/explain.js';
/** Employee and area portraits, hot zones (E1, E3, E4, E5): GET /api/v1/employees/:no/portrait, /api/v1/areas/:kind/:id/portrait, /api/v1/hot-zones. */
export type {
  AreaDimension,
  AreaKind,
  AreaPortraitReply,
  EmployeeAspect,
  EmployeePortraitReply,
  HotZone,
  HotZoneTreeNode,
  HotZonesReply,
  PointsReason,
  PortraitFeatureView,
  PortraitGradeView,
  PortraitGroupView,
  PortraitScoreView,
  PortraitStrategyView,
  PortraitTagView,
  SubjectPortraitWhyReply,
} from '../portraits/subjects/subject-portrait-view.js';
/** GET /api/v1/customers/:no/portrait: tags by dimension, scores, grades, strategies, features, and the staff notes. */
export type CustomerPortraitWithNotesReply = import('../portraits/customer-portrait.js').CustomerPortraitReply & {
  notes: import('../portraits/portrait-notes.js').PortraitNote[];
};
/** GET /api/v1/customers/:no/portrait/why?element=tag:x|score:x|grade:x: condition outcomes, feature values, rows behind. */
export type PortraitWhyReply = import('../portraits/engine/evidence.js').Explanation & { validFrom: string };
export type { ConditionOutcome } from '../portraits/engine/conditions.js';
export type { EvidenceItem, FeatureEvidence } from '../portraits/engine/evidence.js';
export type { PortraitNote as PortraitNoteReply } from '../portraits/portrait-notes.js';
/** GET /api/v1/customers/:no/portrait/history: validity periods, newest first. */
export type PortraitHistoryReply = { items: import('../portraits/portrait-history.js').PortraitPeriod[] };
/** GET /api/v1/portraits/definitions: the catalog as data with versions. */
export type PortraitDefinitionsReply = ReturnType<typeof import('../portraits/describe-catalog.js').describeCatalog>;
/** Segments (客群筛选): GET /api/v1/segments/query; coverage of every customer tag: GET /api/v1/portraits/tags/coverage. */
export type { FacetCount, SegmentReply } from '../portraits/segments/segment-query.js';
export type { SegmentCustomer } from '../portraits/segments/segment-customer.js';
export type { TagCoverage, TagCoverageReply } from '../portraits/segments/tag-coverage.js';
/** GET /api/v1/segments/transformer-areas?q=: the segment filter's transformer-area picker. */
export type TransformerAreasReply = {
  items: import('../portraits/segments/transformer-area-options.js').TransformerAreaOption[];
};
