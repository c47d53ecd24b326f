import { ATTRIBUTE_NAMES, attributeValueLabel, DEFAULT_LANGUAGE, type Language, labelIn } from '../traces/attribute-labels.js';
import { TOPICS, TRACE_TYPES } from '../traces/vocabulary.js';

// Attributes that name a person or a way to reach one never reach a summary.
const PII_KEY = /phone|mobile|id_number|id_card|address|wechat|name|caller|contact/i;
// Internal keys that tell a reader nothing at a glance (the item links to the case anyway).
const HIDDEN_KEY = new Set(['call_id', 'notice_id', 'operation_id', 'outage_id', 'payment_no', 'seq', 'scope_id', 'transformer_area_id', 'repeat_of']);
// Attributes worth a glance, in the order a reader wants them.
const PREFERRED = [
  'summary', 'situation', 'text', 'content', 'order_type', 'business', 'query', 'kind', 'event', 'operation', 'topic',
  'method', 'system', 'status', 'result', 'outcome', 'amount', 'arrears', 'kwh', 'score', 'satisfaction', 'cause', 'note',
  'escalated_to', 'urgency',
];
// Free text and self-explaining codes read without a name in front.
const BARE = new Set(['summary', 'situation', 'text', 'content', 'order_type', 'query', 'kind', 'event', 'operation', 'topic']);
const MONEY = new Set(['amount', 'arrears']);
const UNITS: Record<string, { zh: string; en: string }> = {
  kwh: { zh: 'kWh', en: ' kWh' },
  duration_s: { zh: '秒', en: ' s' },
  wait_minutes: { zh: '分钟', en: ' min' },
};
const ISO_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/;

/**
 * Phone and ID numbers inside free text are masked too: mobiles (1[3-9] + 9 digits),
 * landlines with area code, 15/18-character ID numbers. Other long numbers (bill, meter,
 * order numbers) are business keys and stay readable.
 */
const PII_NUMBER = /(?<![\dA-Za-z])(?:\d{17}[\dXx]|\d{15}|1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?![\dA-Za-z])/g;
export const maskDigits = (text: string) =>
  text.replace(PII_NUMBER, (d) => `${d.slice(0, 3)}${'*'.repeat(Math.max(d.length - 7, 4))}${d.slice(-4)}`);

function formatNumber(key: string, value: number, lang: Language): string {
  if (MONEY.has(key)) return lang === 'en' ? `¥${value.toFixed(2)}` : `${value.toFixed(2)}元`;
  if (key === 'collected_rate' && value <= 1) return `${(value * 100).toFixed(1)}%`;
  const unit = UNITS[key];
  return unit ? `${value}${lang === 'en' ? unit.en : unit.zh}` : String(value);
}

function formatValue(key: string, value: unknown, lang: Language): string | null {
  if (typeof value === 'number') return formatNumber(key, value, lang);
  if (typeof value === 'boolean') return lang === 'en' ? (value ? 'yes' : 'no') : value ? '是' : '否';
  if (typeof value !== 'string' || value === '') return null;
  const time = ISO_TIME.exec(value);
  const text = time ? `${time[1]} ${time[2]}` : attributeValueLabel(key, value, lang);
  const short = [...text].length > 40 ? `${[...text].slice(0, 40).join('')}…` : text;
  return maskDigits(short);
}

/**
 * A short human line for a timeline item in the reader's language: the trace type and topic
 * plus up to three telling attributes with their codes turned into words, e.g.
 * "工单流转 · 状态 已办结 · 工单号 WO-…" or "Work order status · Status Closed · Order WO-…".
 * Free text written by people (order summaries, notes) stays as written.
 */
export function summariseTrace(
  traceType: string,
  topic: string | null,
  attributes: Record<string, unknown>,
  lang: Language = DEFAULT_LANGUAGE,
): string {
  const parts: string[] = [labelIn(TRACE_TYPES, traceType, lang)];
  if (topic) parts.push(labelIn(TOPICS, topic, lang));
  const keys = [
    ...PREFERRED.filter((k) => Object.hasOwn(attributes, k)),
    ...Object.keys(attributes).filter((k) => !PREFERRED.includes(k)).sort(),
  ];
  let added = 0;
  for (const key of keys) {
    if (added >= 3 || PII_KEY.test(key) || HIDDEN_KEY.has(key)) continue;
    const value = formatValue(key, attributes[key], lang);
    // A code that only repeats the trace type ("登录 · 登录") adds nothing.
    if (value === null || parts.includes(value)) continue;
    const named = !BARE.has(key) && Object.hasOwn(ATTRIBUTE_NAMES, key);
    parts.push(named ? `${labelIn(ATTRIBUTE_NAMES, key, lang)} ${value}` : value);
    added++;
  }
  return parts.join(' · ');
}
