import type { Condition, GradeDef, ScoreDef } from '../engine/types.js';

/** A weighted score whose weights a trained model supplies (see TRAINED_SCORES). */
export type TrainedScoreTemplate = Omit<Extract<ScoreDef, { kind: 'weighted' }>, 'intercept' | 'weights' | 'version'>;

const ge = (feature: string, value: number): Condition => ({ feature, op: '>=', value });

/**
 * Customer scores and grades. The credit score itself is the credit ledger's iterative
 * cumulative model (src/portraits/credit, C3); the portrait reads its month-end value.
 */
export const CUSTOMER_SCORES: ScoreDef[] = [
  {
    code: 'credit',
    subject: 'customer',
    name: { zh: '信用分', en: 'Credit score' },
    description: { zh: '信用台账逐月累积的分值（0–100）', en: 'The month-end score of the credit ledger (0–100)' },
    kind: 'feature',
    feature: 'credit_score',
    min: 0,
    max: 100,
    version: 1,
  },
  {
    code: 'fee_risk',
    subject: 'customer',
    name: { zh: '电费风险分', en: 'Fee risk score' },
    description: {
      zh: '由缴费金额、时间与频次计算：逾期占比、逾期天数、欠费停电、催费次数与电费规模',
      en: 'From the amount, timing and frequency of payments: late share, days late, disconnections, reminders and bill size',
    },
    kind: 'points',
    base: 0,
    min: 0,
    max: 100,
    version: 1,
    rules: [
      {
        when: ge('late_payment_share_12m', 0.5),
        points: 35,
        reason: { zh: '过半账单逾期', en: 'Over half of the bills paid late' },
      },
      {
        when: ge('late_payment_share_12m', 0.2),
        points: 15,
        reason: { zh: '两成以上账单逾期', en: 'Over a fifth of the bills paid late' },
      },
      {
        when: ge('late_payments_major_12m', 2),
        points: 15,
        reason: { zh: '两次以上逾期超10天', en: 'Two or more payments over 10 days late' },
      },
      {
        when: ge('max_days_late_12m', 20),
        points: 10,
        reason: { zh: '最长逾期超20天', en: 'A payment over 20 days late' },
      },
      { when: ge('disconnections_12m', 1), points: 15, reason: { zh: '发生欠费停电', en: 'Disconnected for arrears' } },
      {
        when: ge('arrears_reminders_12m', 3),
        points: 5,
        reason: { zh: '催费通知3次以上', en: 'Three or more arrears reminders' },
      },
      {
        when: { all: [ge('late_payments_12m', 1), ge('bill_amount_avg_12m', 1000)] },
        points: 10,
        reason: { zh: '月均电费超1000元且有逾期', en: 'Average bill over 1,000 yuan with late payments' },
      },
    ],
  },
  {
    code: 'activity',
    subject: 'customer',
    name: { zh: '交互活跃度', en: 'Interaction activity' },
    description: {
      zh: '一年内主动接触的次数、渠道数与APP使用',
      en: 'Contacts initiated, channels used and app use in a year',
    },
    kind: 'points',
    base: 0,
    min: 0,
    max: 100,
    version: 1,
    rules: [
      { when: ge('contacts_12m', 1), points: 20, reason: { zh: '有主动接触', en: 'Initiated contact' } },
      { when: ge('contacts_12m', 4), points: 20, reason: { zh: '主动接触4次以上', en: 'Four or more contacts' } },
      { when: ge('contacts_12m', 12), points: 20, reason: { zh: '主动接触12次以上', en: 'Twelve or more contacts' } },
      {
        when: ge('contact_channels_12m', 2),
        points: 15,
        reason: { zh: '使用2个以上渠道', en: 'Two or more channels' },
      },
      {
        when: ge('contact_channels_12m', 3),
        points: 10,
        reason: { zh: '使用3个以上渠道', en: 'Three or more channels' },
      },
      { when: ge('app_logins_12m', 12), points: 15, reason: { zh: '每月使用APP', en: 'Uses the app monthly' } },
    ],
  },
];

export const CUSTOMER_GRADES: GradeDef[] = [
  {
    code: 'credit_grade',
    subject: 'customer',
    name: { zh: '信用等级', en: 'Credit grade' },
    description: {
      zh: 'A 90–100、B 80–89、C 70–79、D 60–69、E <60（种子文档001）',
      en: 'A 90–100, B 80–89, C 70–79, D 60–69, E <60 (seed 001)',
    },
    score: 'credit',
    version: 1,
    bands: [
      { grade: 'A', min: 90, name: { zh: 'A 优', en: 'A excellent' } },
      { grade: 'B', min: 80, name: { zh: 'B 良', en: 'B good' } },
      { grade: 'C', min: 70, name: { zh: 'C 中', en: 'C fair' } },
      { grade: 'D', min: 60, name: { zh: 'D 较差', en: 'D poor' } },
      { grade: 'E', min: 0, name: { zh: 'E 差', en: 'E bad' } },
    ],
  },
  {
    code: 'fee_risk_class',
    subject: 'customer',
    name: { zh: '电费风险等级', en: 'Fee risk class' },
    description: {
      zh: '1 低风险、2 中风险、3 高风险（电费风险分 <20 / 20–49 / ≥50）',
      en: '1 low, 2 medium, 3 high (fee risk score <20 / 20–49 / ≥50)',
    },
    score: 'fee_risk',
    version: 1,
    bands: [
      { grade: '3', min: 50, name: { zh: '3 高风险', en: '3 high risk' } },
      { grade: '2', min: 20, name: { zh: '2 中风险', en: '2 medium risk' } },
      { grade: '1', min: 0, name: { zh: '1 低风险', en: '1 low risk' } },
    ],
  },
  {
    code: 'activity_level',
    subject: 'customer',
    name: { zh: '活跃度等级', en: 'Activity level' },
    description: { zh: '高 ≥60、中 30–59、低 <30', en: 'high ≥60, medium 30–59, low <30' },
    score: 'activity',
    version: 1,
    bands: [
      { grade: 'high', min: 60, name: { zh: '高', en: 'High' } },
      { grade: 'medium', min: 30, name: { zh: '中', en: 'Medium' } },
      { grade: 'low', min: 0, name: { zh: '低', en: 'Low' } },
    ],
  },
];

/**
 * Complaint risk (投诉风险度, C6): the probability, in %, that the customer files a complaint
 * in the next 30 days. The weights are not written here: they come from the live model that
 * `gridcare portraits train-risk` fitted on the store's own history (portrait_model,
 * src/portraits/complaint-risk), and withTrainedModels() puts them in the catalog. With no
 * model trained yet the score and its grade are absent, not invented.
 */
export const COMPLAINT_RISK_SCORE: TrainedScoreTemplate = {
  code: 'complaint_risk',
  subject: 'customer',
  name: { zh: '投诉风险度', en: 'Complaint risk' },
  description: {
    zh: '未来30天内投诉的概率（%）：逻辑回归模型，以本系统历史数据按时间留出验证训练',
    en: 'Probability (%) of a complaint in the next 30 days: a logistic regression trained on the store’s own history with a time-based hold-out',
  },
  kind: 'weighted',
  link: 'logistic',
  min: 0,
  max: 100,
};

export const COMPLAINT_RISK_GRADE: GradeDef = {
  code: 'complaint_risk_level',
  subject: 'customer',
  name: { zh: '投诉风险等级', en: 'Complaint risk level' },
  description: {
    zh: '高 ≥20%、中 5–19%、低 <5%（30天内投诉概率）',
    en: 'high ≥20 %, medium 5–19 %, low <5 % (probability of a complaint within 30 days)',
  },
  score: 'complaint_risk',
  version: 1,
  bands: [
    { grade: 'high', min: 20, name: { zh: '高', en: 'High' } },
    { grade: 'medium', min: 5, name: { zh: '中', en: 'Medium' } },
    { grade: 'low', min: 0, name: { zh: '低', en: 'Low' } },
  ],
};

/** Scores fitted by a trained model (model code = score code), with the grades over them. */
export const TRAINED_SCORES: ReadonlyArray<{ score: TrainedScoreTemplate; grades: readonly GradeDef[] }> = [
  { score: COMPLAINT_RISK_SCORE, grades: [COMPLAINT_RISK_GRADE] },
];
