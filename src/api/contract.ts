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
