/**
 * Response shapes of the Gridcare API. Those the server declares come from its contract
 * (src/api/contract.ts) as type-only imports, erased at build, so no server code reaches the
 * bundle; the web names them for what its pages show. Only request-side and web-only shapes
 * are declared here.
 */
import type {
  CaseChainReply,
  ConsumptionReply,
  CreditReply,
  Customer360Reply,
  CustomerSummary,
  EmployeeProfileReply,
  EmployeeSearchReply,
  ExplainedRule,
  TimelineItem,
  TimelineReply,
  UnmaskReply,
} from '../../../src/api/contract.js';

export type { MonthlyAccount, SessionUser, WorkOrderSummary } from '../../../src/api/contract.js';

export interface LocalizedLabel {
  zh: string;
  en: string;
}

export interface VocabularyEntry extends LocalizedLabel {
  code: string;
  direction?: string;
}

export interface Vocabulary {
  channels: VocabularyEntry[];
  traceTypes: VocabularyEntry[];
  workOrderTypes: VocabularyEntry[];
  topics: VocabularyEntry[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A special customer this reader may not open has `restricted` set: only number, unit and flags are shown. */
export type CustomerListItem = CustomerSummary;
export type Customer360 = Customer360Reply;
export type CustomerProfile = Customer360['customer'];

export type UnmaskedValues = UnmaskReply['values'];
/** The API's names of the personal-data fields (request side). */
export type PiiField = keyof UnmaskedValues;

export type TraceItem = TimelineItem;
/** `nextCursor`: pass back as `cursor` for the next (older) page; null when there is none. */
export type TimelinePage = TimelineReply;

export interface TimelineQuery {
  /** Comma-separated codes. */
  channel?: string;
  type?: string;
  from?: string;
  to?: string;
  cursor?: string;
  pageSize?: number;
}

export type CaseChain = CaseChainReply;
export type WorkOrderStatusStep = CaseChain['workOrders'][number]['statusHistory'][number];
export type CallRecord = CaseChain['calls'][number];

export type EmployeeListItem = EmployeeSearchReply['items'][number];
export type EmployeeProfile = EmployeeProfileReply;

export type CollectionDetail = 'full' | 'listed';

/** What ingest keeps of one trace type (采集点, T6); a type without one is collected in full. */
export interface CollectionPoint {
  traceType: string;
  enabled: boolean;
  detail: CollectionDetail;
  /** Attribute keys kept when detail is 'listed'. */
  attributes: string[];
  /** One kept trace per customer per interval; 0 keeps all. */
  minIntervalMinutes: number;
  purpose: string | null;
}

export type CollectionPointChange = Omit<CollectionPoint, 'traceType' | 'purpose'> & { purpose?: string };

/** The credit grade (信用等级) with its monthly ledger and delta table. */
export type CreditReport = CreditReply;

/** The consumption pattern (用电规律): figures, patterns and advice with their reasons, daily and monthly use. */
export type ConsumptionReport = ConsumptionReply;
export type ConsumptionRule = ExplainedRule;
