import { CHANNELS, TOPICS, WORK_ORDER_TYPES } from './vocabulary.js';

/** Languages the API answers in; zh-CN is the default for the 95598 centre's own staff. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export interface Label {
  zh: string;
  en: string;
}
type LabelTable = Readonly<Record<string, Label>>;

/** Picks a label in the given language; an unknown code is shown as itself. */
export function labelIn(table: LabelTable, code: string, lang: Language): string {
  const entry = Object.hasOwn(table, code) ? table[code] : undefined;
  if (!entry) return code;
  return lang === 'en' ? entry.en : entry.zh;
}

/** Attribute names that read better with a prefix ("状态 已办结"); others stand alone. */
export const ATTRIBUTE_NAMES: LabelTable = {
  amount: { zh: '金额', en: 'Amount' },
  arrears: { zh: '欠费', en: 'Arrears' },
  kwh: { zh: '电量', en: 'Energy' },
  score: { zh: '评分', en: 'Score' },
  satisfaction: { zh: '满意度', en: 'Satisfaction' },
  status: { zh: '状态', en: 'Status' },
  result: { zh: '结果', en: 'Result' },
  outcome: { zh: '结果', en: 'Outcome' },
  business: { zh: '业务', en: 'Business' },
  cause: { zh: '原因', en: 'Cause' },
  note: { zh: '备注', en: 'Note' },
  order_no: { zh: '工单号', en: 'Order' },
  bill_no: { zh: '账单号', en: 'Bill' },
  meter_no: { zh: '表号', en: 'Meter' },
  period: { zh: '账期', en: 'Period' },
  due_date: { zh: '到期日', en: 'Due' },
  paid_at: { zh: '缴费时间', en: 'Paid at' },
  arrived_at: { zh: '到达时间', en: 'Arrived at' },
  planned_start: { zh: '计划开始', en: 'Planned start' },
  planned_end: { zh: '计划结束', en: 'Planned end' },
  duration_s: { zh: '时长', en: 'Duration' },
  wait_minutes: { zh: '等候', en: 'Wait' },
  counter: { zh: '窗口', en: 'Counter' },
  ticket: { zh: '排队号', en: 'Ticket' },
  device: { zh: '设备', en: 'Device' },
  urgency: { zh: '紧急程度', en: 'Urgency' },
  escalated_to: { zh: '升级至', en: 'Escalated to' },
  platform: { zh: '平台', en: 'Platform' },
  followers: { zh: '粉丝', en: 'Followers' },
  sentiment: { zh: '情绪', en: 'Sentiment' },
  late: { zh: '超时', en: 'Late' },
  scope_level: { zh: '范围', en: 'Scope' },
  method: { zh: '缴费方式', en: 'Paid via' },
  system: { zh: '系统', en: 'System' },
  meters: { zh: '表计数', en: 'Meters' },
  collected_rate: { zh: '采集率', en: 'Collection rate' },
  page: { zh: '页面', en: 'Page' },
  channel: { zh: '渠道', en: 'Channel' },
};

export const WORK_ORDER_STATUSES: LabelTable = {
  accepted: { zh: '已受理', en: 'Accepted' },
  dispatch: { zh: '已派工', en: 'Dispatched' },
  dispatched: { zh: '已派工', en: 'Dispatched' },
  arrived: { zh: '已到达现场', en: 'Arrived on site' },
  field_arrival: { zh: '已到达现场', en: 'Arrived on site' },
  handled: { zh: '已处理', en: 'Handled' },
  field_feedback: { zh: '已处理', en: 'Handled' },
  callback: { zh: '已回访', en: 'Called back' },
  closed: { zh: '已办结', en: 'Closed' },
  archived: { zh: '已归档', en: 'Archived' },
  returned: { zh: '已退单', en: 'Returned' },
};
const NOTICE_STATUSES: LabelTable = {
  sent: { zh: '已发送', en: 'Sent' },
  delivered: { zh: '已送达', en: 'Delivered' },
  failed: { zh: '发送失败', en: 'Failed' },
};
const RECORD_STATUSES: LabelTable = {
  active: { zh: '正常', en: 'Active' },
  suspended: { zh: '暂停', en: 'Suspended' },
  left: { zh: '离职', en: 'Left' },
};

const NOTICE_TOPICS: LabelTable = {
  ...TOPICS,
  bill: { zh: '电费账单通知', en: 'Bill notice' },
  arrears_reminder: { zh: '欠费提醒', en: 'Arrears reminder' },
  disconnection_notice: { zh: '欠费停电通知', en: 'Disconnection notice' },
  outage_planned: { zh: '计划停电通知', en: 'Planned outage notice' },
  outage_fault: { zh: '故障停电通知', en: 'Fault outage notice' },
  restoration: { zh: '复电通知', en: 'Power restored notice' },
};

const PAYMENT_METHODS: LabelTable = {
  ...CHANNELS,
  app: { zh: '网上国网', en: 'State Grid app' },
  alipay: { zh: '支付宝', en: 'Alipay' },
  bank_counter: { zh: '银行柜台', en: 'Bank counter' },
  auto_debit: { zh: '银行代扣', en: 'Direct debit' },
  post_office: { zh: '邮政网点', en: 'Post office' },
  cash: { zh: '现金', en: 'Cash' },
};

const OPERATIONS: LabelTable = {
  login: { zh: '登录', en: 'Login' },
  logout: { zh: '退出', en: 'Logout' },
  employee_login: { zh: '登录', en: 'Login' },
  employee_logout: { zh: '退出', en: 'Logout' },
  meter_reading: { zh: '抄表', en: 'Meter reading' },
  disconnection: { zh: '停电执行', en: 'Disconnection executed' },
  reconnection: { zh: '复电执行', en: 'Reconnection executed' },
};

const CAUSES: LabelTable = {
  雷击导致线路跳闸: { zh: '雷击导致线路跳闸', en: 'Lightning tripped the line' },
  树障碰线: { zh: '树障碰线', en: 'Tree contact with the line' },
  配变低压桩头烧毁: { zh: '配变低压桩头烧毁', en: 'Transformer LV terminal burnt out' },
  电缆被外力挖断: { zh: '电缆被外力挖断', en: 'Cable cut by excavation' },
  用户内部故障越级跳闸: { zh: '用户内部故障越级跳闸', en: "Customer's internal fault tripped upstream" },
  覆冰导致断线: { zh: '覆冰导致断线', en: 'Ice load broke the line' },
  台区超负荷熔丝熔断: { zh: '台区超负荷熔丝熔断', en: 'Overload blew the area fuse' },
  鸟害导致相间短路: { zh: '鸟害导致相间短路', en: 'Bird caused a phase short circuit' },
  '10kV线路检修': { zh: '10kV线路检修', en: '10 kV line maintenance' },
  配电变压器增容改造: { zh: '配电变压器增容改造', en: 'Distribution transformer upgrade' },
  线路迁改: { zh: '线路迁改', en: 'Line relocation' },
  设备预防性试验: { zh: '设备预防性试验', en: 'Preventive equipment test' },
  农网改造升级: { zh: '农网改造升级', en: 'Rural grid upgrade' },
  欠费停电: { zh: '欠费停电', en: 'Disconnected for arrears' },
};

/**
 * Labels of every code that ingest writers and the demo world put into trace attributes,
 * by attribute name. Some source systems already write Chinese words (hall business,
 * outage causes); they get an English label here so the English UI reads whole sentences.
 */
export const ATTRIBUTE_VALUES: Readonly<Record<string, LabelTable>> = {
  status: { ...WORK_ORDER_STATUSES, ...NOTICE_STATUSES, ...RECORD_STATUSES },
  order_type: WORK_ORDER_TYPES,
  topic: NOTICE_TOPICS,
  kind: {
    planned: { zh: '计划停电', en: 'Planned outage' },
    fault: { zh: '故障停电', en: 'Fault outage' },
    arrears: { zh: '欠费停电', en: 'Arrears disconnection' },
  },
  scope_level: {
    feeder: { zh: '线路', en: 'Feeder' },
    transformer_area: { zh: '台区', en: 'Transformer area' },
    customer: { zh: '单户', en: 'Single customer' },
  },
  event: {
    power_off: { zh: '失电', en: 'Power off' },
    power_on: { zh: '来电', en: 'Power on' },
  },
  query: {
    bill: { zh: '查询电费账单', en: 'Bill lookup' },
    usage: { zh: '查询用电量', en: 'Usage lookup' },
    outage: { zh: '查询停电信息', en: 'Outage lookup' },
    payment_record: { zh: '查询缴费记录', en: 'Payment history lookup' },
    repair_progress: { zh: '查询抢修进度', en: 'Repair progress lookup' },
  },
  method: PAYMENT_METHODS,
  channel: CHANNELS,
  operation: OPERATIONS,
  system: {
    '95598': { zh: '95598系统', en: '95598 system' },
    sg186: { zh: '营销系统', en: 'Billing (SG186)' },
    billing: { zh: '营销系统', en: 'Billing (SG186)' },
    collection: { zh: '用电信息采集', en: 'Collection system' },
  },
  device: {
    android: { zh: '安卓', en: 'Android' },
    ios: { zh: '苹果', en: 'iOS' },
  },
  urgency: {
    normal: { zh: '一般', en: 'Normal' },
    urgent: { zh: '紧急', en: 'Urgent' },
    very_urgent: { zh: '特急', en: 'Very urgent' },
  },
  escalated_to: {
    '12398': { zh: '12398能源监管热线', en: '12398 energy regulator hotline' },
    '12345': { zh: '12345政务热线', en: '12345 government hotline' },
    higher_level: { zh: '上级部门', en: 'Higher level' },
  },
  sentiment: {
    negative: { zh: '负面', en: 'Negative' },
    neutral: { zh: '中性', en: 'Neutral' },
    positive: { zh: '正面', en: 'Positive' },
  },
  business: {
    缴费: { zh: '缴费', en: 'Bill payment' },
    业扩报装: { zh: '业扩报装', en: 'New connection' },
    更名过户: { zh: '更名过户', en: 'Change of account holder' },
    电费咨询: { zh: '电费咨询', en: 'Fee enquiry' },
    发票打印: { zh: '发票打印', en: 'Invoice printing' },
    峰谷电申请: { zh: '峰谷电申请', en: 'Time-of-use tariff application' },
    银行代扣签约: { zh: '银行代扣签约', en: 'Direct-debit sign-up' },
  },
  page: {
    停电公告: { zh: '停电公告', en: 'Outage announcements' },
    电价政策: { zh: '电价政策', en: 'Tariff policy' },
    办电指南: { zh: '办电指南', en: 'Service guide' },
  },
  platform: {
    微博: { zh: '微博', en: 'Weibo' },
    抖音: { zh: '抖音', en: 'Douyin' },
    微信朋友圈: { zh: '微信朋友圈', en: 'WeChat Moments' },
    今日头条: { zh: '今日头条', en: 'Toutiao' },
    小红书: { zh: '小红书', en: 'Xiaohongshu' },
  },
  cause: CAUSES,
};

/** The label of an attribute's value, or the value itself when the code is unknown. */
export function attributeValueLabel(key: string, value: string, lang: Language): string {
  const table = Object.hasOwn(ATTRIBUTE_VALUES, key) ? ATTRIBUTE_VALUES[key] : undefined;
  return table ? labelIn(table, value, lang) : value;
}
