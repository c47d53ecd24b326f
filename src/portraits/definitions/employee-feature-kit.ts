import type { Aggregate, FeatureDef, Names, TagDimension } from '../engine/types.js';

/**
 * Employee statistic points (员工画像统计点, E1) in the five aspects of seed 000: personal
 * info 个人信息, business capability 业务能力, service capability 服务能力, complaint record
 * 投诉记录, real-time status 实时状态. 95598 agents get the same frame plus the call and
 * quality-inspection points (sources `call`, `qa`, `qa_hit`). Windows: 365 days unless the
 * code says otherwise. Norms from REQUIREMENTS N.
 */
export type Spec = Omit<FeatureDef, 'code' | 'subject' | 'name' | 'version' | 'aggregate' | 'aspect'> & {
  aggregate?: Aggregate;
  version?: number;
};
export const f = (code: string, aspect: TagDimension, zh: string, en: string, spec: Spec): FeatureDef => ({
  code,
  subject: 'employee',
  name: { zh, en } satisfies Names,
  aspect,
  version: 1,
  aggregate: 'count',
  ...spec,
});

export const YEAR = 365;
export const QUARTER = 90;
export const MONTH = 30;
export const DAY = 1;
export const HOURS = { zh: '小时', en: 'h' };
export const MINUTES = { zh: '分钟', en: 'min' };
export const DAYS = { zh: '天', en: 'd' };
export const SHARE = { zh: '占比', en: 'share' };

/** Work the systems record besides logging in and out. */
export const WORK_OPS = "eo.operation NOT IN ('login', 'logout')";
/** Operations whose hour is the employee's choice: reconnections run around the clock after
 * payment (24 h service) and the collection system's reading rounds run by schedule. */
export const CHOSEN_HOUR_OPS = "eo.operation NOT IN ('login', 'logout', 'reconnection', 'meter_reading')";
export const NO_NOTICE = "eo.operation = 'disconnection' AND eo.notice_lead_days IS NULL";
export const SHORT_NOTICE = "eo.operation = 'disconnection' AND eo.notice_lead_days < 7";
export const LATE_RECONNECT = "eo.operation = 'reconnection' AND eo.reconnect_hours > 24";
export const VIOLATION = `((${NO_NOTICE}) OR (${SHORT_NOTICE}) OR (${LATE_RECONNECT}))`;
export const COMPLAINT = "wo.order_type = 'complaint'";
/** Handled after the deadline, or not handled by the as-of time with the deadline passed. */
export const OVERDUE =
  'wo.sla_deadline IS NOT NULL AND least(coalesce(wo.handled_at, $1::timestamptz), $1::timestamptz) > wo.sla_deadline';
export const OPEN_NOW = '(wo.closed_at IS NULL OR wo.closed_at > $1::timestamptz)';
export const UNHANDLED_NOW = '(wo.handled_at IS NULL OR wo.handled_at > $1::timestamptz)';
