/**
 * A customer's credit grade with the ledger and the delta table behind it, in one language:
 * what GET /api/v1/customers/:no/credit answers, so the grade explains itself (C8).
 */
import type { Queryable } from '../../db/db.js';
import type { Language } from '../../traces/attribute-labels.js';
import { readCreditLedger } from './credit-ledger.js';
import { CREDIT_MODEL, type CreditGrade, type CreditModel, type CreditNames, creditGrade } from './credit-model.js';

export interface CreditReportLine {
  code: string;
  name: string;
  count: number;
  delta: number;
}

export interface CreditReportMonth {
  /** 'YYYY-MM' */
  month: string;
  scoreBefore: number;
  delta: number;
  scoreAfter: number;
  grade: CreditGrade;
  events: CreditReportLine[];
}

export interface CreditModelTable {
  code: string;
  version: number;
  name: string;
  baseline: number;
  min: number;
  max: number;
  monthlyGainCap: number;
  minorLateMaxDays: number;
  grades: { grade: CreditGrade; min: number; max: number }[];
  events: { code: string; name: string; delta: number; rule: string }[];
}

/** A third-party credit record as imported (credit_reports), for the lines that count it. */
export interface ThirdPartyCreditRecord {
  reportNo: string;
  agency: string;
  verdict: 'dishonest' | 'honoured';
  /** 'YYYY-MM-DD' */
  reportedOn: string;
  note: string | null;
}

/** Records shown per customer, newest first: more would not change what the ledger says. */
const THIRD_PARTY_LIMIT = 20;

export interface CreditReport {
  customerNo: string;
  /** The latest month's score; the baseline while the customer has no ledger yet. */
  score: number;
  grade: CreditGrade;
  /** 'YYYY-MM' of the latest ledger month, null without a ledger. */
  month: string | null;
  /** Model version that computed the ledger (the current one without a ledger). */
  modelVersion: number;
  /** The ledger was computed by another model version than the current one: rebuild it. */
  stale: boolean;
  ledger: CreditReportMonth[];
  /** Third-party records behind the ledger's third_party_* lines, newest first (at most 20). */
  thirdParty: ThirdPartyCreditRecord[];
  model: CreditModelTable;
}

const pick = (names: CreditNames, lang: Language) => (lang === 'en' ? names.en : names.zh);

function nameOf(code: string, model: CreditModel, lang: Language): string {
  const event = model.events.find((e) => e.code === code);
  if (event) return pick(event.name, lang);
  const adjustment = Object.hasOwn(model.adjustments, code)
    ? model.adjustments[code as keyof CreditModel['adjustments']]
    : undefined;
  return adjustment ? pick(adjustment, lang) : code;
}

export function creditModelTable(lang: Language, model: CreditModel = CREDIT_MODEL): CreditModelTable {
  return {
    code: model.code,
    version: model.version,
    name: pick(model.name, lang),
    baseline: model.baseline,
    min: model.min,
    max: model.max,
    monthlyGainCap: model.monthlyGainCap,
    minorLateMaxDays: model.minorLateMaxDays,
    grades: [
      ...model.grades.map((g, i) => ({
        grade: g.grade,
        min: g.min,
        max: i === 0 ? model.max : (model.grades[i - 1]?.min ?? model.max) - 1,
      })),
      { grade: 'E' as const, min: model.min, max: (model.grades.at(-1)?.min ?? model.min + 1) - 1 },
    ],
    events: model.events.map((e) => ({
      code: e.code,
      name: pick(e.name, lang),
      delta: e.delta,
      rule: pick(e.rule, lang),
    })),
  };
}

export async function creditReport(
  db: Queryable,
  customer: { customerId: number; customerNo: string },
  lang: Language,
  model: CreditModel = CREDIT_MODEL,
): Promise<CreditReport> {
  const rows = await readCreditLedger(db, customer.customerId);
  const thirdParty = await db.query<ThirdPartyCreditRecord>(
    `SELECT report_no AS "reportNo", agency, verdict, reported_on AS "reportedOn", note
     FROM credit_report WHERE customer_id = $1 ORDER BY reported_on DESC, report_no LIMIT ${THIRD_PARTY_LIMIT}`,
    [customer.customerId],
  );
  const latest = rows.at(-1);
  const score = latest?.scoreAfter ?? model.baseline;
  const modelVersion = latest?.modelVersion ?? model.version;
  return {
    customerNo: customer.customerNo,
    score,
    grade: creditGrade(score, model),
    month: latest ? latest.month.slice(0, 7) : null,
    modelVersion,
    stale: modelVersion !== model.version,
    ledger: rows.map((r) => ({
      month: r.month.slice(0, 7),
      scoreBefore: r.scoreBefore,
      delta: r.delta,
      scoreAfter: r.scoreAfter,
      grade: creditGrade(r.scoreAfter, model),
      events: r.lines.map((l) => ({ code: l.code, name: nameOf(l.code, model, lang), count: l.count, delta: l.delta })),
    })),
    thirdParty,
    model: creditModelTable(lang, model),
  };
}
