/**
 * The words of full-chain QA findings in zh-CN and en: explanations and evidence lines with
 * times on the centre's wall clock (Asia/Shanghai) and order types and statuses by their
 * vocabulary names, never their codes. Notes and turns quoted from the chain stay as written.
 */
import { DEFAULT_LANGUAGE, type Language, labelIn, WORK_ORDER_STATUSES } from '../../traces/attribute-labels.js';
import { WORK_ORDER_TYPES } from '../../traces/vocabulary.js';
import { localMinute } from './period.js';

/** Below this an overrun reads in minutes ("超时 25 分钟"), from it in hours with one decimal. */
const MINUTES_BELOW_MS = 2 * 3_600_000;

export interface ChainTexts {
  orderType(code: string): string;
  status(code: string): string;
  closedWithoutContact(closedAt: Date): string;
  orderClosed(orderType: string): string;
  statusLine(status: string, note: string | null): string;
  fieldFeedback(text: string, word: string | undefined): string;
  markedUnresolved: string;
  replyToCustomer(note: string, word: string): string;
  agentReply(text: string, word: string): string;
  replyContradictsField: string;
  slaMissed(deadline: Date, handled: Date | null, now: Date, overdueMs: number): string;
  deadline(orderType: string): string;
  handled: string;
}

function overrun(ms: number, minutes: (n: number) => string, hours: (h: string) => string): string {
  return ms < MINUTES_BELOW_MS ? minutes(Math.max(1, Math.round(ms / 60_000))) : hours((ms / 3_600_000).toFixed(1));
}

const ZH: ChainTexts = {
  orderType: (code) => labelIn(WORK_ORDER_TYPES, code, 'zh-CN'),
  status: (code) => labelIn(WORK_ORDER_STATUSES, code, 'zh-CN'),
  closedWithoutContact: (closedAt) =>
    `工单于 ${localMinute(closedAt)} 结单，受理后无回访状态、回访记录或外呼客户的通话`,
  orderClosed: (orderType) => `${ZH.orderType(orderType)}工单结单`,
  statusLine: (status, note) => `${ZH.status(status)}${note ? `：${note}` : ''}`,
  fieldFeedback: (text, word) => `现场反馈「${text}」（${word ?? '标记为未解决'}）`,
  markedUnresolved: '未解决',
  replyToCustomer: (note, word) => `答复客户「${note}」（${word}）`,
  agentReply: (text, word) => `坐席答复「${text}」（${word}）`,
  replyContradictsField: '现场反馈问题未解决，之后答复客户却称已解决',
  slaMissed: (deadline, handled, now, overdueMs) =>
    `办理时限 ${localMinute(deadline)}，${handled ? `办结于 ${localMinute(handled)}` : `截至 ${localMinute(now)} 仍未办结`}，超时 ${overrun(
      overdueMs,
      (n) => `${n} 分钟`,
      (h) => `${h} 小时`,
    )}`,
  deadline: (orderType) => `办理时限（${ZH.orderType(orderType)}工单）`,
  handled: '办结',
};

const EN: ChainTexts = {
  orderType: (code) => labelIn(WORK_ORDER_TYPES, code, 'en'),
  status: (code) => labelIn(WORK_ORDER_STATUSES, code, 'en'),
  closedWithoutContact: (closedAt) =>
    `Closed at ${localMinute(closedAt)} with no callback status, callback record or outbound call to the customer after it was accepted`,
  orderClosed: (orderType) => `${EN.orderType(orderType)} order closed`,
  statusLine: (status, note) => `${EN.status(status)}${note ? `: ${note}` : ''}`,
  fieldFeedback: (text, word) => `Field feedback “${text}” (${word ?? 'marked unresolved'})`,
  markedUnresolved: 'unresolved',
  replyToCustomer: (note, word) => `Reply to the customer “${note}” (${word})`,
  agentReply: (text, word) => `Agent replied “${text}” (${word})`,
  replyContradictsField: 'The field crew reported the problem unresolved, yet the customer was later told it was fixed',
  slaMissed: (deadline, handled, now, overdueMs) =>
    `Deadline ${localMinute(deadline)}, ${handled ? `handled at ${localMinute(handled)}` : `still not handled at ${localMinute(now)}`}: ${overrun(
      overdueMs,
      (n) => `${n} min`,
      (h) => `${h} h`,
    )} late`,
  deadline: (orderType) => `Deadline (${EN.orderType(orderType)} order)`,
  handled: 'Handled',
};

export const chainTexts = (lang: Language = DEFAULT_LANGUAGE): ChainTexts => (lang === 'en' ? EN : ZH);
