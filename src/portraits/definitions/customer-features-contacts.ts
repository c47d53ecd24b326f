/** Customer features from 95598 work orders and from traces across channels. */
import type { FeatureDef } from '../engine/types.js';
import {
  FEE_TOPICS,
  f,
  INBOUND,
  OUTAGE_TOPICS,
  QUARTER,
  WORK_ORDER_CHANGES,
  workOrderWhere,
  YEAR,
} from './customer-feature-kit.js';

export const CONTACT_FEATURES: FeatureDef[] = [
  // --- Work orders (95598 诉求) ---
  f('outage_contacts_12m', '停电相关诉求数(12月)', 'Outage-related requests (12 m)', {
    source: 'work_order',
    where: `w.topic_code IN ${OUTAGE_TOPICS}`,
    windowDays: YEAR,
  }),
  f('outage_complaints_12m', '停电相关投诉数(12月)', 'Outage-related complaints (12 m)', {
    source: 'work_order',
    where: `w.order_type = 'complaint' AND w.topic_code IN ${OUTAGE_TOPICS}`,
    windowDays: YEAR,
  }),
  f('fee_contacts_12m', '电费相关诉求数(12月)', 'Fee-related requests (12 m)', {
    source: 'work_order',
    where: `w.topic_code IN ${FEE_TOPICS}`,
    windowDays: YEAR,
  }),
  f('fee_complaints_12m', '电费相关投诉数(12月)', 'Fee-related complaints (12 m)', {
    source: 'work_order',
    where: `w.order_type = 'complaint' AND w.topic_code IN ${FEE_TOPICS}`,
    windowDays: YEAR,
  }),
  f('fee_consultations_12m', '电费咨询数(12月)', 'Fee questions (12 m)', {
    source: 'work_order',
    where: `w.order_type <> 'complaint' AND w.topic_code IN ${FEE_TOPICS}`,
    windowDays: YEAR,
  }),
  f('outage_event_contacts_12m', '停电时来电数(12月)', 'Contacts about an outage (12 m)', {
    source: 'work_order',
    // Reports and questions about an outage itself (fault or announced), not voltage or grievances.
    where: "w.topic_code IN ('outage', 'outage_notice')",
    windowDays: YEAR,
  }),
  f('outage_schedule_enquiries_12m', '主动询问检修停电安排次数(12月)', 'Outage schedule enquiries (12 m)', {
    source: 'work_order',
    // Asking ahead whether maintenance is planned, or to be told before the next outage.
    where: "w.topic_code = 'outage_schedule'",
    windowDays: YEAR,
  }),
  f('complaints_12m', '投诉数(12月)', 'Complaints (12 m)', {
    source: 'work_order',
    where: "w.order_type = 'complaint'",
    windowDays: YEAR,
  }),
  f('complaints_90d', '投诉数(90天)', 'Complaints (90 d)', {
    source: 'work_order',
    where: "w.order_type = 'complaint'",
    windowDays: QUARTER,
  }),
  f('unsubstantiated_complaints_12m', '不属实投诉数(12月)', 'Unsubstantiated complaints (12 m)', {
    source: 'work_order',
    where: "w.order_type = 'complaint' AND w.substantiated = false",
    windowDays: YEAR,
  }),
  f('complaint_topics_12m', '投诉涉及问题类数(12月)', 'Distinct complaint topics (12 m)', {
    source: 'work_order',
    aggregate: 'distinct',
    value: 'w.topic_code',
    where: "w.order_type = 'complaint'",
    windowDays: YEAR,
  }),
  f('service_attitude_complaints_12m', '服务态度投诉数(12月)', 'Service-attitude complaints (12 m)', {
    source: 'work_order',
    where: "w.order_type = 'complaint' AND w.topic_code IN ('service_attitude', 'service_standard')",
    windowDays: YEAR,
  }),
  f('requests_12m', '95598诉求总数(12月)', '95598 requests (12 m)', { source: 'work_order', windowDays: YEAR }),
  f('requests_90d', '95598诉求总数(90天)', '95598 requests (90 d)', { source: 'work_order', windowDays: QUARTER }),
  f('outage_repairs_12m', '停电报修数(12月)', 'Outage repair requests (12 m)', {
    source: 'work_order',
    where: "w.order_type = 'repair' AND w.topic_code = 'outage'",
    windowDays: YEAR,
  }),
  f('planned_outage_contacts_12m', '计划停电诉求数(12月)', 'Planned-outage requests (12 m)', {
    source: 'work_order',
    where: "w.topic_code = 'outage_notice'",
    windowDays: YEAR,
  }),
  f('power_quality_contacts_12m', '电能质量诉求数(12月)', 'Power-quality requests (12 m)', {
    source: 'work_order',
    where: "w.topic_code = 'power_quality'",
    windowDays: YEAR,
  }),
  f('consultations_12m', '咨询数(12月)', 'Consultations (12 m)', {
    source: 'work_order',
    where: "w.order_type = 'consultation'",
    windowDays: YEAR,
  }),
  f('service_requests_12m', '服务申请数(12月)', 'Service requests (12 m)', {
    source: 'work_order',
    where: "w.order_type = 'service_request'",
    windowDays: YEAR,
  }),
  f('repairs_12m', '故障报修数(12月)', 'Repair requests (12 m)', {
    source: 'work_order',
    where: "w.order_type = 'repair'",
    windowDays: YEAR,
  }),
  f('opinions_12m', '意见建议数(12月)', 'Opinions (12 m)', {
    source: 'work_order',
    where: "w.order_type IN ('opinion', 'report')",
    windowDays: YEAR,
  }),
  f('grievance_opinions_12m', '意见诉求数(12月)', 'Opinions voiced (12 m)', {
    source: 'work_order',
    // 意见: dissatisfaction voiced without lodging a complaint (reports of theft are not it).
    where: "w.order_type = 'opinion'",
    windowDays: YEAR,
  }),
  f('praise_12m', '表扬数(12月)', 'Praise (12 m)', {
    source: 'work_order',
    where: "w.order_type = 'praise'",
    windowDays: YEAR,
  }),
  f('avg_satisfaction_12m', '平均满意度(12月)', 'Average satisfaction (12 m)', {
    source: 'work_order',
    aggregate: 'avg',
    value: 'w.satisfaction',
    where: 'w.satisfaction IS NOT NULL',
    windowDays: YEAR,
  }),
  f('low_satisfaction_12m', '不满意评价数(12月)', 'Dissatisfied ratings (12 m)', {
    source: 'work_order',
    where: 'w.satisfaction <= 2',
    windowDays: YEAR,
  }),
  f('requests_slope_12m', '诉求月度趋势(12月)', 'Monthly request trend (12 m)', {
    source: 'work_order',
    aggregate: 'slope',
    windowDays: YEAR,
    unit: { zh: '件/月', en: 'per month' },
  }),

  // --- Traces across channels ---
  f('escalations_12m', '越级投诉数(12月)', 'Escalations (12 m)', {
    source: 'trace',
    // A complaint of ours taken upwards, so that escalations per complaint stays a share; a
    // grievance that went to a hotline first is direct_escalations_12m.
    where: "t.trace_type = 'work_order_created' AND t.attributes ? 'escalated_to' AND t.attributes ? 'repeat_of'",
    windowDays: YEAR,
    version: 2,
  }),
  f('direct_escalations_12m', '直接向12345/12398反映数(12月)', 'Grievances taken straight to 12345/12398 (12 m)', {
    source: 'trace',
    // A hotline referral that opens its case: no complaint of ours came first.
    where: "t.trace_type = 'work_order_created' AND t.attributes ? 'escalated_to' AND NOT t.attributes ? 'repeat_of'",
    windowDays: YEAR,
  }),
  f('escalations_of_upheld_complaints_12m', '属实投诉越级数(12月)', 'Escalations of an upheld complaint (12 m)', {
    source: 'trace',
    // Pushing a real grievance upwards; an arrears cut without the required notice is left out:
    // taking that to 12398 is what anyone cut off unlawfully does.
    where: `t.trace_type = 'work_order_created' AND t.attributes ? 'escalated_to' AND ${workOrderWhere('ew', "t.attributes->>'repeat_of'", "ew.substantiated AND ew.topic_code <> 'arrears_disconnection'")}`,
    // A complaint found upheld after its escalation was counted: read the year again.
    revisitOn: WORK_ORDER_CHANGES,
    windowDays: YEAR,
    version: 2,
  }),
  f('social_posts_12m', '社交媒体发帖数(12月)', 'Social-media posts (12 m)', {
    source: 'trace',
    where: "t.trace_type = 'social_post'",
    windowDays: YEAR,
  }),
  f('social_followers_max', '社交媒体粉丝数', 'Social-media followers', {
    source: 'trace',
    aggregate: 'max',
    value: "(t.attributes->>'followers')::numeric",
    where: "t.trace_type = 'social_post' AND t.attributes ? 'followers'",
    windowDays: YEAR,
  }),
  f('fault_outages_12m', '经历故障停电次数(12月)', 'Fault outages experienced (12 m)', {
    source: 'trace',
    where: "t.trace_type = 'outage_start' AND t.attributes->>'kind' = 'fault'",
    windowDays: YEAR,
  }),
  f('planned_outages_12m', '经历计划停电次数(12月)', 'Planned outages experienced (12 m)', {
    source: 'trace',
    where: "t.trace_type = 'outage_start' AND t.attributes->>'kind' = 'planned'",
    windowDays: YEAR,
  }),
  f('service_outages_12m', '经历计划及故障停电次数(12月)', 'Planned and fault outages experienced (12 m)', {
    source: 'trace',
    where: "t.trace_type = 'outage_start' AND t.attributes->>'kind' IN ('fault', 'planned')",
    windowDays: YEAR,
  }),
  f('outages_experienced_12m', '经历停电次数(12月)', 'Outages experienced (12 m)', {
    source: 'trace',
    where: "t.trace_type = 'outage_start'",
    windowDays: YEAR,
  }),
  f('contacts_12m', '主动接触次数(12月)', 'Contacts initiated (12 m)', {
    source: 'trace',
    where: INBOUND,
    windowDays: YEAR,
  }),
  f('contacts_90d', '主动接触次数(90天)', 'Contacts initiated (90 d)', {
    source: 'trace',
    where: INBOUND,
    windowDays: QUARTER,
  }),
  f('contact_channels_12m', '接触渠道数(12月)', 'Channels used (12 m)', {
    source: 'trace',
    aggregate: 'distinct',
    value: 't.channel',
    where: "t.direction = 'inbound'",
    windowDays: YEAR,
  }),
  f('app_logins_12m', 'APP登录次数(12月)', 'App logins (12 m)', {
    source: 'trace',
    where: "t.trace_type = 'app_login'",
    windowDays: YEAR,
  }),
  f('online_queries_12m', '线上查询次数(12月)', 'Online queries (12 m)', {
    source: 'trace',
    where: "t.trace_type IN ('app_query', 'wechat_message', 'website_visit')",
    windowDays: YEAR,
  }),
  f('bill_queries_12m', '电费查询次数(12月)', 'Bill look-ups (12 m)', {
    source: 'trace',
    where: "t.trace_type = 'app_query' AND t.attributes->>'query' = 'bill'",
    windowDays: YEAR,
  }),
  f('prompt_bill_lookups_12m', '账单出账后即查询次数(12月)', 'Bill look-ups within days of the bill (12 m)', {
    source: 'trace',
    // Looked the bill up within four days of its issue: checking each bill as it arrives.
    where:
      "t.trace_type = 'app_query' AND t.attributes->>'query' = 'bill' AND EXISTS (SELECT 1 FROM bill pb WHERE pb.customer_id = t.customer_id AND t.occurred_at >= (pb.issued_on::timestamp AT TIME ZONE 'Asia/Shanghai') AND t.occurred_at < (pb.issued_on::timestamp AT TIME ZONE 'Asia/Shanghai') + interval '4 days')",
    // A bill imported after the look-ups of its days were counted: read the year again.
    revisitOn: ['trace:bill_issued'],
    windowDays: YEAR,
  }),
  f('hall_visits_12m', '营业厅到访次数(12月)', 'Hall visits (12 m)', {
    source: 'trace',
    where: "t.trace_type = 'hall_visit'",
    windowDays: YEAR,
  }),
  f('phone_contacts_12m', '95598来电次数(12月)', '95598 calls (12 m)', {
    source: 'trace',
    where: "t.trace_type = 'call_inbound'",
    windowDays: YEAR,
  }),
  f('chat_contacts_12m', '在线客服会话数(12月)', 'Online chats (12 m)', {
    source: 'trace',
    where: "t.trace_type = 'chat_session'",
    windowDays: YEAR,
  }),
  f('online_contact_share_12m', '线上渠道占比(12月)', 'Online share of contacts (12 m)', {
    source: 'trace',
    aggregate: 'share',
    windowDays: YEAR,
    where: "t.channel IN ('app', 'wechat', 'website', 'online_chat')",
    shareOf: INBOUND,
  }),
  f('evening_contact_share_12m', '晚间接触占比(12月)', 'Evening share of contacts (12 m)', {
    source: 'trace',
    aggregate: 'share',
    windowDays: YEAR,
    where: `${INBOUND} AND extract(hour FROM t.occurred_at AT TIME ZONE 'Asia/Shanghai') >= 18`,
    shareOf: INBOUND,
  }),
  f('disconnections_12m', '欠费停电次数(12月)', 'Arrears disconnections (12 m)', {
    source: 'trace',
    where: "t.trace_type = 'disconnection'",
    windowDays: YEAR,
  }),
  f('last_contact_days', '距上次接触天数', 'Days since last contact', {
    source: 'trace',
    // The same figure as min(as-of − time) / 1 day, kept incrementally (the newest time).
    aggregate: 'days_since',
    windowDays: YEAR,
    where: INBOUND,
    version: 2,
  }),
];
