/**
 * Training recommendations (E2, Q4) from an agent's QA portrait: data, one entry per category
 * and for the rules whose deductions most call for a specific course. Written from the 95598
 * service norms the default scheme encodes.
 */
export interface TrainingAdvice {
  zh: string;
  en: string;
}

export const CATEGORY_TRAINING: Record<string, TrainingAdvice> = {
  etiquette: {
    zh: '服务礼仪与标准服务用语复训（问候、自报工号、结束语、语速）',
    en: 'Refresher on service etiquette and standard phrases (greeting, agent number, closing, pace)',
  },
  accuracy: {
    zh: '业务知识复训：抢修到达时限、欠费复电、计划停电告知规范',
    en: 'Business knowledge refresher: repair arrival limits, reconnection after arrears, planned-outage notices',
  },
  process: {
    zh: '服务流程规范培训：身份核实、等待提示、转接说明、投诉受理与首问负责',
    en: 'Process training: identity check, hold notices, explained transfers, complaint acceptance, first-contact ownership',
  },
  forbidden: {
    zh: '服务禁语专项整改：禁语清单学习与情景演练，一对一辅导',
    en: 'Forbidden-phrase remediation: the 95598 list, role play, one-to-one coaching',
  },
  emotion: {
    zh: '情绪安抚与投诉化解技巧培训（共情、致歉、升级诉求应对）',
    en: 'Soothing and de-escalation training (empathy, apology, handling escalation threats)',
  },
};

export const RULE_TRAINING: Record<string, TrainingAdvice> = {
  'process.account_before_identity': {
    zh: '客户信息保护：先核实身份再告知账户信息',
    en: 'Customer data protection: verify identity before disclosing account details',
  },
  'process.silence_without_hold': {
    zh: '查询等待规范：静音前提示“请您稍等”',
    en: 'Hold etiquette: announce the hold before a silence',
  },
  'process.transfer_without_explanation': {
    zh: '转接规范：转接前说明原因与去向',
    en: 'Transfers: say why and where before transferring',
  },
  'emotion.angry_not_soothed': {
    zh: '客户情绪激动时的第一句安抚话术演练',
    en: 'First soothing sentence when a customer is upset: drills',
  },
  'etiquette.interrupting_customer': {
    zh: '倾听技巧：不打断客户，待客户说完再回应',
    en: 'Listening skills: let the customer finish before answering',
  },
  'etiquette.missing_self_intro': { zh: '开场规范：问候并自报工号', en: 'Opening: greet and give the agent number' },
  'etiquette.missing_closing': {
    zh: '结束规范：确认无其他需求并致谢道别',
    en: 'Closing: check for further needs, thank and say goodbye',
  },
};
