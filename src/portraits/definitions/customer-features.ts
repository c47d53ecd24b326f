/** Customer features from payments, bills, notices, calls, QA results, the credit ledger, consumption and the customer record (kit: customer-feature-kit.ts). */
import type { FeatureDef } from '../engine/types.js';
import { f, workOrderWhere, YEAR } from './customer-feature-kit.js';
import { CONTACT_FEATURES } from './customer-features-contacts.js';
import { PAYMENT_DAYS_LATE } from './customer-sources.js';

/** The hotlines and media a customer threatens to take the case to (12398 regulator, 12345 mayor's line). */
const THREAT_WORDS =
  "(ct.text ~ '(市长热线|曝光|找媒体|上级部门|能源局)' OR ct.text ~ '(^|[^0-9])(12398|12345)([^0-9]|$)')";

export const CUSTOMER_FEATURES: FeatureDef[] = [
  ...CONTACT_FEATURES,
  // --- Payments and bills (电费) ---
  f('payments_12m', '缴费笔数(12月)', 'Payments (12 m)', { source: 'payment', windowDays: YEAR }),
  f('late_payments_12m', '逾期缴费笔数(12月)', 'Late payments (12 m)', {
    source: 'payment',
    where: `${PAYMENT_DAYS_LATE} > 0`,
    windowDays: YEAR,
  }),
  f('late_payments_major_12m', '逾期超10天笔数(12月)', 'Payments over 10 days late (12 m)', {
    source: 'payment',
    where: `${PAYMENT_DAYS_LATE} > 10`,
    windowDays: YEAR,
  }),
  f('late_payment_share_12m', '逾期缴费占比(12月)', 'Share of payments late (12 m)', {
    source: 'payment',
    aggregate: 'share',
    where: `${PAYMENT_DAYS_LATE} > 0`,
    windowDays: YEAR,
  }),
  f('max_days_late_12m', '最长逾期天数(12月)', 'Longest delay in days (12 m)', {
    source: 'payment',
    aggregate: 'max',
    value: PAYMENT_DAYS_LATE,
    windowDays: YEAR,
  }),
  f('avg_days_late_12m', '平均逾期天数(12月)', 'Average delay in days (12 m)', {
    source: 'payment',
    aggregate: 'avg',
    value: `greatest(${PAYMENT_DAYS_LATE}, 0)`,
    windowDays: YEAR,
  }),
  f('auto_debit_share_12m', '代扣缴费占比(12月)', 'Auto-debit share (12 m)', {
    source: 'payment',
    aggregate: 'share',
    where: "p.channel = 'auto_debit'",
    windowDays: YEAR,
  }),
  f('online_payment_share_12m', '线上缴费占比(12月)', 'Online payment share (12 m)', {
    source: 'payment',
    aggregate: 'share',
    where: "p.channel IN ('app', 'wechat', 'alipay')",
    windowDays: YEAR,
  }),
  f('counter_payment_share_12m', '柜台缴费占比(12月)', 'Counter payment share (12 m)', {
    source: 'payment',
    aggregate: 'share',
    where: "p.channel IN ('hall', 'bank_counter')",
    windowDays: YEAR,
  }),
  f('bills_12m', '账单数(12月)', 'Bills (12 m)', { source: 'bill', windowDays: YEAR }),
  f('bill_amount_avg_12m', '月均电费(元)', 'Average bill (yuan)', {
    source: 'bill',
    aggregate: 'avg',
    value: 'b.amount',
    windowDays: YEAR,
  }),
  f('bill_amount_max_12m', '最高月电费(元)', 'Highest bill (yuan)', {
    source: 'bill',
    aggregate: 'max',
    value: 'b.amount',
    windowDays: YEAR,
  }),
  f('bill_kwh_12m', '年用电量(kWh)', 'Annual kWh', {
    source: 'bill',
    aggregate: 'sum',
    value: 'b.kwh',
    windowDays: YEAR,
  }),
  f('arrears_reminders_12m', '催费通知数(12月)', 'Arrears reminders (12 m)', {
    source: 'notice',
    where: "n.topic IN ('arrears_reminder', 'disconnection_notice')",
    windowDays: YEAR,
  }),

  // --- Calls ---
  f('calls_12m', '通话数(12月)', 'Calls (12 m)', {
    source: 'call',
    where: "c.direction = 'inbound'",
    windowDays: YEAR,
  }),
  f('avg_call_minutes_12m', '平均通话时长(分)', 'Average call minutes', {
    source: 'call',
    aggregate: 'avg',
    value: 'extract(epoch FROM (c.ended_at - c.started_at)) / 60',
    windowDays: YEAR,
  }),

  // --- Quality inspection of the customer's calls (qa_result, current routine results) ---
  f('inspected_calls_12m', '质检通话数(12月)', 'Inspected calls (12 m)', { source: 'qa_call', windowDays: YEAR }),
  f('angry_contacts_12m', '情绪激动通话数(12月)', 'Calls with an angry customer (12 m)', {
    source: 'qa_call',
    where: 'q.angry_customer',
    windowDays: YEAR,
  }),
  f('angry_routine_calls_12m', '非投诉通话情绪激动数(12月)', 'Angry in a call that was no complaint (12 m)', {
    source: 'qa_call',
    // Anger over a grievance is understandable; anger over a question or a repair is temper.
    where: `q.angry_customer AND NOT ${workOrderWhere('aw', 'qc.order_no', "aw.order_type = 'complaint'")}`,
    windowDays: YEAR,
    version: 2,
  }),
  f(
    'escalation_threats_routine_12m',
    '非投诉通话扬言越级数(12月)',
    'Escalation threats in a call that was no complaint (12 m)',
    {
      source: 'call_turn',
      aggregate: 'distinct',
      value: 'ct.call_id',
      windowDays: YEAR,
      // Threatening 12398 or the media over a question or a repair, not a grievance, is a habit.
      where: `ct.speaker = 'customer' AND ${THREAT_WORDS} AND NOT ${workOrderWhere('tw', 'tc.order_no', "tw.order_type = 'complaint'")}`,
      version: 2,
    },
  ),
  f('escalation_threats_12m', '扬言越级投诉通话数(12月)', 'Calls threatening escalation (12 m)', {
    source: 'call_turn',
    aggregate: 'distinct',
    value: 'ct.call_id',
    windowDays: YEAR,
    version: 2,
    where: `ct.speaker = 'customer' AND ${THREAT_WORDS}`,
  }),

  // --- Credit ledger and consumption pattern (their own engines write these tables) ---
  f('credit_score', '信用分', 'Credit score', { source: 'credit', aggregate: 'value', value: 'cl.score_after' }),
  f('third_party_dishonest_12m', '第三方失信记录(12月)', 'Third-party dishonesty records (12 m)', {
    source: 'credit_report',
    where: "cr.verdict = 'dishonest'",
    windowDays: YEAR,
  }),
  f('avg_daily_kwh', '日均用电量(kWh)', 'Average daily kWh', {
    source: 'consumption',
    aggregate: 'value',
    value: 'cp.avg_daily_kwh',
  }),
  f('level_vs_peers', '用电水平(对比同台区)', 'Consumption vs area peers', {
    source: 'consumption',
    aggregate: 'value',
    value: 'cp.level_vs_peers',
  }),
  f('peak_share', '峰段电量占比', 'Peak share', { source: 'consumption', aggregate: 'value', value: 'cp.peak_share' }),
  f('valley_share', '谷段电量占比', 'Valley share', {
    source: 'consumption',
    aggregate: 'value',
    value: 'cp.valley_share',
  }),
  f('consumption_trend_pct', '用电月度趋势(%)', 'Monthly consumption trend (%)', {
    source: 'consumption',
    aggregate: 'value',
    value: 'cp.trend_slope_pct',
  }),
  f('seasonality', '季节性', 'Seasonality', { source: 'consumption', aggregate: 'value', value: 'cp.seasonality' }),
  f('zero_run_max_days', '最长零电量天数', 'Longest zero-use run (days)', {
    source: 'consumption',
    aggregate: 'value',
    value: 'cp.zero_run_max_days',
  }),
  f('recent_vs_peers', '近期用电对比同台区变化', 'Recent use vs area peers', {
    source: 'consumption',
    aggregate: 'value',
    value: 'cp.recent_vs_peers',
  }),
  f('power_factor_avg', '平均功率因数', 'Average power factor', {
    source: 'consumption',
    aggregate: 'value',
    value: 'cp.power_factor_avg',
  }),
  f('sudden_sustained_drop', '用电突降且持续', 'Sudden sustained drop', {
    source: 'consumption',
    aggregate: 'value',
    value: "('sudden_sustained_drop' = ANY(cp.patterns))::int",
  }),
  f('long_zero_use', '长期零电量', 'Long zero use', {
    source: 'consumption',
    aggregate: 'value',
    value: "('long_zero_use' = ANY(cp.patterns))::int",
  }),
  f('low_power_factor', '功率因数偏低', 'Low power factor', {
    source: 'consumption',
    aggregate: 'value',
    value: "('low_power_factor' = ANY(cp.patterns))::int",
  }),
  f('high_peak_share', '峰段用电偏高', 'High peak share', {
    source: 'consumption',
    aggregate: 'value',
    value: "('high_peak_share' = ANY(cp.patterns))::int",
  }),
  f('readings_stopped', '采集中断', 'Readings stopped', {
    source: 'consumption',
    aggregate: 'value',
    value: "('readings_stopped' = ANY(cp.patterns))::int",
  }),
  f('days_behind_peers', '读数落后同台区天数', 'Days of readings behind the area', {
    source: 'consumption',
    aggregate: 'value',
    value: 'cp.days_behind_peers',
  }),
  f('rising_consumption', '用电持续上升', 'Rising consumption', {
    source: 'consumption',
    aggregate: 'value',
    value: "('rising' = ANY(cp.patterns))::int",
  }),

  // --- Customer record ---
  f('important', '重要/高危客户', 'Important / high-risk', {
    source: 'customer',
    aggregate: 'value',
    value: 'cu.important::int',
  }),
  f('special', '特殊客户', 'Special customer', { source: 'customer', aggregate: 'value', value: 'cu.special::int' }),
  f('public_figure', '公众人物', 'Public figure', {
    source: 'customer',
    aggregate: 'value',
    value: "(cu.special_category = 'public_figure')::int",
  }),
  f('non_residential', '非居民客户', 'Non-residential', {
    source: 'customer',
    aggregate: 'value',
    value: "(cu.customer_type = 'non_residential')::int",
  }),
  f('contract_capacity_kva', '合同容量(kVA)', 'Contract capacity (kVA)', {
    source: 'customer',
    aggregate: 'value',
    value: 'cu.contract_capacity_kva',
  }),

  // --- Derived ---
  f('outage_contact_rate_12m', '停电后来电率', 'Outage contact rate', {
    source: 'derived',
    aggregate: 'ratio',
    ratioOf: { numerator: 'outage_contacts_12m', denominator: 'outages_experienced_12m' },
  }),
  f('fault_repair_rate_12m', '故障停电报修率', 'Repair requests per fault outage', {
    source: 'derived',
    aggregate: 'ratio',
    ratioOf: { numerator: 'outage_repairs_12m', denominator: 'fault_outages_12m' },
  }),
  f('escalation_share_12m', '越级投诉占投诉比', 'Escalations per complaint', {
    source: 'derived',
    aggregate: 'ratio',
    ratioOf: { numerator: 'escalations_12m', denominator: 'complaints_12m' },
  }),
  f('complaint_topic_spread_12m', '投诉问题分散度(12月)', 'Complaint topics per complaint (12 m)', {
    // 1 when every complaint was about a different grievance; low when one keeps coming back.
    source: 'derived',
    aggregate: 'ratio',
    ratioOf: { numerator: 'complaint_topics_12m', denominator: 'complaints_12m' },
  }),
  f('outage_event_contact_rate_12m', '停电来电率', 'Contacts per planned or fault outage', {
    source: 'derived',
    aggregate: 'ratio',
    ratioOf: { numerator: 'outage_event_contacts_12m', denominator: 'service_outages_12m' },
  }),
  f('escalation_threat_share_12m', '扬言越级通话占投诉比', 'Escalation threats per complaint', {
    source: 'derived',
    aggregate: 'ratio',
    ratioOf: { numerator: 'escalation_threats_12m', denominator: 'complaints_12m' },
  }),
  f('angry_call_share_12m', '情绪激动通话占比', 'Share of calls with anger', {
    source: 'derived',
    aggregate: 'ratio',
    ratioOf: { numerator: 'angry_contacts_12m', denominator: 'inspected_calls_12m' },
  }),
  f('unsubstantiated_share_12m', '不属实投诉占比', 'Unsubstantiated share of complaints', {
    source: 'derived',
    aggregate: 'ratio',
    ratioOf: { numerator: 'unsubstantiated_complaints_12m', denominator: 'complaints_12m' },
  }),
];
