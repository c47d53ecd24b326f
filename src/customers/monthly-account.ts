import type { Queryable } from '../db/db.js';

export interface MonthlyAccount {
  month: string; // YYYY-MM
  /** Sum of the daily readings of the month (collection system); null when none. */
  kwh: number | null;
  /** Billed kWh and amount (billing system); null when no bill. */
  billedKwh: number | null;
  billAmount: number | null;
  dueDate: string | null;
  paidAmount: number | null;
  /** Date of the last payment against the month's bill(s). */
  paidOn: string | null;
  /** Days the last payment came after the due date (0 = on time); null when unpaid. */
  daysLate: number | null;
}

/**
 * One row per month across readings and bills, oldest first. Payments are matched to bills by
 * bill_no; a payment without bill_no counts for the bill whose due date it carries.
 */
export async function monthlyAccount(db: Queryable, customerId: number): Promise<MonthlyAccount[]> {
  const [readings, bills] = await Promise.all([
    db.query<{ month: string; kwh: number | null }>(
      `SELECT to_char(month, 'YYYY-MM') AS month,
         (SELECT round(sum(x)::numeric, 2) FROM unnest(kwh) AS x) AS kwh
       FROM meter_reading_month WHERE customer_id = $1 ORDER BY month`,
      [customerId],
    ),
    db.query<{ month: string; kwh: number; amount: number; due_date: string; paid: number | null; paid_on: string | null }>(
      `SELECT to_char(b.period, 'YYYY-MM') AS month, sum(b.kwh) AS kwh, sum(b.amount) AS amount, max(b.due_date) AS due_date,
         sum(p.paid) AS paid, to_char(max(p.paid_on), 'YYYY-MM-DD') AS paid_on
       FROM bill b
       LEFT JOIN LATERAL (
         SELECT sum(amount) AS paid, max((paid_at AT TIME ZONE 'Asia/Shanghai')::date) AS paid_on FROM payment p
         WHERE p.customer_id = b.customer_id AND (p.bill_no = b.bill_no OR (p.bill_no IS NULL AND p.due_date = b.due_date))
       ) p ON TRUE
       WHERE b.customer_id = $1 GROUP BY b.period ORDER BY b.period`,
      [customerId],
    ),
  ]);
  const byMonth = new Map<string, MonthlyAccount>();
  const row = (month: string): MonthlyAccount => {
    let r = byMonth.get(month);
    if (!r) {
      r = { month, kwh: null, billedKwh: null, billAmount: null, dueDate: null, paidAmount: null, paidOn: null, daysLate: null };
      byMonth.set(month, r);
    }
    return r;
  };
  for (const r of readings) row(r.month).kwh = r.kwh;
  for (const b of bills) {
    const r = row(b.month);
    r.billedKwh = b.kwh;
    r.billAmount = b.amount;
    r.dueDate = b.due_date;
    r.paidAmount = b.paid;
    r.paidOn = b.paid_on;
    r.daysLate = b.paid_on === null ? null : Math.max(0, daysBetween(b.due_date, b.paid_on));
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
