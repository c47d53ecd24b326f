import { TOPICS, TRACE_TYPES, WORK_ORDER_TYPES } from '../traces/vocabulary.js';

// Attributes that name a person or a way to reach one never reach a summary.
const PII_KEY = /phone|mobile|id_number|id_card|address|wechat|name|caller|contact/i;
// Attributes worth a glance, in the order a reader wants them.
const PREFERRED = ['summary', 'order_type', 'business', 'status', 'result', 'outcome', 'amount', 'kwh', 'score', 'satisfaction', 'cause', 'note', 'content'];
const LABELS: Record<string, string> = {
  amount: '金额', kwh: '电量', score: '评分', satisfaction: '满意度', status: '状态', result: '结果',
  business: '业务', cause: '原因', outcome: '结果', note: '备注',
};

const label = <T extends Record<string, { zh: string }>>(table: T, code: string | null) =>
  code !== null && Object.hasOwn(table, code) ? table[code as keyof T]?.zh : code;

/**
 * Phone and ID numbers inside free text are masked too: mobiles (1[3-9] + 9 digits),
 * landlines with area code, 15/18-character ID numbers. Other long numbers (bill, meter,
 * order numbers) are business keys and stay readable.
 */
const PII_NUMBER = /(?<![\dA-Za-z])(?:\d{17}[\dXx]|\d{15}|1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?![\dA-Za-z])/g;
export const maskDigits = (text: string) =>
  text.replace(PII_NUMBER, (d) => `${d.slice(0, 3)}${'*'.repeat(Math.max(d.length - 7, 4))}${d.slice(-4)}`);

function formatValue(key: string, value: unknown): string | null {
  if (typeof value === 'number') return key === 'amount' ? `${value.toFixed(2)}元` : key === 'kwh' ? `${value}kWh` : String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value !== 'string' || value === '') return null;
  const text = key === 'order_type' ? (label(WORK_ORDER_TYPES, value) ?? value) : value;
  const short = [...text].length > 40 ? `${[...text].slice(0, 40).join('')}…` : text;
  return maskDigits(short);
}

/**
 * A short human line for a timeline item: the trace type and topic in Chinese plus up to
 * three telling attributes, e.g. "工单受理 · 停电问题 · 投诉 · 状态 accepted".
 */
export function summariseTrace(traceType: string, topic: string | null, attributes: Record<string, unknown>): string {
  const parts: string[] = [label(TRACE_TYPES, traceType) ?? traceType];
  if (topic) parts.push(label(TOPICS, topic) ?? topic);
  const keys = [
    ...PREFERRED.filter((k) => Object.hasOwn(attributes, k)),
    ...Object.keys(attributes).filter((k) => !PREFERRED.includes(k)).sort(),
  ];
  let added = 0;
  for (const key of keys) {
    if (added >= 3 || PII_KEY.test(key)) continue;
    const value = formatValue(key, attributes[key]);
    if (value === null) continue;
    const prefix = LABELS[key];
    parts.push(prefix && key !== 'summary' ? `${prefix} ${value}` : value);
    added++;
  }
  return parts.join(' · ');
}
