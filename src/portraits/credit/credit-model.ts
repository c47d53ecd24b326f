/**
 * The credit grade's iterative cumulative model (信用等级, REQUIREMENTS C3, seed 001 §1.2) as
 * data: a baseline score, integer deltas per payment event, a monthly cap on gains and the
 * 0–100 bounds. Changing a delta is a new `version`; ledger rows record the version that
 * computed them. docs/portraits-credit.md gives the reason for every number.
 */

export interface CreditNames {
  zh: string;
  en: string;
}

/**
 * Events the ledger counts per customer and month, read from bills, payments, operations and
 * third-party credit records.
 */
export type CreditEventCode =
  | 'on_time_payment'
  | 'late_payment_minor'
  | 'late_payment_major'
  | 'arrears_month_end'
  | 'disconnection_for_arrears'
  | 'theft_verdict'
  | 'third_party_dishonest'
  | 'third_party_honoured'
  | 'clean_quarter';

/** Lines a ledger month shows besides events, so that its lines always add up to its delta. */
export type CreditAdjustmentCode = 'monthly_gain_cap' | 'score_bound';

export interface CreditEventDef {
  code: CreditEventCode;
  name: CreditNames;
  /** Points per occurrence; the sign says gain or loss. */
  delta: number;
  /** When the event counts, in staff words (shown beside the delta table). */
  rule: CreditNames;
}

export type CreditGrade = 'A' | 'B' | 'C' | 'D' | 'E';

export interface CreditModel {
  code: 'credit';
  version: number;
  name: CreditNames;
  baseline: number;
  min: number;
  max: number;
  /** Most points a month may add, whatever its events (losses are never capped). */
  monthlyGainCap: number;
  /** A payment this many days after the due date or fewer is minor; later is major. */
  minorLateMaxDays: number;
  /** Lowest score of each grade, best first; below the last one is E. */
  grades: readonly { grade: CreditGrade; min: number }[];
  events: readonly CreditEventDef[];
  adjustments: Readonly<Record<CreditAdjustmentCode, CreditNames>>;
}

export const CREDIT_MODEL: CreditModel = {
  code: 'credit',
  // v2: third-party credit records (C3's optional third-party inputs).
  version: 2,
  name: { zh: '信用等级', en: 'Credit grade' },
  // A customer with no history starts at the bottom of B: trusted, but A is earned by about
  // six months of paying on time (see docs/portraits-credit.md, "Baseline").
  baseline: 80,
  min: 0,
  max: 100,
  monthlyGainCap: 3,
  minorLateMaxDays: 10,
  grades: [
    { grade: 'A', min: 90 },
    { grade: 'B', min: 80 },
    { grade: 'C', min: 70 },
    { grade: 'D', min: 60 },
  ],
  events: [
    {
      code: 'on_time_payment',
      name: { zh: '按期缴费', en: 'Bill paid on time' },
      delta: 1,
      rule: { zh: '账单在到期日当天或之前缴清', en: 'A bill settled on or before its due date' },
    },
    {
      code: 'late_payment_minor',
      name: { zh: '轻度逾期缴费', en: 'Paid 1–10 days late' },
      delta: -6,
      rule: { zh: '账单在到期日后1–10天内缴清', en: 'A bill settled 1–10 days after its due date' },
    },
    {
      code: 'late_payment_major',
      name: { zh: '严重逾期缴费', en: 'Paid over 10 days late' },
      delta: -10,
      rule: { zh: '账单在到期日10天以后才缴清', en: 'A bill settled more than 10 days after its due date' },
    },
    {
      code: 'arrears_month_end',
      name: { zh: '月末欠费', en: 'Arrears at month end' },
      delta: -3,
      rule: {
        zh: '月末时已过到期日仍未缴清的账单，每张每月计一次',
        en: 'Each bill past its due date and still unpaid at a month end, once per month',
      },
    },
    {
      code: 'disconnection_for_arrears',
      name: { zh: '欠费停电', en: 'Disconnected for arrears' },
      delta: -20,
      rule: {
        zh: '因欠费执行停电（停电通知后仍未缴费）',
        en: 'Supply cut for arrears (after a disconnection notice went unheeded)',
      },
    },
    {
      code: 'theft_verdict',
      name: { zh: '窃电定性', en: 'Electricity theft established' },
      delta: -50,
      rule: {
        zh: '用电检查认定窃电（操作 theft_verdict）；举报他人窃电不计',
        en: 'An inspection established theft (operation theft_verdict); reporting someone else does not count',
      },
    },
    {
      code: 'third_party_dishonest',
      name: { zh: '第三方失信记录', en: 'Third-party dishonesty record' },
      delta: -15,
      rule: {
        zh: '外部机构（法院失信被执行人名单、信用中国、银行等）报告的失信记录，按报告日所在月计',
        en: 'A dishonesty record reported by an outside registry (court list of dishonest debtors, credit China, a bank), in the month it was reported',
      },
    },
    {
      code: 'third_party_honoured',
      name: { zh: '第三方守信记录', en: 'Third-party trustworthiness record' },
      delta: 2,
      rule: {
        zh: '外部机构报告的守信记录（如守信红名单），按报告日所在月计；受月度加分上限约束',
        en: 'A trustworthiness record reported by an outside registry (a red list, say), in the month it was reported; within the monthly gain cap',
      },
    },
    {
      code: 'clean_quarter',
      name: { zh: '季度守信奖励', en: 'Clean quarter' },
      delta: 3,
      rule: {
        zh: '自然季度内无逾期、欠费、停电或窃电，且至少一次按期缴费，于季末月加分',
        en: 'A calendar quarter with no late payment, arrears, disconnection or theft and at least one bill paid on time; added in its last month',
      },
    },
  ],
  adjustments: {
    monthly_gain_cap: { zh: '月度加分上限', en: 'Monthly gain cap' },
    score_bound: { zh: '分值上下限 (0–100)', en: 'Score bounds (0–100)' },
  },
};

/** The grade of a score (seed 001: A 90–100, B 80–89, C 70–79, D 60–69, E below 60). */
export function creditGrade(score: number, model: CreditModel = CREDIT_MODEL): CreditGrade {
  for (const band of model.grades) if (score >= band.min) return band.grade;
  return 'E';
}

/** The event definition of a code, or undefined for a code the model does not know. */
export function creditEvent(code: string, model: CreditModel = CREDIT_MODEL): CreditEventDef | undefined {
  return model.events.find((e) => e.code === code);
}
