/**
 * What bench/clone-world.ts does with each table of the schema: keep it, empty it, or clone
 * its customer-level rows with the key rewrites below. Every table must be named here.
 */
/** Tables left as they are: shared reference data and staff-side records. */
export const KEPT = [
  'org_unit',
  'substation',
  'feeder',
  'transformer_area',
  'employee',
  'app_user',
  'user_session',
  'audit_log',
  'import_run',
  'login_failure',
  'app_setting',
  'schema_migration',
  'collection_point',
  'trace_quarantine',
  'portrait_catalog',
  'portrait_model',
  'qa_scheme',
  'qa_scheme_version',
  'qa_topic',
  'qa_job',
  'qa_sampling_plan',
  'qa_rule_comment',
];

/** Outputs of the portrait rebuild (and the stale/pending marks): the bench recomputes them. */
export const EMPTIED = [
  'customer_portrait',
  'subject_portrait',
  'portrait_dirty',
  'portrait_source_state',
  'qa_pending',
  'credit_ledger',
  'consumption_month',
  'consumption_daily_summary',
  'consumption_peer',
  'consumption_peer_month',
  'consumption_profile',
];

/** Identity columns whose base maximum is the offset unit of that id. */
export const IDS = {
  customer: 'customer_id',
  trace: 'trace_id',
  portrait_note: 'note_id',
  qa_result: 'result_id',
  qa_hit: 'hit_id',
  qa_review: 'review_id',
  qa_appeal: 'appeal_id',
  qa_appeal_decision: 'decision_id',
  qa_sample: 'sample_id',
  qa_case_library: 'entry_id',
} as const;
export type IdTable = keyof typeof IDS;

/** How copy k rewrites a value; g.k is the copy number, from the statement's generate_series. */
export interface Maps {
  id(table: IdTable, column: string): string;
  customerNo(column: string): string;
  meterNo(column: string): string;
}
export const suffix = (column: string) => `${column} || '~' || g.k`;

export interface CloneSpec {
  table: string;
  /** Which base rows are customer-level (default: all). */
  where?: string;
  /** Column → expression for copy k; other columns are copied unchanged. */
  set(m: Maps): Record<string, string>;
}

const customerOutages = "SELECT outage_id FROM outage WHERE scope_level = 'customer'";

// Order matters only where a `where` reads another table's base rows (trace_key before trace).
export const CLONED: CloneSpec[] = [
  {
    table: 'customer',
    set: (m) => ({
      customer_id: m.id('customer', 'customer_id'),
      customer_no: m.customerNo('customer_no'),
      phone: suffix('phone'),
      id_number: suffix('id_number'),
      wechat_id: suffix('wechat_id'),
    }),
  },
  { table: 'meter', set: (m) => ({ meter_no: m.meterNo('meter_no'), customer_id: m.id('customer', 'customer_id') }) },
  {
    table: 'customer_identity',
    set: (m) => ({
      customer_id: m.id('customer', 'customer_id'),
      value: `CASE kind WHEN 'customer_no' THEN ${m.customerNo('value')} WHEN 'meter_no' THEN ${m.meterNo('value')} ELSE ${suffix('value')} END`,
    }),
  },
  { table: 'bill', set: (m) => ({ customer_id: m.id('customer', 'customer_id') }) },
  { table: 'payment', set: (m) => ({ customer_id: m.id('customer', 'customer_id') }) },
  {
    table: 'credit_report',
    set: (m) => ({ customer_id: m.id('customer', 'customer_id'), report_no: suffix('report_no') }),
  },
  {
    table: 'meter_reading_month',
    set: (m) => ({ customer_id: m.id('customer', 'customer_id'), meter_no: m.meterNo('meter_no') }),
  },
  {
    table: 'work_order',
    set: (m) => ({
      order_no: suffix('order_no'),
      customer_id: m.id('customer', 'customer_id'),
      case_id: suffix('case_id'),
    }),
  },
  { table: 'work_order_status', set: () => ({ order_no: suffix('order_no') }) },
  {
    table: 'call',
    set: (m) => ({
      call_id: suffix('call_id'),
      customer_id: m.id('customer', 'customer_id'),
      case_id: suffix('case_id'),
      order_no: suffix('order_no'),
      caller_phone: suffix('caller_phone'),
    }),
  },
  { table: 'call_turn', set: () => ({ call_id: suffix('call_id') }) },
  // Notices name area and feeder outages (shared, kept) or a customer's own disconnection.
  {
    table: 'notice',
    set: (m) => ({
      notice_id: suffix('notice_id'),
      customer_id: m.id('customer', 'customer_id'),
      outage_id: `CASE WHEN outage_id IN (${customerOutages}) THEN ${suffix('outage_id')} ELSE outage_id END`,
    }),
  },
  {
    table: 'employee_operation',
    where: 'customer_id IS NOT NULL',
    set: (m) => ({
      operation_id: suffix('operation_id'),
      customer_id: m.id('customer', 'customer_id'),
      detail: `CASE WHEN detail->>'outage_id' IN (${customerOutages}) THEN jsonb_set(detail, '{outage_id}', to_jsonb(${suffix("(detail->>'outage_id')")})) ELSE detail END`,
    }),
  },
  // After notice and employee_operation, which look up the base's customer outages.
  {
    table: 'outage',
    where: "scope_level = 'customer'",
    set: (m) => ({ outage_id: suffix('outage_id'), scope_id: m.customerNo('scope_id') }),
  },
  {
    table: 'trace_key',
    where:
      'EXISTS (SELECT 1 FROM trace t WHERE t.trace_id = s.trace_id AND t.occurred_at = s.occurred_at AND t.customer_id IS NOT NULL)',
    set: (m) => ({ source_id: suffix('source_id'), trace_id: m.id('trace', 'trace_id') }),
  },
  {
    table: 'trace_revision',
    where:
      'EXISTS (SELECT 1 FROM trace t WHERE t.trace_id = s.trace_id AND t.occurred_at = s.occurred_at AND t.customer_id IS NOT NULL)',
    set: (m) => ({ trace_id: m.id('trace', 'trace_id') }),
  },
  // Staff-only traces (no customer) stay single; the month partitions already exist.
  {
    table: 'trace',
    where: 'customer_id IS NOT NULL',
    set: (m) => ({
      trace_id: m.id('trace', 'trace_id'),
      customer_id: m.id('customer', 'customer_id'),
      case_id: suffix('case_id'),
      source_id: suffix('source_id'),
    }),
  },
  {
    table: 'portrait_note',
    set: (m) => ({
      note_id: m.id('portrait_note', 'note_id'),
      customer_id: m.id('customer', 'customer_id'),
      supersedes: m.id('portrait_note', 'supersedes'),
    }),
  },
  {
    table: 'qa_result',
    set: (m) => ({ result_id: m.id('qa_result', 'result_id'), call_id: suffix('call_id') }),
  },
  {
    table: 'qa_hit',
    set: (m) => ({ hit_id: m.id('qa_hit', 'hit_id'), result_id: m.id('qa_result', 'result_id') }),
  },
  {
    table: 'qa_review',
    set: (m) => ({
      review_id: m.id('qa_review', 'review_id'),
      result_id: m.id('qa_result', 'result_id'),
      call_id: suffix('call_id'),
    }),
  },
  {
    table: 'qa_appeal',
    set: (m) => ({
      appeal_id: m.id('qa_appeal', 'appeal_id'),
      hit_id: m.id('qa_hit', 'hit_id'),
      result_id: m.id('qa_result', 'result_id'),
      call_id: suffix('call_id'),
    }),
  },
  {
    table: 'qa_appeal_decision',
    set: (m) => ({
      decision_id: m.id('qa_appeal_decision', 'decision_id'),
      appeal_id: m.id('qa_appeal', 'appeal_id'),
    }),
  },
  { table: 'qa_sample', set: (m) => ({ sample_id: m.id('qa_sample', 'sample_id'), call_id: suffix('call_id') }) },
  {
    table: 'qa_case_library',
    set: (m) => ({ entry_id: m.id('qa_case_library', 'entry_id'), call_id: suffix('call_id') }),
  },
];
