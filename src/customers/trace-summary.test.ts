import { describe, expect, it } from 'vitest';
import { ATTRIBUTE_VALUES } from '../traces/attribute-labels.js';
import { summariseTrace } from './trace-summary.js';

type Case = [traceType: string, topic: string | null, attributes: Record<string, unknown>, zh: string, en: string];

// Attributes as src/ingest/writers and src/demo write them, one trace type each.
const CASES: Case[] = [
  ['work_order_created', 'outage', { order_no: 'WO1', order_type: 'complaint', urgency: 'urgent', summary: '整栋楼停电' }, '工单受理 · 停电问题 · 整栋楼停电 · 投诉 · 紧急程度 紧急', 'Work order accepted · Outage · 整栋楼停电 · Complaint · Urgency Urgent'],
  ['work_order_created', 'fee', { escalated_to: 'higher_level', repeat_of: 'WO1' }, '工单受理 · 电费电价 · 升级至 上级部门', 'Work order accepted · Fee and tariff · Escalated to Higher level'],
  ['work_order_status', 'outage', { order_no: 'WO-2026-1', seq: 5, status: 'closed' }, '工单流转 · 停电问题 · 状态 已办结 · 工单号 WO-2026-1', 'Work order status · Outage · Status Closed · Order WO-2026-1'],
  ['dispatch', null, { order_no: 'WO1', seq: 2, status: 'dispatched' }, '派工 · 状态 已派工 · 工单号 WO1', 'Dispatch · Status Dispatched · Order WO1'],
  ['field_arrival', null, { order_no: 'WO1', seq: 3, status: 'arrived' }, '到达现场 · 状态 已到达现场 · 工单号 WO1', 'Field arrival · Status Arrived on site · Order WO1'],
  ['field_feedback', 'outage', { arrived_at: '2026-03-01T10:20:00+08:00', situation: '树障碰线已处理', late: false }, '现场反馈 · 停电问题 · 树障碰线已处理 · 到达时间 2026-03-01 10:20 · 超时 否', 'Field feedback · Outage · 树障碰线已处理 · Arrived at 2026-03-01 10:20 · Late no'],
  ['callback', 'outage', { satisfaction: 4 }, '回访 · 停电问题 · 满意度 4', 'Callback · Outage · Satisfaction 4'],
  ['call_inbound', null, { call_id: 'C1', duration_s: 95, order_no: 'WO1' }, '来电 · 时长 95秒 · 工单号 WO1', 'Inbound call · Duration 95 s · Order WO1'],
  ['outage_start', null, { outage_id: 'O1', kind: 'fault', scope_level: 'transformer_area', scope_id: 'TA1', cause: '树障碰线' }, '停电 · 故障停电 · 原因 树障碰线 · 范围 台区', 'Outage start · Fault outage · Cause Tree contact with the line · Scope Transformer area'],
  ['outage_restore', null, { outage_id: 'O1', kind: 'planned', scope_level: 'feeder', cause: '线路迁改' }, '复电 · 计划停电 · 原因 线路迁改 · 范围 线路', 'Power restored · Planned outage · Cause Line relocation · Scope Feeder'],
  ['power_loss_event', null, { meter_no: '3330001', event: 'power_on', outage_id: 'O1' }, '失电事件 · 来电 · 表号 3330001', 'Power-loss event · Power on · Meter 3330001'],
  ['sms_sent', null, { notice_id: 'N1', topic: 'outage_planned', status: 'failed', outage_id: 'O1' }, '短信通知 · 计划停电通知 · 状态 发送失败', 'SMS sent · Planned outage notice · Status Failed'],
  ['push_sent', null, { notice_id: 'N2', topic: 'arrears_reminder', status: 'delivered' }, 'APP推送 · 欠费提醒 · 状态 已送达', 'Push sent · Arrears reminder · Status Delivered'],
  ['wechat_sent', null, { notice_id: 'N3', topic: 'restoration', status: 'sent' }, '微信通知 · 复电通知 · 状态 已发送', 'WeChat notice · Power restored notice · Status Sent'],
  ['bill_issued', null, { bill_no: 'B1', period: '2026-02', kwh: 210, amount: 123.4, due_date: '2026-03-23' }, '电费账单 · 金额 123.40元 · 电量 210kWh · 账单号 B1', 'Bill issued · Amount ¥123.40 · Energy 210 kWh · Bill B1'],
  ['payment', null, { payment_no: 'P1', bill_no: 'B1', amount: 88, method: 'bank_counter' }, '缴费 · 缴费方式 银行柜台 · 金额 88.00元 · 账单号 B1', 'Payment · Paid via Bank counter · Amount ¥88.00 · Bill B1'],
  ['payment', null, { amount: 10, method: 'auto_debit' }, '缴费 · 缴费方式 银行代扣 · 金额 10.00元', 'Payment · Paid via Direct debit · Amount ¥10.00'],
  ['employee_login', null, { operation_id: 'OPL1', operation: 'login', system: 'sg186' }, '登录 · 系统 营销系统', 'Login · System Billing (SG186)'],
  ['employee_logout', null, { operation: 'logout', system: '95598' }, '退出 · 系统 95598系统', 'Logout · System 95598 system'],
  ['meter_reading', null, { operation: 'meter_reading', system: 'collection', transformer_area_id: 'TA1', meters: 120, collected_rate: 0.985 }, '抄表 · 系统 用电信息采集 · 采集率 98.5% · 表计数 120', 'Meter reading · System Collection system · Collection rate 98.5% · Meters 120'],
  ['disconnection', null, { operation: 'disconnection', system: 'collection', outage_id: 'O2', bill_no: 'B1', arrears: 300 }, '停电执行 · 系统 用电信息采集 · 欠费 300.00元 · 账单号 B1', 'Disconnection executed · System Collection system · Arrears ¥300.00 · Bill B1'],
  ['reconnection', null, { operation: 'reconnection', system: 'collection', paid_at: '2026-03-02T09:00:00+08:00' }, '复电执行 · 系统 用电信息采集 · 缴费时间 2026-03-02 09:00', 'Reconnection executed · System Collection system · Paid at 2026-03-02 09:00'],
  ['app_login', null, { device: 'ios' }, 'APP登录 · 设备 苹果', 'App login · Device iOS'],
  ['app_query', 'repair_timeliness', { query: 'repair_progress' }, 'APP查询 · 抢修时限 · 查询抢修进度', 'App query · Repair timeliness · Repair progress lookup'],
  ['app_query', 'fee', { query: 'bill', period: '2026-02' }, 'APP查询 · 电费电价 · 查询电费账单 · 账期 2026-02', 'App query · Fee and tariff · Bill lookup · Period 2026-02'],
  ['hall_visit', null, { business: '更名过户', ticket: 'A012', wait_minutes: 9, counter: 3 }, '营业厅办理 · 业务 更名过户 · 窗口 3 · 排队号 A012', 'Hall visit · Business Change of account holder · Counter 3 · Ticket A012'],
  ['website_visit', null, { page: '电价政策' }, '网站访问 · 页面 电价政策', 'Website visit · Page Tariff policy'],
  ['wechat_message', 'payment_channel', { wechat_id: 'wx_abc' }, '微信留言 · 缴费渠道', 'WeChat message · Payment channel'],
  ['social_post', 'service_attitude', { platform: '微博', followers: 1200, sentiment: 'negative', text: '服务太差' }, '社交媒体发帖 · 服务态度 · 服务太差 · 粉丝 1200 · 平台 微博', 'Social-media post · Service attitude · 服务太差 · Followers 1200 · Platform Weibo'],
];

describe('summariseTrace', () => {
  it.each(CASES)('summarises %s (%s) in Chinese', (type, topic, attributes, zh) => {
    expect(summariseTrace(type, topic, attributes, 'zh-CN')).toBe(zh);
  });

  it.each(CASES)('summarises %s (%s) in English', (type, topic, attributes, _zh, en) => {
    expect(summariseTrace(type, topic, attributes, 'en')).toBe(en);
  });

  it.each(CASES)('leaves no raw code of %s in the Chinese summary', (type, topic, attributes) => {
    const text = summariseTrace(type, topic, attributes, 'zh-CN');
    const codes = Object.values(ATTRIBUTE_VALUES).flatMap((table) => Object.keys(table).filter((code) => /^[a-z_]+$/.test(code)));
    const leaked = codes.filter((code) => new RegExp(`(?<![\\w-])${code}(?![\\w-])`).test(text));
    expect(leaked).toEqual([]);
  });

  it('defaults to Chinese', () => {
    expect(summariseTrace('work_order_status', null, { status: 'accepted' })).toBe('工单流转 · 状态 已受理');
  });

  it('shows an unknown code as itself in both languages', () => {
    expect(summariseTrace('work_order_status', 'brand_new', { status: 'on_hold' }, 'zh-CN')).toBe('工单流转 · brand_new · 状态 on_hold');
    expect(summariseTrace('mystery', null, { status: 'on_hold' }, 'en')).toBe('mystery · Status on_hold');
  });

  it('keeps at most three attributes', () => {
    expect(summariseTrace('payment', null, { amount: 128.5, status: 'ok', result: 'x', note: 'y' })).toBe(
      '缴费 · 状态 ok · 结果 x · 金额 128.50元',
    );
  });

  it.each(['zh-CN', 'en'] as const)('leaves out personal data keys and masks phone numbers in free text (%s)', (lang) => {
    const text = summariseTrace('sms_sent', 'outage_notice', { phone: '13812345678', caller_name: '张三', content: '请致电13812345678' }, lang);
    expect(text).toBe(`${lang === 'en' ? 'SMS sent · Outage notice' : '短信通知 · 停电通知'} · 请致电138****5678`);
  });

  it.each([
    ['请致电13812345678', '请致电138****5678'],
    ['身份证430104198807151234', '身份证430***********1234'],
    ['座机0731-84561234', '座机073******1234'],
    ['账单B202610000001', '账单B202610000001'],
    ['电表33300000000001', '电表33300000000001'],
  ])('masks personal numbers but keeps business numbers in %s', (input, expected) => {
    expect(summariseTrace('sms_sent', null, { content: input })).toBe(`短信通知 · ${expected}`);
  });
});
