/** Response shapes of the Gridcare API, mirroring src/api/routes and the modules they call. */

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

export interface Ref {
  id: string;
  name: string;
}

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: string;
  /** The data scope; null = the whole company. */
  orgUnit: { id: string; name: string | null } | null;
  employeeId: number | null;
  permissions: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CustomerListItem {
  customerNo: string;
  name: string;
  customerType: string;
  orgUnit: Ref;
  address: string | null;
  phone: string | null;
  important: boolean;
  special: boolean;
  /** A special customer this reader may not open: only number, unit and flags are shown. */
  restricted: boolean;
  status: string;
}

export interface OrgUnitStep extends Ref {
  level: string;
}

export interface EmployeeRef {
  employeeNo: string;
  name: string;
}

export interface MonthlyAccount {
  month: string;
  kwh: number | null;
  billedKwh: number | null;
  billAmount: number | null;
  dueDate: string | null;
  paidAmount: number | null;
  paidOn: string | null;
  daysLate: number | null;
}

export interface WorkOrderSummary {
  orderNo: string;
  caseId: string;
  orderType: string;
  topic: string;
  urgency: string;
  status: string;
  channel: string;
  createdAt: string;
  slaDeadline: string | null;
  closedAt: string | null;
  responsibleEmployee: EmployeeRef | null;
  substantiated: boolean | null;
  satisfaction: number | null;
  summary: string | null;
}

export interface CustomerProfile {
  customerNo: string;
  name: string;
  phone: string | null;
  idNumber: string | null;
  address: string | null;
  wechatId: string | null;
  customerType: string;
  industry: string | null;
  voltageLevel: string;
  contractCapacityKva: number | null;
  status: string;
  openedOn: string | null;
  important: boolean;
  special: boolean;
  specialCategory: string | null;
  masked: boolean;
  orgUnits: OrgUnitStep[];
  topology: { transformerArea: Ref | null; feeder: Ref | null; substation: Ref | null };
  meters: string[];
}

export interface Customer360 {
  customer: CustomerProfile;
  monthly: MonthlyAccount[];
  recentWorkOrders: WorkOrderSummary[];
  channels: { channel: string; count: number; lastAt: string }[];
}

/** The API's names of the personal-data fields (request side). */
export type PiiField = 'name' | 'phone' | 'id_number' | 'address' | 'wechat_id';

export type UnmaskedValues = Partial<Record<PiiField, string | null>>;

export interface TraceItem {
  traceId: number;
  occurredAt: string;
  type: string;
  channel: string;
  direction: string;
  topic: string | null;
  caseId: string | null;
  employee: EmployeeRef | null;
  customer: { customerNo: string } | null;
  summary: string;
}

export interface TimelinePage {
  items: TraceItem[];
  /** Pass back as `cursor` for the next (older) page; null when there is none. */
  nextCursor: string | null;
}

export interface TimelineQuery {
  /** Comma-separated codes. */
  channel?: string;
  type?: string;
  from?: string;
  to?: string;
  cursor?: string;
  pageSize?: number;
}

export interface WorkOrderStatusStep {
  seq: number;
  status: string;
  at: string;
  employee: EmployeeRef | null;
  note: string | null;
}

export interface CallTurn {
  seq: number;
  speaker: string;
  startMs: number;
  endMs: number;
  text: string;
}

export interface CallRecord {
  callId: string;
  channel: string;
  direction: string;
  startedAt: string;
  endedAt: string;
  callerPhone: string | null;
  orderNo: string | null;
  agent: EmployeeRef | null;
  turns: CallTurn[];
}

export interface CaseChain {
  caseId: string;
  customers: { customerNo: string; name: string }[];
  traces: TraceItem[];
  workOrders: (WorkOrderSummary & { statusHistory: WorkOrderStatusStep[] })[];
  calls: CallRecord[];
}

export interface EmployeeListItem {
  employeeNo: string;
  name: string;
  post: string;
  orgUnit: Ref;
  status: string;
  skillLevel: number | null;
}

export interface EmployeeProfile {
  employee: {
    employeeNo: string;
    name: string;
    post: string;
    hireDate: string | null;
    birthYear: number | null;
    gender: string | null;
    skillLevel: number | null;
    phone: string | null;
    status: string;
    orgUnits: OrgUnitStep[];
  };
  workOrders: { total: number; byType: { orderType: string; count: number }[]; recent: WorkOrderSummary[] };
  complaints: { total: number; substantiated: number };
  satisfaction: { rated: number; average: number | null };
}

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
