/**
 * Credit events per (customer, month), one set-based query per source table for a range of
 * customers: bills + payments (on time / late / arrears at month end), employee operations
 * (disconnections for arrears, theft verdicts), traces that arrived without an operation
 * row, and third-party credit records. Months are calendar months in Asia/Shanghai, where bills fall due.
 */
import type { Queryable } from '../../db/db.js';
import { CREDIT_MODEL, type CreditEventCode, type CreditModel } from './credit-model.js';

/** Customers of one batch: ids from `first` to `last`, only those of `only` when given. */
export interface CustomerRange {
  first: number;
  last: number;
  only: readonly number[] | null;
}

export interface CustomerEvents {
  /** First month with a bill issued or an event: where the customer's ledger starts. */
  firstMonth: string;
  counts: Map<string, Partial<Record<CreditEventCode, number>>>;
}

type EventRow = { customer_id: number; month: string; code: CreditEventCode | 'bill_issued'; n: number };

// $1..$3 select the customers in every query.
const IN_RANGE = (alias: string) =>
  `${alias}.customer_id BETWEEN $1 AND $2 AND ($3::bigint[] IS NULL OR ${alias}.customer_id = ANY($3::bigint[]))`;
const LOCAL_MONTH = (ts: string) => `date_trunc('month', ${ts} AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * A bill is settled when its payments (matched by bill_no, or by due date when the payment
 * names no bill, as the monthly account does) reach its amount. Paid on or before the due date
 * is on time; within minorLateMaxDays late is minor, later major. Each month end (instant: the
 * next month's start in Beijing, reached by asOf) on or after the due date with the bill still
 * unsettled is one arrears_month_end. Bills of zero or less ask nothing of the customer.
 */
const BILLING_EVENTS = `
WITH bills AS (
  SELECT b.customer_id, b.bill_no, b.amount, b.due_date, b.issued_on FROM bill b
  WHERE ${IN_RANGE('b')} AND b.issued_on <= ($4::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
),
-- The batch's own payments: joined to bills on the customer alone, every payment of every
-- customer was hashed for each batch (219,000 rows at 20,000 customers, 11 M at a million).
payments AS (
  SELECT p.customer_id, p.payment_no, p.bill_no, p.due_date, p.amount, p.paid_at FROM payment p
  WHERE ${IN_RANGE('p')} AND p.paid_at <= $4
),
-- A payment names its bill, or names none and pays by due date: two equi-joins whose rows
-- cannot overlap (bill_no set or NULL), where one join ON … OR … could only hash on the
-- customer and test every bill against every payment of it.
paid AS (
  SELECT customer_id, bill_no, paid_at,
    sum(amount) OVER (PARTITION BY customer_id, bill_no ORDER BY paid_at, payment_no) AS paid_so_far
  FROM (
    SELECT b.customer_id, b.bill_no, p.paid_at, p.payment_no, p.amount
    FROM bills b JOIN payments p ON p.customer_id = b.customer_id AND p.bill_no = b.bill_no
    WHERE b.amount > 0
    UNION ALL
    SELECT b.customer_id, b.bill_no, p.paid_at, p.payment_no, p.amount
    FROM bills b JOIN payments p ON p.customer_id = b.customer_id AND p.bill_no IS NULL AND p.due_date = b.due_date
    WHERE b.amount > 0
  ) matched
),
settled AS (
  SELECT b.customer_id, b.amount, b.due_date, b.issued_on,
    (min(pd.paid_at) FILTER (WHERE pd.paid_so_far >= b.amount - 0.005) AT TIME ZONE 'Asia/Shanghai')::date AS paid_on
  FROM bills b LEFT JOIN paid pd ON pd.customer_id = b.customer_id AND pd.bill_no = b.bill_no
  GROUP BY b.customer_id, b.bill_no, b.amount, b.due_date, b.issued_on
)
SELECT customer_id, month::text AS month, code, count(*)::int AS n FROM (
  SELECT customer_id, date_trunc('month', issued_on::timestamp)::date AS month, 'bill_issued' AS code FROM settled
  UNION ALL
  SELECT customer_id, date_trunc('month', paid_on::timestamp)::date,
    CASE WHEN paid_on <= due_date THEN 'on_time_payment'
         WHEN paid_on - due_date <= $5 THEN 'late_payment_minor'
         ELSE 'late_payment_major' END
  FROM settled WHERE amount > 0 AND paid_on IS NOT NULL
  UNION ALL
  SELECT s.customer_id, m.month::date, 'arrears_month_end'
  FROM settled s
  CROSS JOIN LATERAL generate_series(
    date_trunc('month', s.due_date::timestamp),
    date_trunc('month', coalesce(s.paid_on, ($4::timestamptz AT TIME ZONE 'Asia/Shanghai')::date)::timestamp),
    interval '1 month') AS m(month)
  WHERE s.amount > 0
    AND (m.month + interval '1 month')::date - 1 >= s.due_date
    AND (s.paid_on IS NULL OR s.paid_on > (m.month + interval '1 month')::date - 1)
    AND ((m.month + interval '1 month') AT TIME ZONE 'Asia/Shanghai') <= $4
) e
GROUP BY customer_id, month, code`;

/**
 * Operations of the source systems: a disconnection is for arrears unless its detail names
 * another reason (a safety cut says nothing of credit); theft_verdict is the inspection's
 * finding. Reports of theft (work orders, topic theft) are made by the reporter about someone
 * else, so they never count against the work order's customer.
 */
const OPERATION_EVENTS = `
SELECT o.customer_id, ${LOCAL_MONTH('o.at')}::text AS month,
  CASE WHEN lower(o.operation) = 'disconnection' THEN 'disconnection_for_arrears' ELSE 'theft_verdict' END AS code,
  count(*)::int AS n
FROM employee_operation o
WHERE ${IN_RANGE('o')} AND o.at <= $4
  AND ((lower(o.operation) = 'disconnection' AND coalesce(o.detail->>'reason', 'arrears') = 'arrears')
       OR lower(o.operation) = 'theft_verdict')
GROUP BY 1, 2, 3`;

/** The same facts sent as traces only (a field system's own feed); traces mirrored from an
 * employee_operations row (source_id 'employee_operations:…') are counted from that row. */
const TRACE_EVENTS = `
SELECT t.customer_id, ${LOCAL_MONTH('t.occurred_at')}::text AS month,
  CASE WHEN t.trace_type = 'disconnection' THEN 'disconnection_for_arrears' ELSE 'theft_verdict' END AS code,
  count(*)::int AS n
FROM trace t
WHERE ${IN_RANGE('t')} AND t.occurred_at <= $4
  AND t.source_id NOT LIKE 'employee_operations:%'
  AND ((t.trace_type = 'disconnection' AND coalesce(t.attributes->>'reason', 'arrears') = 'arrears')
       OR (t.trace_type = 'employee_operation' AND t.attributes->>'operation' = 'theft_verdict'))
GROUP BY 1, 2, 3`;

/** A registry's record counts in the month (Beijing) of the day it was reported. */
const THIRD_PARTY_EVENTS = `
SELECT r.customer_id, date_trunc('month', r.reported_on::timestamp)::date::text AS month,
  CASE WHEN r.verdict = 'dishonest' THEN 'third_party_dishonest' ELSE 'third_party_honoured' END AS code,
  count(*)::int AS n
FROM credit_report r
WHERE ${IN_RANGE('r')} AND r.reported_on <= ($4::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
GROUP BY 1, 2, 3`;

/** Event counts of the customers in `range`, as of `asOf`; customers with none are absent. */
export async function readCreditEvents(
  db: Queryable,
  range: CustomerRange,
  asOf: Date,
  model: CreditModel = CREDIT_MODEL,
): Promise<Map<number, CustomerEvents>> {
  const params = [range.first, range.last, range.only, asOf];
  // One after the other: `db` may be a transaction's single connection.
  const billing = await db.query<EventRow>(BILLING_EVENTS, [...params, model.minorLateMaxDays]);
  const operations = await db.query<EventRow>(OPERATION_EVENTS, params);
  const traces = await db.query<EventRow>(TRACE_EVENTS, params);
  const thirdParty = await db.query<EventRow>(THIRD_PARTY_EVENTS, params);
  const byCustomer = new Map<number, CustomerEvents>();
  for (const row of [...billing, ...operations, ...traces, ...thirdParty]) {
    let events = byCustomer.get(row.customer_id);
    if (!events) {
      events = { firstMonth: row.month, counts: new Map() };
      byCustomer.set(row.customer_id, events);
    }
    if (row.month < events.firstMonth) events.firstMonth = row.month;
    if (row.code === 'bill_issued') continue;
    const month = events.counts.get(row.month) ?? {};
    month[row.code] = (month[row.code] ?? 0) + row.n;
    events.counts.set(row.month, month);
  }
  return byCustomer;
}
