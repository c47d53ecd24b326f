import type { Aggregate, FeatureDef, Names } from '../engine/types.js';

/**
 * Customer features (特征). Windows: 365 days unless the code says otherwise (`_90d`).
 * Bump `version` when a definition's meaning changes (definitions.lock.json guards it).
 */
export type Spec = Omit<FeatureDef, 'code' | 'subject' | 'name' | 'version' | 'aggregate'> & {
  aggregate?: Aggregate;
  version?: number;
};
export const f = (code: string, zh: string, en: string, spec: Spec): FeatureDef => ({
  code,
  subject: 'customer',
  name: { zh, en } satisfies Names,
  version: 1,
  aggregate: 'count',
  ...spec,
});

/**
 * The changes that can alter a work order after its creation trace: its status traces, and a
 * change to the row itself (upheld or not, satisfaction, closing time; migration 0031).
 */
export const WORK_ORDER_CHANGES = [
  'work_order',
  'trace:work_order_created',
  'trace:work_order_status',
  'trace:dispatch',
  'trace:field_arrival',
  'trace:field_feedback',
  'trace:callback',
] as const;

export const YEAR = 365;
export const QUARTER = 90;
export const OUTAGE_TOPICS = "('outage', 'outage_notice', 'repair_timeliness', 'power_quality')";
export const FEE_TOPICS = "('fee', 'billing_error', 'time_of_use')";
export const INBOUND = "t.direction = 'inbound' AND t.trace_type NOT IN ('payment', 'app_login', 'website_visit')";

/**
 * Whether the work order numbered `orderNo` exists and meets `condition` (over alias `alias`),
 * as a condition a feature's `where` can use. OFFSET 0 keeps the look-up one index probe per
 * row that reaches it: without it the planner may hash every matching work order of the world
 * once per statement (150,000 complaints read for each part of 2,500 customers at 500,000),
 * a cost that grows with the world while the rows asking stay few.
 */
export const workOrderWhere = (alias: string, orderNo: string, condition: string): string =>
  `EXISTS (SELECT 1 FROM work_order ${alias} WHERE ${alias}.order_no = ${orderNo} AND ${condition} OFFSET 0)`;
