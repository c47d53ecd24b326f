/**
 * The QA violations the demo world plants in call and chat transcripts (Q1). The QA rule
 * engine is scored against these codes; the phrase lists say what the generator writes, so
 * rules and generator speak of the same thing.
 */
export const QA_VIOLATIONS = {
  missing_greeting: { zh: '未使用开头问候语', en: 'No opening greeting' },
  missing_self_intro: { zh: '未自报工号', en: 'Agent did not state the work number' },
  no_identity_check: { zh: '未核实身份即告知户号信息', en: 'Account details given before verifying identity' },
  forbidden_words: { zh: '使用服务禁语', en: 'Forbidden service words' },
  long_silence_no_hold_notice: { zh: '长时间静默未提示等待', en: 'Silence over 20 s without a hold notice' },
  angry_not_soothed: { zh: '客户情绪激动未安抚', en: 'Angry customer not soothed' },
  interruption: { zh: '抢话打断客户', en: 'Agent interrupted the customer' },
  missing_closing: { zh: '未使用结束语', en: 'No closing phrase' },
  transfer_without_explanation: { zh: '转接未说明原因', en: 'Transfer without explanation' },
  no_confirmation: { zh: '未复述确认客户诉求', en: 'Request not restated for confirmation' },
} as const;
export type QaViolationCode = keyof typeof QA_VIOLATIONS;
export const QA_VIOLATION_CODES = Object.keys(QA_VIOLATIONS) as QaViolationCode[];
/**
 * Violations drawn from each customer's own call-habits stream instead of the activity
 * stream: they were added after seeded worlds had been measured, and drawing them apart
 * leaves every other record of a seed's world as it was.
 */
export const HABIT_VIOLATION_CODES = ['no_confirmation'] as const satisfies readonly QaViolationCode[];
export type HabitViolationCode = (typeof HABIT_VIOLATION_CODES)[number];

/** Silence longer than this between turns needs a hold notice in the agent turn before it. */
export const LONG_SILENCE_MS = 20_000;

/** Every compliant call's first agent turn contains one of these. */
export const GREETING_PHRASES = ['您好', '你好'] as const;
/** The work-number introduction: '工号' followed by digits, or '号客服'. */
export const SELF_INTRO_PATTERN = /工号\s*\d{3,6}|\d{3,6}号客服/;
/** Agent phrases that verify identity before account details are read out. */
export const IDENTITY_CHECK_PHRASES = [
  '核实一下您的身份',
  '户主姓名',
  '户号是多少',
  '身份证后四位',
  '核实您的信息',
] as const;
/** Phrases that read out account details; they need an identity check before them. */
export const ACCOUNT_DETAIL_MARKERS = ['您的户号', '户名是', '上月电费', '欠费金额', '账户余额'] as const;
/** 服务禁语 the generator plants (the QA engine's list may be longer). */
export const FORBIDDEN_PHRASES = [
  '不知道',
  '这不归我们管',
  '你自己去查',
  '没办法',
  '我也没办法',
  '跟我说没用',
  '不是跟你说了吗',
] as const;
export const HOLD_PHRASES = ['请稍等', '请您稍候', '请稍候', '麻烦您稍等'] as const;
export const SOOTHING_PHRASES = ['非常抱歉', '很抱歉', '请您别着急', '理解您的心情', '给您带来不便'] as const;
export const CLOSING_PHRASES = ['还有其他可以帮您', '感谢您的来电', '再见', '感谢您的咨询'] as const;
/** Customer wording that marks anger. */
export const ANGER_MARKERS = [
  '气死我了',
  '太过分了',
  '你们怎么搞的',
  '什么破服务',
  '我要投诉你们',
  '简直是',
  '受不了',
] as const;
/** The agent restates the request (复述确认); a call without it violates the norm once the customer has spoken this often. */
export const CONFIRMATION_PHRASES = ['跟您确认一下', '您反映的是'] as const;
export const CONFIRMATION_AFTER_CUSTOMER_TURNS = 3;
export const TRANSFER_EXPLANATION_PHRASES = ['需要专业部门处理', '为您转接到', '请不要挂机'] as const;
