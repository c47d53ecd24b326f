/**
 * One event vocabulary for every channel (T2, 口径一致化). Source systems' own codes are
 * mapped onto these at ingest; engines and the UI speak only these.
 */
export const CHANNELS = {
  phone_95598: { zh: '95598电话', en: '95598 phone' },
  online_chat: { zh: '在线客服', en: 'Online chat' },
  app: { zh: '网上国网', en: 'State Grid app' },
  wechat: { zh: '微信', en: 'WeChat' },
  website: { zh: '网站', en: 'Website' },
  hall: { zh: '营业厅', en: 'Business hall' },
  sms: { zh: '短信', en: 'SMS' },
  field: { zh: '现场', en: 'Field work' },
  social_media: { zh: '社交媒体', en: 'Social media' },
  billing: { zh: '营销系统', en: 'Billing (SG186)' },
  collection: { zh: '用电信息采集', en: 'Collection system' },
  internal: { zh: '内部系统', en: 'Internal' },
} as const;
export type Channel = keyof typeof CHANNELS;

/** Trace types, grouped by who acted. `direction` says whether the customer reached us
 * (inbound), we reached the customer (outbound), or staff/systems acted (internal). */
export const TRACE_TYPES = {
  // The customer reaches the company.
  call_inbound: { zh: '来电', en: 'Inbound call', direction: 'inbound' },
  chat_session: { zh: '在线会话', en: 'Chat session', direction: 'inbound' },
  work_order_created: { zh: '工单受理', en: 'Work order accepted', direction: 'inbound' },
  hall_visit: { zh: '营业厅办理', en: 'Hall visit', direction: 'inbound' },
  app_login: { zh: 'APP登录', en: 'App login', direction: 'inbound' },
  app_query: { zh: 'APP查询', en: 'App query', direction: 'inbound' },
  wechat_message: { zh: '微信留言', en: 'WeChat message', direction: 'inbound' },
  website_visit: { zh: '网站访问', en: 'Website visit', direction: 'inbound' },
  social_post: { zh: '社交媒体发帖', en: 'Social-media post', direction: 'inbound' },
  payment: { zh: '缴费', en: 'Payment', direction: 'inbound' },
  survey_response: { zh: '满意度评价', en: 'Survey response', direction: 'inbound' },
  // The company reaches the customer.
  call_outbound: { zh: '外呼', en: 'Outbound call', direction: 'outbound' },
  callback: { zh: '回访', en: 'Callback', direction: 'outbound' },
  sms_sent: { zh: '短信通知', en: 'SMS sent', direction: 'outbound' },
  push_sent: { zh: 'APP推送', en: 'Push sent', direction: 'outbound' },
  wechat_sent: { zh: '微信通知', en: 'WeChat notice', direction: 'outbound' },
  bill_issued: { zh: '电费账单', en: 'Bill issued', direction: 'outbound' },
  // Staff and systems act.
  work_order_status: { zh: '工单流转', en: 'Work order status', direction: 'internal' },
  dispatch: { zh: '派工', en: 'Dispatch', direction: 'internal' },
  field_arrival: { zh: '到达现场', en: 'Field arrival', direction: 'internal' },
  field_feedback: { zh: '现场反馈', en: 'Field feedback', direction: 'internal' },
  outage_start: { zh: '停电', en: 'Outage start', direction: 'internal' },
  outage_restore: { zh: '复电', en: 'Power restored', direction: 'internal' },
  power_loss_event: { zh: '失电事件', en: 'Power-loss event', direction: 'internal' },
  disconnection: { zh: '停电执行', en: 'Disconnection executed', direction: 'internal' },
  reconnection: { zh: '复电执行', en: 'Reconnection executed', direction: 'internal' },
  meter_reading: { zh: '抄表', en: 'Meter reading', direction: 'internal' },
  employee_login: { zh: '登录', en: 'Login', direction: 'internal' },
  employee_logout: { zh: '退出', en: 'Logout', direction: 'internal' },
  employee_operation: { zh: '业务操作', en: 'Operation', direction: 'internal' },
} as const;
export type TraceType = keyof typeof TRACE_TYPES;
export type Direction = 'inbound' | 'outbound' | 'internal';

/** Work-order types (工单类型) of the 95598 centre. */
export const WORK_ORDER_TYPES = {
  complaint: { zh: '投诉', en: 'Complaint' },
  report: { zh: '举报', en: 'Report' },
  opinion: { zh: '意见', en: 'Opinion' },
  repair: { zh: '故障报修', en: 'Repair' },
  consultation: { zh: '咨询', en: 'Consultation' },
  service_request: { zh: '服务申请', en: 'Service request' },
  praise: { zh: '表扬', en: 'Praise' },
} as const;
export type WorkOrderType = keyof typeof WORK_ORDER_TYPES;

/** Topic codes (诉求分类): one code list whatever the source system called it. */
export const TOPICS = {
  outage: { zh: '停电问题', en: 'Outage' },
  outage_notice: { zh: '停电通知', en: 'Outage notice' },
  outage_schedule: { zh: '停电检修安排查询', en: 'Outage schedule enquiry' },
  power_quality: { zh: '电能质量', en: 'Power quality (voltage)' },
  fee: { zh: '电费电价', en: 'Fee and tariff' },
  billing_error: { zh: '电费差错', en: 'Billing error' },
  arrears_disconnection: { zh: '欠费停复电', en: 'Arrears disconnection' },
  meter: { zh: '计量装置', en: 'Meter' },
  new_connection: { zh: '业扩报装', en: 'New connection' },
  service_attitude: { zh: '服务态度', en: 'Service attitude' },
  service_standard: { zh: '服务规范', en: 'Service standard' },
  repair_timeliness: { zh: '抢修时限', en: 'Repair timeliness' },
  theft: { zh: '窃电', en: 'Electricity theft' },
  safety: { zh: '用电安全', en: 'Electrical safety' },
  payment_channel: { zh: '缴费渠道', en: 'Payment channel' },
  time_of_use: { zh: '峰谷电价', en: 'Time-of-use tariff' },
  electrification: { zh: '电能替代', en: 'Electrification' },
  other: { zh: '其他', en: 'Other' },
} as const;
export type Topic = keyof typeof TOPICS;

export const isChannel = (v: string): v is Channel => Object.hasOwn(CHANNELS, v);
export const isTraceType = (v: string): v is TraceType => Object.hasOwn(TRACE_TYPES, v);
export const isTopic = (v: string): v is Topic => Object.hasOwn(TOPICS, v);
