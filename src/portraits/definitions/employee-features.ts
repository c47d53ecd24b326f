import type { FeatureDef } from '../engine/types.js';
import {
  COMPLAINT,
  DAY,
  DAYS,
  f,
  HOURS,
  MONTH,
  OPEN_NOW,
  QUARTER,
  SHARE,
  UNHANDLED_NOW,
  WORK_OPS,
  YEAR,
} from './employee-feature-kit.js';
import { SERVICE_FEATURES } from './employee-features-service.js';
import { BUSINESS_FEATURES, PERSONAL_FEATURES } from './employee-features-work.js';

const complaint: FeatureDef[] = [
  f('complaints_12m', 'complaint', '被投诉次数(12月)', 'Complaints against (12 m)', {
    source: 'work_order',
    where: COMPLAINT,
    windowDays: YEAR,
  }),
  f('complaints_90d', 'complaint', '被投诉次数(90天)', 'Complaints against (90 d)', {
    source: 'work_order',
    where: COMPLAINT,
    windowDays: QUARTER,
  }),
  f('complaints_30d', 'complaint', '被投诉次数(30天)', 'Complaints against (30 d)', {
    source: 'work_order',
    where: COMPLAINT,
    windowDays: MONTH,
  }),
  f('substantiated_complaints_12m', 'complaint', '属实投诉数(12月)', 'Substantiated complaints (12 m)', {
    source: 'work_order',
    where: `${COMPLAINT} AND wo.substantiated`,
    windowDays: YEAR,
  }),
  f('substantiated_complaints_90d', 'complaint', '属实投诉数(90天)', 'Substantiated complaints (90 d)', {
    source: 'work_order',
    where: `${COMPLAINT} AND wo.substantiated`,
    windowDays: QUARTER,
  }),
  f('unsubstantiated_complaints_12m', 'complaint', '不属实投诉数(12月)', 'Unsubstantiated complaints (12 m)', {
    source: 'work_order',
    where: `${COMPLAINT} AND wo.substantiated = false`,
    windowDays: YEAR,
  }),
  f('substantiated_rate_12m', 'complaint', '投诉属实率(12月)', 'Substantiated share of complaints (12 m)', {
    source: 'work_order',
    aggregate: 'share',
    where: `${COMPLAINT} AND wo.substantiated`,
    shareOf: `${COMPLAINT} AND wo.substantiated IS NOT NULL`,
    windowDays: YEAR,
    unit: SHARE,
  }),
  f('attitude_complaints_12m', 'complaint', '服务态度投诉数', 'Service-attitude complaints (12 m)', {
    source: 'work_order',
    where: `${COMPLAINT} AND wo.topic_code IN ('service_attitude', 'service_standard')`,
    windowDays: YEAR,
  }),
  f(
    'substantiated_attitude_complaints_12m',
    'complaint',
    '属实服务态度投诉数',
    'Substantiated attitude complaints (12 m)',
    {
      source: 'work_order',
      where: `${COMPLAINT} AND wo.substantiated AND wo.topic_code IN ('service_attitude', 'service_standard')`,
      windowDays: YEAR,
    },
  ),
  f(
    'substantiated_attitude_complaints_90d',
    'complaint',
    '属实服务态度投诉数(90天)',
    'Substantiated attitude complaints (90 d)',
    {
      source: 'work_order',
      where: `${COMPLAINT} AND wo.substantiated AND wo.topic_code IN ('service_attitude', 'service_standard')`,
      windowDays: QUARTER,
    },
  ),
  f('disconnection_complaints_12m', 'complaint', '停复电投诉数', 'Disconnection complaints (12 m)', {
    source: 'work_order',
    where: `${COMPLAINT} AND wo.topic_code = 'arrears_disconnection'`,
    windowDays: YEAR,
  }),
  f('escalated_complaints_12m', 'complaint', '越级投诉数', 'Escalated complaints (12 m)', {
    source: 'work_order',
    where: `${COMPLAINT} AND wo.escalated`,
    windowDays: YEAR,
  }),
  f('urgent_complaints_12m', 'complaint', '紧急投诉数', 'Urgent complaints (12 m)', {
    source: 'work_order',
    where: `${COMPLAINT} AND wo.urgency <> 'normal'`,
    windowDays: YEAR,
  }),
  f('complaint_customers_12m', 'complaint', '投诉客户数', 'Customers who complained (12 m)', {
    source: 'work_order',
    aggregate: 'distinct',
    value: 'wo.customer_id',
    where: COMPLAINT,
    windowDays: YEAR,
  }),
  f('complaint_topics_12m', 'complaint', '投诉问题类别数', 'Distinct complaint topics (12 m)', {
    source: 'work_order',
    aggregate: 'distinct',
    value: 'wo.topic_code',
    where: COMPLAINT,
    windowDays: YEAR,
  }),
  f('complaints_slope_12m', 'complaint', '投诉月度趋势', 'Monthly complaint trend (12 m)', {
    source: 'work_order',
    aggregate: 'slope',
    where: COMPLAINT,
    windowDays: YEAR,
    unit: { zh: '件/月', en: 'per month' },
  }),
  f('days_since_last_complaint', 'complaint', '距上次被投诉天数', 'Days since the last complaint', {
    source: 'work_order',
    aggregate: 'min',
    value: 'extract(epoch FROM ($1::timestamptz - wo.created_at)) / 86400',
    where: COMPLAINT,
    windowDays: YEAR,
    unit: DAYS,
  }),
  f('complaints_per_100_orders_12m', 'complaint', '百件工单投诉数', 'Complaints per 100 work orders', {
    source: 'derived',
    aggregate: 'ratio',
    ratioOf: { numerator: 'complaints_12m', denominator: 'orders_per_100_12m' },
  }),
  f(
    'substantiated_per_100_orders_12m',
    'complaint',
    '百件工单属实投诉数',
    'Substantiated complaints per 100 work orders',
    {
      source: 'derived',
      aggregate: 'ratio',
      ratioOf: { numerator: 'substantiated_complaints_12m', denominator: 'orders_per_100_12m' },
    },
  ),
  f('orders_per_100_12m', 'complaint', '责任工单数(百件)', 'Work orders (hundreds, 12 m)', {
    source: 'work_order',
    aggregate: 'sum',
    value: '0.01',
    windowDays: YEAR,
  }),
];

const realtime: FeatureDef[] = [
  f('online_now', 'realtime', '当前在线', 'Logged in now', {
    source: 'operation',
    aggregate: 'last',
    value: "(eo.operation = 'login')::int",
    where: "eo.operation IN ('login', 'logout')",
    windowDays: DAY,
    description: {
      zh: '24小时内最后一次登录/退出为登录',
      en: 'The last login or logout in the past 24 hours was a login',
    },
  }),
  f('hours_since_last_login', 'realtime', '距上次登录小时数', 'Hours since the last login', {
    source: 'operation',
    aggregate: 'min',
    value: 'extract(epoch FROM ($1::timestamptz - eo.at)) / 3600',
    where: "eo.operation = 'login'",
    windowDays: QUARTER,
    unit: HOURS,
  }),
  f('hours_since_last_operation', 'realtime', '距上次业务操作小时数', 'Hours since the last operation', {
    source: 'operation',
    aggregate: 'min',
    value: 'extract(epoch FROM ($1::timestamptz - eo.at)) / 3600',
    where: WORK_OPS,
    windowDays: QUARTER,
    unit: HOURS,
  }),
  f('operations_24h', 'realtime', '24小时业务操作数', 'Operations in the past 24 hours', {
    source: 'operation',
    where: WORK_OPS,
    windowDays: DAY,
  }),
  f('traces_24h', 'realtime', '24小时服务痕迹数', 'Traces in the past 24 hours', {
    source: 'trace',
    windowDays: DAY,
  }),
  f('active_days_30d', 'realtime', '近30天在岗天数', 'Days active in the past 30', {
    source: 'trace',
    aggregate: 'distinct',
    value: 'et.local_day',
    windowDays: MONTH,
  }),
  f('hours_since_last_trace', 'realtime', '距最近服务痕迹小时数', 'Hours since the last trace', {
    source: 'trace',
    aggregate: 'min',
    value: 'extract(epoch FROM ($1::timestamptz - et.occurred_at)) / 3600',
    windowDays: QUARTER,
    unit: HOURS,
  }),
  f('open_orders_now', 'realtime', '在办工单数', 'Work orders open now', {
    source: 'work_order',
    where: OPEN_NOW,
    windowDays: YEAR,
  }),
  f('overdue_open_orders_now', 'realtime', '超时未处理工单数', 'Unhandled work orders past their deadline', {
    source: 'work_order',
    where: `${UNHANDLED_NOW} AND wo.sla_deadline < $1::timestamptz`,
    windowDays: YEAR,
  }),
];

export const EMPLOYEE_FEATURES: FeatureDef[] = [
  ...PERSONAL_FEATURES,
  ...BUSINESS_FEATURES,
  ...SERVICE_FEATURES,
  ...complaint,
  ...realtime,
];
