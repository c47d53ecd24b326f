import { describe, expect, it } from 'vitest';
import { addMonths, iterateCreditLedger } from './credit-iteration.js';
import { CREDIT_MODEL, type CreditEventCode, creditGrade } from './credit-model.js';

type Counts = Partial<Record<CreditEventCode, number>>;

/** A ledger from a list of months' counts starting 2025-11 (a quarter starts in December). */
function run(months: readonly Counts[]) {
  const from = '2025-11-01';
  const counts = new Map(months.map((c, i) => [addMonths(from, i), c] as const));
  return iterateCreditLedger(counts, { from, to: addMonths(from, months.length - 1) });
}
const onTime: Counts = { on_time_payment: 1 };
const finalScore = (months: readonly Counts[]) => run(months).at(-1)?.scoreAfter;
const repeat = (n: number, c: Counts) => Array.from({ length: n }, () => c);

describe('creditGrade', () => {
  it.each([
    [100, 'A'],
    [90, 'A'],
    [89, 'B'],
    [80, 'B'],
    [79, 'C'],
    [70, 'C'],
    [69, 'D'],
    [60, 'D'],
    [59, 'E'],
    [0, 'E'],
  ] as const)('grades %i as %s (seed 001 bands)', (score, grade) => {
    expect(creditGrade(score)).toBe(grade);
  });
});

describe('iterateCreditLedger', () => {
  it('starts at the baseline, a B', () => {
    const [first] = run([{}]);
    expect(first).toMatchObject({ scoreBefore: 80, delta: 0, scoreAfter: 80, lines: [] });
    expect(creditGrade(CREDIT_MODEL.baseline)).toBe('B');
  });

  it('lifts a customer who pays every bill on time from B to A in about six months', () => {
    const rows = run(repeat(12, onTime));
    const grades = rows.map((r) => creditGrade(r.scoreAfter));
    expect(grades.slice(0, 5)).not.toContain('A');
    expect(grades.slice(5)).toEqual(repeat(7, {}).map(() => 'A'));
    // Never loses a point on the way.
    expect(rows.every((r) => r.delta > 0)).toBe(true);
  });

  it('keeps an on-time payer at A', () => {
    const rows = run(repeat(36, onTime));
    expect(rows.slice(12).every((r) => creditGrade(r.scoreAfter) === 'A')).toBe(true);
  });

  it.each([
    ['two minor late payments', { late_payment_minor: 1 }, { late_payment_minor: 1 }],
    ['a minor and a major late payment', { late_payment_minor: 1 }, { late_payment_major: 1 }],
    ['two major late payments', { late_payment_major: 1 }, { late_payment_major: 1 }],
  ])('drops an A customer at 100 a grade after %s in a quarter', (_, first, second) => {
    const history = [...repeat(36, onTime), first, onTime, second];
    const rows = run(history);
    expect(rows[35]?.scoreAfter).toBe(100);
    expect(creditGrade(rows.at(-1)?.scoreAfter ?? 100)).not.toBe('A');
  });

  it('drops an A customer at 100 to D or below with a disconnection for arrears', () => {
    // The bill unpaid at month end, the supply cut and the bill paid late the next month.
    const history = [
      ...repeat(36, onTime),
      { arrears_month_end: 1 },
      { disconnection_for_arrears: 1, late_payment_major: 1 },
    ];
    const score = finalScore(history) ?? 100;
    expect(score).toBeLessThan(70);
    expect(['D', 'E']).toContain(creditGrade(score));
  });

  it('puts any customer in E after a theft verdict', () => {
    expect(creditGrade(finalScore([...repeat(36, onTime), { theft_verdict: 1 }]) ?? 100)).toBe('E');
  });

  it("clamps at 0 and at 100 and says so in the month's lines", () => {
    const rows = run([...repeat(8, { late_payment_major: 1, arrears_month_end: 2, disconnection_for_arrears: 1 })]);
    const bottom = rows.at(-1);
    expect(bottom?.scoreAfter).toBe(0);
    expect(bottom?.lines.at(-1)).toMatchObject({ code: 'score_bound' });
    const top = run(repeat(40, onTime)).at(-1);
    expect(top?.scoreAfter).toBe(100);
  });

  it('caps the gains of a month at +3, however many bills were paid on time', () => {
    const [month] = run([{ on_time_payment: 7 }]);
    expect(month?.delta).toBe(CREDIT_MODEL.monthlyGainCap);
    expect(month?.lines).toEqual([
      { code: 'on_time_payment', count: 7, delta: 7 },
      { code: 'monthly_gain_cap', count: 1, delta: -4 },
    ]);
  });

  it('never caps losses, and nets them after capping the gains', () => {
    const [month] = run([{ on_time_payment: 6, late_payment_minor: 1 }]);
    expect(month?.delta).toBe(3 - 6);
  });

  it('adds the clean-quarter bonus at a quarter end only when the quarter had no slip', () => {
    // Months 2025-11 … 2026-03: December ends a (partial) clean quarter, March a spoiled one.
    const rows = run([onTime, onTime, onTime, { late_payment_minor: 1 }, onTime]);
    const december = rows[1];
    expect(december?.lines.map((l) => l.code)).toContain('clean_quarter');
    expect(rows[4]?.lines.map((l) => l.code)).not.toContain('clean_quarter');
  });

  it('gives no clean-quarter bonus to a quarter without a bill paid on time', () => {
    const rows = run([{}, {}, {}, {}, {}]);
    expect(rows.every((r) => r.scoreAfter === 80)).toBe(true);
  });

  it("writes lines that add up to each month's delta", () => {
    const rows = run([
      onTime,
      { on_time_payment: 5 },
      { late_payment_major: 2, arrears_month_end: 3 },
      onTime,
      { theft_verdict: 2 },
    ]);
    for (const row of rows) {
      expect(row.lines.reduce((s, l) => s + l.delta, 0)).toBe(row.delta);
      expect(row.scoreAfter).toBe(row.scoreBefore + row.delta);
    }
  });

  it('climbs back from D to B in five clean quarters, not sooner than a year', () => {
    const rows = run([{ disconnection_for_arrears: 1 }, ...repeat(15, onTime)]);
    expect(rows[0]?.scoreAfter).toBe(60);
    expect(rows[12]?.scoreAfter).toBeLessThan(80);
    expect(rows.at(-1)?.scoreAfter).toBeGreaterThanOrEqual(80);
  });
});

describe('addMonths', () => {
  it.each([
    ['2025-11-01', 1, '2025-12-01'],
    ['2025-12-01', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-01'],
    ['2026-03-01', -14, '2025-01-01'],
  ] as const)('%s plus %i months is %s', (month, n, expected) => {
    expect(addMonths(month, n)).toBe(expected);
  });
});
