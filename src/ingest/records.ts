/**
 * The import record of each kind: the columns of its CSV / Excel file and the keys of its
 * JSON Lines objects (docs/data-formats.md documents each). The demo world produces these
 * same records, so a generated world and a source-system export travel one path.
 *
 * Times are ISO 8601 with offset ('2026-03-01T08:30:00+08:00'); dates 'YYYY-MM-DD';
 * months 'YYYY-MM'. Customers are named by any one identity column (customer_no,
 * meter_no, phone, id_number, wechat_id); employees by employee_no.
 */
import type { Channel, Direction, Topic, TraceType, WorkOrderType } from '../traces/vocabulary.js';

export interface OrgUnitRecord {
  org_unit_id: string;
  parent_id?: string;
  level: 'company' | 'city' | 'county' | 'station' | 'grid';
  name: string;
}

export interface SubstationRecord {
  substation_id: string;
  name: string;
  voltage_kv?: number;
  org_unit_id: string;
}

export interface FeederRecord {
  feeder_id: string;
  name: string;
  substation_id: string;
  org_unit_id: string;
}

export interface TransformerAreaRecord {
  transformer_area_id: string;
  name: string;
  feeder_id: string;
  org_unit_id: string;
  capacity_kva?: number;
}

export interface CustomerRecord {
  customer_no: string;
  name: string;
  customer_type: 'residential' | 'non_residential';
  industry?: string;
  voltage_level?: string;
  contract_capacity_kva?: number;
  org_unit_id: string;
  transformer_area_id?: string;
  address?: string;
  phone?: string;
  id_number?: string;
  wechat_id?: string;
  important?: boolean;
  special?: boolean;
  special_category?: string;
  opened_on?: string;
  status?: 'active' | 'suspended' | 'closed';
}

export interface MeterRecord {
  meter_no: string;
  customer_no: string;
  transformer_area_id?: string;
  installed_on?: string;
  multiplier?: number;
}

export interface EmployeeRecord {
  employee_no: string;
  name: string;
  post: string;
  org_unit_id: string;
  hire_date?: string;
  birth_year?: number;
  gender?: 'M' | 'F';
  skill_level?: number;
  phone?: string;
  status?: 'active' | 'left';
}

/** Identity columns: any one names the customer (resolved in this order). */
export interface CustomerIdentity {
  customer_no?: string;
  meter_no?: string;
  phone?: string;
  id_number?: string;
  wechat_id?: string;
}

export interface BillRecord extends CustomerIdentity {
  bill_no: string;
  period: string; // YYYY-MM
  kwh: number;
  amount: number;
  issued_on: string;
  due_date: string;
}

export interface PaymentRecord extends CustomerIdentity {
  payment_no: string;
  bill_no?: string;
  amount: number;
  channel: string;
  paid_at: string;
  due_date?: string;
}

/** A third-party registry's verdict on a customer (第三方信用信息): moves the credit score. */
export interface CreditReportRecord extends CustomerIdentity {
  report_no: string;
  /** Who reported it: a court, credit China, a bank (free text, shown as given). */
  agency: string;
  verdict: 'dishonest' | 'honoured';
  reported_on: string;
  note?: string;
}

/** One day of one meter. Stored per customer and month (meter_reading_month). */
export interface ReadingRecord extends CustomerIdentity {
  date: string;
  kwh: number;
  peak_kwh?: number;
  flat_kwh?: number;
  valley_kwh?: number;
  max_load_kw?: number;
  power_factor?: number;
}

export interface WorkOrderRecord extends CustomerIdentity {
  order_no: string;
  case_id?: string; // defaults to order_no
  order_type: WorkOrderType;
  topic_code: Topic;
  urgency?: 'normal' | 'urgent' | 'very_urgent';
  status: string;
  channel: Channel;
  created_at: string;
  sla_deadline?: string;
  closed_at?: string;
  responsible_employee_no?: string;
  substantiated?: boolean;
  satisfaction?: number;
  summary?: string;
}

export interface WorkOrderStatusRecord {
  order_no: string;
  seq: number;
  status: string;
  at: string;
  employee_no?: string;
  note?: string;
}

export interface CallTurn {
  seq: number;
  speaker: 'agent' | 'customer' | 'system';
  start_ms: number;
  end_ms: number;
  text: string;
}

export interface CallRecord extends CustomerIdentity {
  call_id: string;
  agent_employee_no?: string;
  channel: 'phone_95598' | 'online_chat';
  direction: 'inbound' | 'outbound';
  started_at: string;
  ended_at: string;
  caller_phone?: string;
  case_id?: string;
  order_no?: string;
  /** JSON Lines only; CSV and Excel put turns in a call_turns file. */
  turns?: CallTurn[];
}

export interface CallTurnRecord extends CallTurn {
  call_id: string;
}

export interface OutageRecord {
  outage_id: string;
  kind: 'planned' | 'fault' | 'arrears';
  scope_level: 'feeder' | 'transformer_area' | 'customer';
  scope_id: string; // feeder_id, transformer_area_id or customer_no
  started_at: string;
  restored_at?: string;
  planned_start?: string;
  planned_end?: string;
  announced_at?: string;
  cause?: string;
}

export interface NoticeRecord extends CustomerIdentity {
  notice_id: string;
  medium: 'sms' | 'push' | 'wechat';
  topic: string;
  sent_at: string;
  status?: 'sent' | 'delivered' | 'failed';
  content?: string;
  outage_id?: string;
}

export interface EmployeeOperationRecord extends CustomerIdentity {
  operation_id: string;
  employee_no: string;
  operation: string;
  at: string;
  system?: string;
  detail?: Record<string, unknown>;
}

/** A trace from a channel with no entity table of its own (hall, app, WeChat, field …). */
export interface TraceRecord extends CustomerIdentity {
  source_id: string;
  occurred_at: string;
  trace_type: TraceType;
  channel: Channel;
  direction?: Direction;
  employee_no?: string;
  case_id?: string;
  topic?: Topic;
  attributes?: Record<string, unknown>;
}

export interface RecordsByKind {
  org_units: OrgUnitRecord;
  substations: SubstationRecord;
  feeders: FeederRecord;
  transformer_areas: TransformerAreaRecord;
  customers: CustomerRecord;
  meters: MeterRecord;
  employees: EmployeeRecord;
  bills: BillRecord;
  payments: PaymentRecord;
  credit_reports: CreditReportRecord;
  readings: ReadingRecord;
  work_orders: WorkOrderRecord;
  work_order_status: WorkOrderStatusRecord;
  calls: CallRecord;
  call_turns: CallTurnRecord;
  outages: OutageRecord;
  notices: NoticeRecord;
  employee_operations: EmployeeOperationRecord;
  traces: TraceRecord;
}

export type ImportKind = keyof RecordsByKind;

/** Load order: a kind may refer only to kinds before it. */
export const IMPORT_ORDER: readonly ImportKind[] = [
  'org_units',
  'substations',
  'feeders',
  'transformer_areas',
  'customers',
  'meters',
  'employees',
  'bills',
  'payments',
  'credit_reports',
  'readings',
  'outages',
  'work_orders',
  'work_order_status',
  'calls',
  'call_turns',
  'notices',
  'employee_operations',
  'traces',
];

/** Where records go: the database (ingest) or files (`gridcare demo --out`). */
export interface RecordSink {
  write<K extends ImportKind>(kind: K, records: readonly RecordsByKind[K][]): Promise<void>;
  close(): Promise<void>;
}
