/** Employee statistic points: personal info and business capability (E1). */

import type { FeatureDef } from '../engine/types.js';
import {
  CHOSEN_HOUR_OPS,
  DAYS,
  f,
  HOURS,
  LATE_RECONNECT,
  MONTH,
  NO_NOTICE,
  QUARTER,
  SHARE,
  SHORT_NOTICE,
  VIOLATION,
  WORK_OPS,
  YEAR,
} from './employee-feature-kit.js';

export const PERSONAL_FEATURES: FeatureDef[] = [
  f('age', 'personal', '年龄', 'Age', {
    source: 'employee',
    aggregate: 'value',
    value: 'extract(year FROM $1::timestamptz) - er.birth_year',
    unit: { zh: '岁', en: 'years' },
  }),
  f('gender_female', 'personal', '性别(女=1)', 'Gender (female = 1)', {
    source: 'employee',
    aggregate: 'value',
    value: "(er.gender = 'F')::int",
  }),
  f('years_of_service', 'personal', '工作年限', 'Years of service', {
    source: 'employee',
    aggregate: 'value',
    value:
      "extract(epoch FROM ($1::timestamptz - (er.hire_date::text || ' 00:00+08')::timestamptz)) / (365.25 * 86400)",
    unit: { zh: '年', en: 'years' },
  }),
  f('post_agent', 'personal', '岗位:95598坐席', 'Post: 95598 agent', {
    source: 'employee',
    aggregate: 'value',
    value: "(er.post = 'agent_95598')::int",
  }),
  f('post_grid_manager', 'personal', '岗位:网格经理', 'Post: grid manager', {
    source: 'employee',
    aggregate: 'value',
    value: "(er.post = 'grid_manager')::int",
  }),
  f('post_hall_staff', 'personal', '岗位:营业厅', 'Post: hall staff', {
    source: 'employee',
    aggregate: 'value',
    value: "(er.post = 'hall_staff')::int",
  }),
  f('post_field_staff', 'personal', '岗位:抢修/抄表', 'Post: repair or meter reading', {
    source: 'employee',
    aggregate: 'value',
    value: "(er.post IN ('repair', 'meter_reader'))::int",
  }),
  f('customers_served', 'personal', '服务客户数', 'Customers served (grid or station)', {
    source: 'employee',
    aggregate: 'value',
    value: 'er.customers_served',
  }),
  f('areas_served', 'personal', '服务台区数', 'Transformer areas served', {
    source: 'employee',
    aggregate: 'value',
    value: 'er.areas_served',
  }),
];

export const BUSINESS_FEATURES: FeatureDef[] = [
  f('skill_level', 'business', '技能等级', 'Skill level (1–5)', {
    source: 'employee',
    aggregate: 'value',
    value: 'er.skill_level',
  }),
  f('operations_12m', 'business', '业务操作数(12月)', 'Operations (12 m)', {
    source: 'operation',
    where: WORK_OPS,
    windowDays: YEAR,
  }),
  f('operations_90d', 'business', '业务操作数(90天)', 'Operations (90 d)', {
    source: 'operation',
    where: WORK_OPS,
    windowDays: QUARTER,
  }),
  f('disconnections_12m', 'business', '欠费停电操作数(12月)', 'Arrears disconnections (12 m)', {
    source: 'operation',
    where: "eo.operation = 'disconnection'",
    windowDays: YEAR,
  }),
  f('reconnections_12m', 'business', '复电操作数(12月)', 'Reconnections (12 m)', {
    source: 'operation',
    where: "eo.operation = 'reconnection'",
    windowDays: YEAR,
  }),
  f('meter_readings_12m', 'business', '抄表操作数(12月)', 'Meter-reading rounds (12 m)', {
    source: 'operation',
    where: "eo.operation = 'meter_reading'",
    windowDays: YEAR,
  }),
  f('disconnections_without_notice_12m', 'business', '未通知即停电(12月)', 'Disconnections without notice (12 m)', {
    source: 'operation',
    where: NO_NOTICE,
    windowDays: YEAR,
    description: {
      zh: '停电前15天内无停电通知短信',
      en: 'No disconnection notice in the 15 days before the disconnection',
    },
  }),
  f(
    'disconnection_notice_short_12m',
    'business',
    '通知不足7天即停电(12月)',
    'Disconnections < 7 days after notice (12 m)',
    {
      source: 'operation',
      where: SHORT_NOTICE,
      windowDays: YEAR,
    },
  ),
  f('late_reconnections_12m', 'business', '缴费后超24小时复电(12月)', 'Reconnections > 24 h after payment (12 m)', {
    source: 'operation',
    where: LATE_RECONNECT,
    windowDays: YEAR,
  }),
  f('operation_violations_12m', 'business', '违规操作数(12月)', 'Operation violations (12 m)', {
    source: 'operation',
    where: VIOLATION,
    windowDays: YEAR,
  }),
  f('operation_violations_90d', 'business', '违规操作数(90天)', 'Operation violations (90 d)', {
    source: 'operation',
    where: VIOLATION,
    windowDays: QUARTER,
  }),
  f('violation_share_12m', 'business', '停复电违规率(12月)', 'Share of disconnections/reconnections in breach (12 m)', {
    source: 'operation',
    aggregate: 'share',
    where: VIOLATION,
    shareOf: "eo.operation IN ('disconnection', 'reconnection')",
    windowDays: YEAR,
    unit: SHARE,
  }),
  f('avg_notice_lead_days_12m', 'business', '停电通知平均提前天数', 'Average notice lead before disconnection', {
    source: 'operation',
    aggregate: 'avg',
    value: 'eo.notice_lead_days',
    where: "eo.operation = 'disconnection'",
    windowDays: YEAR,
    unit: DAYS,
  }),
  f('avg_reconnect_hours_12m', 'business', '缴费后平均复电时长', 'Average hours from payment to reconnection', {
    source: 'operation',
    aggregate: 'avg',
    value: 'eo.reconnect_hours',
    where: "eo.operation = 'reconnection'",
    windowDays: YEAR,
    unit: HOURS,
  }),
  f('max_reconnect_hours_12m', 'business', '缴费后最长复电时长', 'Longest hours from payment to reconnection', {
    source: 'operation',
    aggregate: 'max',
    value: 'eo.reconnect_hours',
    where: "eo.operation = 'reconnection'",
    windowDays: YEAR,
    unit: HOURS,
  }),
  f('systems_used_12m', 'business', '使用业务系统数', 'Source systems used (12 m)', {
    source: 'operation',
    aggregate: 'distinct',
    value: 'eo.system',
    windowDays: YEAR,
  }),
  f(
    'after_hours_share_12m',
    'business',
    '非工作时间操作占比',
    'Share of operations outside 08:00–18:00 (reconnections and reading rounds aside)',
    {
      source: 'operation',
      aggregate: 'share',
      where: `${CHOSEN_HOUR_OPS} AND (eo.local_hour < 8 OR eo.local_hour >= 18)`,
      shareOf: CHOSEN_HOUR_OPS,
      windowDays: YEAR,
      unit: SHARE,
    },
  ),
  f('weekend_share_12m', 'business', '周末操作占比', 'Share of operations at weekends', {
    source: 'operation',
    aggregate: 'share',
    where: `${CHOSEN_HOUR_OPS} AND eo.local_dow >= 6`,
    shareOf: CHOSEN_HOUR_OPS,
    windowDays: YEAR,
    unit: SHARE,
  }),
  f('logins_90d', 'business', '系统登录次数(90天)', 'Logins (90 d)', {
    source: 'operation',
    where: "eo.operation = 'login'",
    windowDays: QUARTER,
  }),
  f('login_days_90d', 'business', '登录天数(90天)', 'Days logged in (90 d)', {
    source: 'operation',
    aggregate: 'distinct',
    value: 'eo.local_day',
    where: "eo.operation = 'login'",
    windowDays: QUARTER,
  }),
  f('avg_login_hour_90d', 'business', '平均上线时刻', 'Average login hour (local)', {
    source: 'operation',
    aggregate: 'avg',
    value: 'eo.local_hour',
    where: "eo.operation = 'login'",
    windowDays: QUARTER,
  }),
  f('avg_session_hours_90d', 'business', '平均在线时长', 'Average session hours (90 d)', {
    source: 'operation',
    aggregate: 'avg',
    value: 'eo.session_hours',
    where: "eo.operation = 'login'",
    windowDays: QUARTER,
    unit: HOURS,
  }),
  f('traces_12m', 'business', '服务痕迹数(12月)', 'Traces recorded (12 m)', { source: 'trace', windowDays: YEAR }),
  f('field_visits_12m', 'business', '现场服务次数(12月)', 'Field visits (12 m)', {
    source: 'trace',
    where: "et.trace_type IN ('field_arrival', 'field_feedback')",
    windowDays: YEAR,
  }),
  f('channels_12m', 'business', '服务渠道数', 'Channels worked (12 m)', {
    source: 'trace',
    aggregate: 'distinct',
    value: 'et.channel',
    windowDays: YEAR,
  }),
  // 95598 agents
  f('calls_12m', 'business', '接听话务量(12月)', 'Calls and chats taken (12 m)', { source: 'call', windowDays: YEAR }),
  f('calls_30d', 'business', '接听话务量(30天)', 'Calls and chats taken (30 d)', { source: 'call', windowDays: MONTH }),
  f('phone_calls_12m', 'business', '电话接听数(12月)', 'Phone calls (12 m)', {
    source: 'call',
    where: "c.channel = 'phone_95598'",
    windowDays: YEAR,
  }),
  f('chats_12m', 'business', '在线会话数(12月)', 'Online chats (12 m)', {
    source: 'call',
    where: "c.channel = 'online_chat'",
    windowDays: YEAR,
  }),
  f('avg_handle_seconds_12m', 'business', '平均通话处理时长', 'Average handling time', {
    source: 'call',
    aggregate: 'avg',
    value: 'extract(epoch FROM c.ended_at - c.started_at)',
    windowDays: YEAR,
    unit: { zh: '秒', en: 's' },
  }),
  f('long_call_share_12m', 'business', '超10分钟通话占比', 'Share of calls over 10 minutes', {
    source: 'call',
    aggregate: 'share',
    where: "c.ended_at - c.started_at > interval '10 minutes'",
    windowDays: YEAR,
    unit: SHARE,
  }),
  f('call_customers_12m', 'business', '接待客户数(话务)', 'Distinct callers (12 m)', {
    source: 'call',
    aggregate: 'distinct',
    value: 'c.customer_id',
    windowDays: YEAR,
  }),
];
