/**
 * Phrase lists shared by the default 95598 rules, written from the 95598 service norms
 * (标准服务用语: 问候语、自报工号、核实身份、安抚、等待提示、结束语) and common QA practice.
 * Each constant is a text expression; rules narrow it with speaker and window.
 */
import type { KeywordCondition, RegexCondition } from '../../rule-language.js';

export const GREETING: KeywordCondition = {
  op: 'keyword',
  words: ['您好', '你好', '很高兴为您服务', '欢迎致电', '欢迎使用'],
  speaker: 'agent',
  window: { firstTurns: 2 },
};

/** 自报工号: "工号3021" / "3021号客服" / "客服代表3021". */
export const SELF_INTRO: RegexCondition = {
  op: 'regex',
  pattern:
    '(工号|编号)[是为:：]?\\s*\\d{3,6}|\\d{3,6}\\s*号(客服|话务员|坐席|座席|服务代表)?|(客服代表|话务员)\\s*\\d{3,6}',
  speaker: 'agent',
  window: { firstTurns: 3 },
};

/**
 * Identity verification (身份核实): the agent ASKS for or checks the account number, the
 * holder's name, the ID tail or a code. Merely naming 户号 is not a check: reading the
 * account number out is the disclosure the check must precede.
 */
export const IDENTITY_CHECK: RegexCondition = {
  op: 'regex',
  pattern:
    '核实一下|核对一下|核实您的|核对您的|验证一下|验证您的|身份证后|预留手机|验证码|户主姓名|(提供|报一下|告诉我)[^，。？！]{0,6}(户号|户名|姓名|地址)|(户号|户名|用电地址|姓名)(是)?(多少|什么)',
  speaker: 'agent',
};

/**
 * Account details (客户信息) that may only be told after verification: the account number,
 * the holder's name, the supply address, and account figures (arrears, balance, charges,
 * consumption). Questions ("户名是什么") are not disclosures.
 */
export const ACCOUNT_DETAILS: RegexCondition = {
  op: 'regex',
  pattern:
    '户号(是|为|[:：])?\\s*\\d{6,}|(户名|户主|用电地址|地址)(是|为|[:：])(?!多少|什么|哪|在哪)[^，。？！\\s]|(欠费|余额|电费|用电量|电量|应缴)[^，。？！]{0,8}?\\d+(\\.\\d+)?\\s*(元|度|千瓦时)',
  speaker: 'agent',
};

export const HOLD_NOTICE: KeywordCondition = {
  op: 'keyword',
  words: [
    '请稍等',
    '请您稍等',
    '稍等一下',
    '稍候',
    '请不要挂机',
    '请别挂机',
    '正在为您查询',
    '帮您查询一下',
    '帮您查一下',
    '麻烦您稍等',
  ],
  speaker: 'agent',
};

export const SOOTHING: KeywordCondition = {
  op: 'keyword',
  words: [
    '抱歉',
    '对不起',
    '给您带来不便',
    '理解您的心情',
    '别着急',
    '不要着急',
    '请您谅解',
    '非常理解',
    '十分理解',
    '您消消气',
    '我们一定',
    '马上为您',
  ],
  speaker: 'agent',
};

export const CLOSING: KeywordCondition = {
  op: 'keyword',
  words: [
    '感谢您的来电',
    '感谢来电',
    '再见',
    '祝您生活愉快',
    '还有其他可以帮您',
    '还有什么可以帮您',
    '对我的服务进行评价',
    '请您挂机',
  ],
  speaker: 'agent',
  window: { lastTurns: 3 },
};

/** The agent transferring the call (转接) to another agent, desk or department. */
export const TRANSFER: KeywordCondition = {
  op: 'keyword',
  words: ['转接', '帮您转一下', '给您转一下', '转一下', '转过去', '帮您转到', '给您转到', '转到专席', '转人工'],
  speaker: 'agent',
};

export const TRANSFER_REASON: KeywordCondition = {
  op: 'keyword',
  words: ['由于', '因为', '专业', '负责', '专门', '更好地为您', '相关部门', '专席', '为了'],
  speaker: 'agent',
};

export const OUTAGE_REPORT: KeywordCondition = {
  op: 'keyword',
  words: ['停电', '没电', '断电', '跳闸', '来电了没', '没有电'],
  speaker: 'customer',
};

/** A customer turn: `^.` matches once per non-empty turn, so minCount counts turns. */
export const customerTurns = (minCount: number): RegexCondition => ({
  op: 'regex',
  pattern: '^.',
  speaker: 'customer',
  minCount,
});
