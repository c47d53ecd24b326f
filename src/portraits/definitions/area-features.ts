import type { FeatureDef } from '../engine/types.js';
import { type Def, f, FAULT, MINUTES, QUARTER, ratio, YEAR } from './area-feature-kit.js';
import { EQUIPMENT_FEATURES } from './area-features-equipment.js';
import { type AreaKind, OUTAGE_MINUTES } from './area-sources.js';
import { CUSTOMER_TAGS } from './customer-tags.js';

/**
 * Area and equipment statistic points (E4): the same definitions for transformer areas,
 * feeders, grids and supply stations, grouped in five dimensions — equipment quality 设备质量,
 * outages 停电情况, demand and complaints 诉求投诉, customer mix 客户构成, staff risk 人员风险.
 * Counts that grow with an area's size are also given per customer (SAIFI/SAIDI style) or
 * per 1,000 customers, so a grid and a transformer area are judged on one scale.
 * Windows: 365 days unless the code says otherwise. Norms from REQUIREMENTS N.
 */
/** A fault restored more than 5 h after it began: past the urban norm (45 min to arrive + 3 h)
 * by over an hour and within half an hour of the rural one (90 min + 4 h). */
export const SLOW_RESTORATION_MINUTES = 300;
const SLOW = `${FAULT} AND ${OUTAGE_MINUTES} > ${SLOW_RESTORATION_MINUTES}`;
/** Planned outages must be announced ≥ 7 days ahead. */
const SHORT_NOTICE =
  "ao.kind = 'planned' AND (ao.announced_at IS NULL OR coalesce(ao.planned_start, ao.started_at) - ao.announced_at < interval '7 days')";
const COMPLAINT = "aw.order_type = 'complaint'";
const OUTAGE_TOPICS = "('outage', 'outage_notice', 'repair_timeliness', 'power_quality')";

/** Customer tags of the sensitivity dimension (停电敏感, 电费敏感 …), read from the customer catalog. */
export const SENSITIVE_TAGS = CUSTOMER_TAGS.filter((t) => t.dimension === 'sensitivity').map((t) => t.code);
/** Customers likely to escalate a grievance: repeat complainers, emotional, escalation-prone. */
export const VOLATILE_TAGS = ['repeat_complainer', 'emotional', 'escalation_prone', 'dissatisfied'];
const tagArray = (codes: readonly string[]) => `ARRAY[${codes.map((c) => `'${c}'`).join(', ')}]::text[]`;

const outage: Def[] = [
  f('outages_12m', 'outage', '停电次数(12月)', 'Outages (12 m, planned and fault)', {
    source: 'outage',
    where: "ao.kind IN ('fault', 'planned')",
    windowDays: YEAR,
  }),
  f('planned_outages_12m', 'outage', '计划停电次数(12月)', 'Planned outages (12 m)', {
    source: 'outage',
    where: "ao.kind = 'planned'",
    windowDays: YEAR,
  }),
  f('outage_minutes_12m', 'outage', '停电总时长(12月)', 'Outage minutes (12 m)', {
    source: 'outage',
    aggregate: 'sum',
    value: OUTAGE_MINUTES,
    where: "ao.kind IN ('fault', 'planned')",
    windowDays: YEAR,
    unit: MINUTES,
  }),
  f('fault_minutes_12m', 'outage', '故障停电时长(12月)', 'Fault outage minutes (12 m)', {
    source: 'outage',
    aggregate: 'sum',
    value: OUTAGE_MINUTES,
    where: FAULT,
    windowDays: YEAR,
    unit: MINUTES,
  }),
  f('max_fault_minutes_12m', 'outage', '最长故障停电时长', 'Longest fault outage', {
    source: 'outage',
    aggregate: 'max',
    value: OUTAGE_MINUTES,
    where: FAULT,
    windowDays: YEAR,
    unit: MINUTES,
  }),
  f('customer_interruption_minutes_12m', 'outage', '停电影响户时(分钟)', 'Customer interruption minutes (12 m)', {
    source: 'outage',
    aggregate: 'sum',
    value: `ao.customers * ${OUTAGE_MINUTES}`,
    where: "ao.kind IN ('fault', 'planned')",
    windowDays: YEAR,
  }),
  f('fault_customer_minutes_12m', 'outage', '故障停电影响户时(分钟)', 'Customer minutes of fault outages (12 m)', {
    source: 'outage',
    aggregate: 'sum',
    value: `ao.customers * ${OUTAGE_MINUTES}`,
    where: FAULT,
    windowDays: YEAR,
  }),
  ratio(
    'fault_saidi_minutes_12m',
    'outage',
    '户均故障停电时长',
    'Fault outage minutes per customer (12 m)',
    'fault_customer_minutes_12m',
    'customers',
  ),
  ratio(
    'saidi_minutes_12m',
    'outage',
    '户均停电时长',
    'Outage minutes per customer (SAIDI, 12 m)',
    'customer_interruption_minutes_12m',
    'customers',
  ),
  f('slow_restorations_12m', 'outage', '抢修复电超时次数', 'Slow restorations (faults over 5 h, 12 m)', {
    source: 'outage',
    where: SLOW,
    windowDays: YEAR,
  }),
  f('slow_restoration_customers_12m', 'outage', '复电超时影响户次', 'Customers reached by slow restorations', {
    source: 'outage',
    aggregate: 'sum',
    value: 'ao.customers',
    where: SLOW,
    windowDays: YEAR,
  }),
  ratio(
    'slow_restoration_exposure_12m',
    'outage',
    '户均复电超时次数',
    'Slow restorations per customer (12 m)',
    'slow_restoration_customers_12m',
    'customers',
  ),
  f('short_notice_planned_12m', 'outage', '计划停电通知不足7天', 'Planned outages announced < 7 days ahead', {
    source: 'outage',
    where: SHORT_NOTICE,
    windowDays: YEAR,
  }),
];

const demand: Def[] = [
  f('requests_12m', 'demand', '诉求总数(12月)', '95598 requests (12 m)', { source: 'work_order', windowDays: YEAR }),
  f('complaints_12m', 'demand', '投诉数(12月)', 'Complaints (12 m)', {
    source: 'work_order',
    where: COMPLAINT,
    windowDays: YEAR,
  }),
  f('complaints_90d', 'demand', '投诉数(90天)', 'Complaints (90 d)', {
    source: 'work_order',
    where: COMPLAINT,
    windowDays: QUARTER,
  }),
  f('substantiated_complaints_12m', 'demand', '属实投诉数', 'Substantiated complaints (12 m)', {
    source: 'work_order',
    where: `${COMPLAINT} AND aw.substantiated`,
    windowDays: YEAR,
  }),
  f('outage_complaints_12m', 'demand', '停电类投诉数', 'Outage-related complaints (12 m)', {
    source: 'work_order',
    where: `${COMPLAINT} AND aw.topic_code IN ${OUTAGE_TOPICS}`,
    windowDays: YEAR,
  }),
  f('repairs_12m', 'demand', '故障报修数(12月)', 'Repair requests (12 m)', {
    source: 'work_order',
    where: "aw.order_type = 'repair'",
    windowDays: YEAR,
  }),
  f('overdue_repairs_12m', 'demand', '抢修超时工单数', 'Repair orders past their deadline (12 m)', {
    source: 'work_order',
    where:
      "aw.order_type = 'repair' AND aw.sla_deadline IS NOT NULL AND least(coalesce(aw.handled_at, $1::timestamptz), $1::timestamptz) > aw.sla_deadline",
    windowDays: YEAR,
  }),
  f('satisfaction_avg_12m', 'demand', '客户评价均分', 'Average customer rating (12 m)', {
    source: 'work_order',
    aggregate: 'avg',
    value: 'aw.satisfaction',
    where: 'aw.satisfaction IS NOT NULL',
    windowDays: YEAR,
  }),
  f('escalations_12m', 'demand', '越级投诉数', 'Escalations (12 m)', {
    source: 'trace',
    where: "atr.trace_type = 'work_order_created' AND atr.attributes ? 'escalated_to'",
    windowDays: YEAR,
  }),
  f('social_posts_12m', 'demand', '舆情发帖数', 'Social-media posts (12 m)', {
    source: 'trace',
    where: "atr.trace_type = 'social_post'",
    windowDays: YEAR,
  }),
  f('arrears_disconnections_12m', 'demand', '欠费停电户次', 'Arrears disconnections (12 m)', {
    source: 'trace',
    where: "atr.trace_type = 'disconnection'",
    windowDays: YEAR,
  }),
  ratio(
    'complaints_per_1000_12m',
    'demand',
    '千户投诉数',
    'Complaints per 1,000 customers (12 m)',
    'complaints_12m',
    'customers_thousands',
  ),
  ratio(
    'repairs_per_1000_12m',
    'demand',
    '千户报修数',
    'Repair requests per 1,000 customers (12 m)',
    'repairs_12m',
    'customers_thousands',
  ),
  ratio(
    'outage_complaints_per_1000_12m',
    'demand',
    '千户停电类投诉数',
    'Outage complaints per 1,000 customers (12 m)',
    'outage_complaints_12m',
    'customers_thousands',
  ),
];

const customerMix: Def[] = [
  f('customers', 'customer_mix', '客户数', 'Customers', { source: 'customer' }),
  f('customers_thousands', 'customer_mix', '客户数(千户)', 'Customers (thousands)', {
    source: 'customer',
    aggregate: 'sum',
    value: '0.001',
  }),
  f('important_customers', 'customer_mix', '重要/高危客户数', 'Important / high-risk customers', {
    source: 'customer',
    where: 'acu.important',
  }),
  f('special_customers', 'customer_mix', '特殊客户数', 'Special customers', {
    source: 'customer',
    where: 'acu.special',
  }),
  f('non_residential_customers', 'customer_mix', '非居民客户数', 'Non-residential customers', {
    source: 'customer',
    where: "acu.customer_type = 'non_residential'",
  }),
  f('sensitive_customers', 'customer_mix', '敏感客户数', 'Sensitive customers', {
    source: 'customer_portrait',
    where: `acp.tags && ${tagArray(SENSITIVE_TAGS)}`,
    description: {
      zh: `当前画像带敏感度标签（${SENSITIVE_TAGS.join('、')}）的客户`,
      en: `Customers whose portrait holds a sensitivity tag (${SENSITIVE_TAGS.join(', ')})`,
    },
  }),
  ratio(
    'sensitive_share',
    'customer_mix',
    '敏感客户占比',
    'Share of sensitive customers',
    'sensitive_customers',
    'customers',
  ),
  f('outage_sensitive_customers', 'customer_mix', '停电敏感客户数', 'Outage-sensitive customers', {
    source: 'customer_portrait',
    where: "'outage_sensitive' = ANY(acp.tags)",
  }),
  f('volatile_customers', 'customer_mix', '易升级客户数', 'Customers likely to escalate', {
    source: 'customer_portrait',
    where: `acp.tags && ${tagArray(VOLATILE_TAGS)}`,
    description: {
      zh: `当前画像带${VOLATILE_TAGS.join('、')}标签的客户`,
      en: `Customers whose portrait holds ${VOLATILE_TAGS.join(', ')}`,
    },
  }),
  f('high_influence_customers', 'customer_mix', '高社会影响力客户数', 'High social-influence customers', {
    source: 'customer_portrait',
    where: "acp.tags && ARRAY['high_social_influence', 'special_customer']::text[]",
  }),
];

const staff: Def[] = [
  f('staff', 'staff', '服务人员数', 'Staff serving the area', { source: 'staff' }),
  f('staff_violation_risk', 'staff', '违规操作风险人员数', 'Staff with operation violation risk', {
    source: 'staff',
    where: "'violation_risk' = ANY(ast.tags)",
  }),
  f('staff_complaint_prone', 'staff', '投诉高发人员数', 'Complaint-prone staff', {
    source: 'staff',
    where: "ast.tags && ARRAY['complaint_prone', 'attitude_issue']::text[]",
  }),
  f('staff_low_star', 'staff', '低星级人员数(≤2星)', 'Staff rated 2 stars or fewer', {
    source: 'staff',
    where: "(ast.grades->>'star_rating')::int <= 2",
  }),
  f('staff_avg_stars', 'staff', '人员平均星级', 'Average star rating of the staff', {
    source: 'staff',
    aggregate: 'avg',
    value: "(ast.grades->>'star_rating')::numeric",
  }),
  f('staff_operation_violations_12m', 'staff', '人员违规操作数', 'Operation violations by the staff (12 m)', {
    source: 'staff',
    aggregate: 'sum',
    value: "coalesce((ast.features->>'operation_violations_12m')::numeric, 0)",
  }),
  f(
    'staff_substantiated_complaints_12m',
    'staff',
    '人员属实投诉数',
    'Substantiated complaints against the staff (12 m)',
    {
      source: 'staff',
      aggregate: 'sum',
      value: "coalesce((ast.features->>'substantiated_complaints_12m')::numeric, 0)",
    },
  ),
];

const ALL: Def[] = [...EQUIPMENT_FEATURES, ...outage, ...demand, ...customerMix, ...staff];

export function areaFeatures(kind: AreaKind): FeatureDef[] {
  return ALL.map((def) => def(kind));
}
