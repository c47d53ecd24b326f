/**
 * The iterative cumulative step of the credit model (C3): month by month from the baseline,
 * score_after = clamp(score_before + capped gains + losses). Pure: the rebuild feeds it the
 * event counts its set-based queries found, tests feed it case tables.
 */
import { CREDIT_MODEL, type CreditAdjustmentCode, type CreditEventCode, type CreditModel } from './credit-model.js';

/** Event counts of one customer by month ('YYYY-MM-01'); a month absent had no event. */
export type MonthEventCounts = ReadonlyMap<string, Partial<Record<CreditEventCode, number>>>;

export interface CreditLedgerLine {
  code: CreditEventCode | CreditAdjustmentCode;
  count: number;
  /** Points of these occurrences together; a month's lines add up to its delta. */
  delta: number;
}

export interface CreditLedgerRow {
  /** First day of the month, 'YYYY-MM-01'. */
  month: string;
  scoreBefore: number;
  delta: number;
  scoreAfter: number;
  lines: CreditLedgerLine[];
}

/** 'YYYY-MM-01' plus n months. */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

const isQuarterEnd = (month: string) => Number(month.slice(5, 7)) % 3 === 0;

/**
 * One row per month from `from` to `to` (both 'YYYY-MM-01', inclusive), months without
 * events included, so the score as of any month is that month's row.
 */
export function iterateCreditLedger(
  counts: MonthEventCounts,
  range: { from: string; to: string },
  model: CreditModel = CREDIT_MODEL,
): CreditLedgerRow[] {
  const losses = new Set(model.events.filter((e) => e.delta < 0).map((e) => e.code));
  const rows: CreditLedgerRow[] = [];
  let score = model.baseline;
  for (let month = range.from; month <= range.to; month = addMonths(month, 1)) {
    const found: Partial<Record<CreditEventCode, number>> = { ...counts.get(month) };
    if (isQuarterEnd(month) && quarterIsClean(counts, month, range.from, losses)) found.clean_quarter = 1;
    const lines: CreditLedgerLine[] = [];
    for (const event of model.events) {
      const count = found[event.code] ?? 0;
      if (count > 0) lines.push({ code: event.code, count, delta: count * event.delta });
    }
    const gains = lines.reduce((sum, l) => sum + Math.max(0, l.delta), 0);
    if (gains > model.monthlyGainCap)
      lines.push({ code: 'monthly_gain_cap', count: 1, delta: model.monthlyGainCap - gains });
    const unbounded = score + lines.reduce((sum, l) => sum + l.delta, 0);
    const after = Math.min(model.max, Math.max(model.min, unbounded));
    if (after !== unbounded) lines.push({ code: 'score_bound', count: 1, delta: after - unbounded });
    rows.push({ month, scoreBefore: score, delta: after - score, scoreAfter: after, lines });
    score = after;
  }
  return rows;
}

/**
 * A calendar quarter (the months of it the ledger covers) with at least one bill paid on time
 * and no loss event: paying on time without a slip for a quarter earns the recovery bonus.
 */
function quarterIsClean(
  counts: MonthEventCounts,
  quarterEnd: string,
  from: string,
  losses: ReadonlySet<CreditEventCode>,
): boolean {
  let onTime = 0;
  for (let i = 2; i >= 0; i--) {
    const month = addMonths(quarterEnd, -i);
    if (month < from) continue;
    const found = counts.get(month) ?? {};
    for (const code of losses) if ((found[code] ?? 0) > 0) return false;
    onTime += found.on_time_payment ?? 0;
  }
  return onTime > 0;
}
