import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomer, insertEmployee, insertTrace, seedOrgUnits, uid } from '../../../test/support/api-world.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import type { Queryable } from '../../db/db.js';
import { readCreditLedger, readCreditScores, rebuildCreditLedger } from './credit-ledger.js';
import { CREDIT_MODEL } from './credit-model.js';

let t: TestDb;
let employeeId: number;

beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
  employeeId = (await insertEmployee(t.db, { post: 'grid_manager' })).employeeId;
});
afterAll(async () => {
  await t.drop();
});

async function bill(
  db: Queryable,
  customerId: number,
  period: string,
  amount: number,
  issuedOn: string,
  dueDate: string,
) {
  const billNo = uid('B');
  await db.query(
    `INSERT INTO bill (customer_id, bill_no, period, kwh, amount, issued_on, due_date) VALUES ($1, $2, $3, 100, $4, $5, $6)`,
    [customerId, billNo, `${period}-01`, amount, issuedOn, dueDate],
  );
  return billNo;
}

async function pay(
  db: Queryable,
  customerId: number,
  billNo: string | null,
  amount: number,
  paidAt: string,
  dueDate?: string,
) {
  await db.query(
    `INSERT INTO payment (customer_id, payment_no, bill_no, amount, channel, paid_at, due_date) VALUES ($1, $2, $3, $4, 'wechat', $5, $6)`,
    [customerId, uid('P'), billNo, amount, paidAt, dueDate ?? null],
  );
}

async function operation(
  db: Queryable,
  customerId: number,
  op: string,
  at: string,
  detail: Record<string, unknown> = {},
) {
  await db.query(
    `INSERT INTO employee_operation (operation_id, employee_id, operation, at, customer_id, system, detail)
     VALUES ($1, $2, $3, $4, $5, 'collection', $6::jsonb)`,
    [uid('OP'), employeeId, op, at, customerId, JSON.stringify(detail)],
  );
}

/**
 * A customer whose payments slide: a zero bill opens the ledger in April; May's bill paid on
 * its due date (23:30 Beijing, still the 23rd); June's paid 8 days late on 1 July Beijing
 * (30 June UTC), so unpaid at June's end; July's paid half on time and the rest 18 days late,
 * with a disconnection for arrears in between; August's unpaid, and paid only after asOf.
 */
async function slidingPayer(db: Queryable) {
  const c = await insertCustomer(db);
  await bill(db, c.customerId, '2026-03', 0, '2026-04-03', '2026-04-23');
  const may = await bill(db, c.customerId, '2026-04', 120, '2026-05-03', '2026-05-23');
  await pay(db, c.customerId, may, 120, '2026-05-23T23:30:00+08:00');
  const june = await bill(db, c.customerId, '2026-05', 90.5, '2026-06-03', '2026-06-23');
  await pay(db, c.customerId, june, 90.5, '2026-07-01T07:00:00+08:00');
  const july = await bill(db, c.customerId, '2026-06', 100, '2026-07-03', '2026-07-23');
  await pay(db, c.customerId, july, 50, '2026-07-20T10:00:00+08:00');
  await operation(db, c.customerId, 'disconnection', '2026-08-05T10:00:00+08:00', { bill_no: july });
  await pay(db, c.customerId, july, 50, '2026-08-10T10:00:00+08:00');
  await bill(db, c.customerId, '2026-07', 80, '2026-08-03', '2026-08-23');
  await pay(db, c.customerId, null, 80, '2026-09-20T10:00:00+08:00', '2026-08-23');
  await bill(db, c.customerId, '2026-08', 70, '2026-09-03', '2026-09-23');
  return c;
}

const summary = (rows: Awaited<ReturnType<typeof readCreditLedger>>) =>
  rows.map((r) => ({
    month: r.month.slice(0, 7),
    after: r.scoreAfter,
    events: Object.fromEntries(r.lines.map((l) => [l.code, l.count])),
  }));

describe('rebuildCreditLedger', () => {
  it('writes one row per month from the first bill to asOf, with the events of bills, payments and operations', async () => {
    const c = await slidingPayer(t.db);
    const result = await rebuildCreditLedger(t.db, {
      asOf: new Date('2026-09-15T12:00:00+08:00'),
      customerIds: [c.customerId],
    });
    expect(result).toEqual({ customers: 1, months: 6 });
    const rows = await readCreditLedger(t.db, c.customerId);
    expect(summary(rows)).toEqual([
      { month: '2026-04', after: 80, events: {} },
      { month: '2026-05', after: 81, events: { on_time_payment: 1 } },
      { month: '2026-06', after: 78, events: { arrears_month_end: 1 } },
      { month: '2026-07', after: 69, events: { late_payment_minor: 1, arrears_month_end: 1 } },
      {
        month: '2026-08',
        after: 36,
        events: { late_payment_major: 1, arrears_month_end: 1, disconnection_for_arrears: 1 },
      },
      { month: '2026-09', after: 36, events: {} },
    ]);
    expect(rows[4]).toMatchObject({ scoreBefore: 69, delta: -33, modelVersion: CREDIT_MODEL.version });
    expect(rows[4]?.lines).toContainEqual({ code: 'disconnection_for_arrears', count: 1, delta: -20 });
  });

  it('cuts the ledger at asOf: later events are not seen, earlier months are the same', async () => {
    const c = await slidingPayer(t.db);
    await rebuildCreditLedger(t.db, { asOf: new Date('2026-10-15T12:00:00+08:00'), customerIds: [c.customerId] });
    const later = summary(await readCreditLedger(t.db, c.customerId));
    // September: August's bill paid 28 days late, September's bill unpaid at its end.
    expect(later.slice(5)).toEqual([
      { month: '2026-09', after: 23, events: { late_payment_major: 1, arrears_month_end: 1 } },
      { month: '2026-10', after: 23, events: {} },
    ]);
    await rebuildCreditLedger(t.db, { asOf: new Date('2026-09-15T12:00:00+08:00'), customerIds: [c.customerId] });
    const earlier = summary(await readCreditLedger(t.db, c.customerId));
    expect(earlier).toHaveLength(6);
    expect(earlier.slice(0, 5)).toEqual(later.slice(0, 5));
    // A month end only counts once it has passed: asOf on 31 August 23:00 Beijing is still August.
    await rebuildCreditLedger(t.db, { asOf: new Date('2026-08-31T23:00:00+08:00'), customerIds: [c.customerId] });
    expect(summary(await readCreditLedger(t.db, c.customerId)).at(-1)).toEqual({
      month: '2026-08',
      after: 39,
      events: { late_payment_major: 1, disconnection_for_arrears: 1 },
    });
  });

  it('counts trace-only disconnections and theft verdicts, not mirrored traces, other reasons or other customers', async () => {
    const c = await insertCustomer(t.db);
    const may = await bill(t.db, c.customerId, '2026-04', 50, '2026-05-03', '2026-05-23');
    await pay(t.db, c.customerId, may, 50, '2026-05-10T09:00:00+08:00');
    await insertTrace(t.db, {
      occurredAt: '2026-06-10T10:00:00+08:00',
      traceType: 'disconnection',
      channel: 'field',
      direction: 'internal',
      customerId: c.customerId,
    });
    await insertTrace(t.db, {
      occurredAt: '2026-06-11T10:00:00+08:00',
      traceType: 'disconnection',
      channel: 'field',
      direction: 'internal',
      customerId: c.customerId,
      attributes: { reason: 'safety' },
    });
    // The trace ingest writes for an employee_operations row whose operation counts already.
    await t.db.query(
      `INSERT INTO trace (occurred_at, trace_type, channel, direction, customer_id, source, source_id)
       VALUES ('2026-06-12T10:00:00+08:00', 'disconnection', 'collection', 'internal', $1, 'sg186', $2)`,
      [c.customerId, `employee_operations:${uid('OP')}`],
    );
    await operation(t.db, c.customerId, 'disconnection', '2026-06-13T10:00:00+08:00', { reason: 'safety' });
    await operation(t.db, c.customerId, 'theft_verdict', '2026-07-02T10:00:00+08:00');
    const bystander = await insertCustomer(t.db);
    await bill(t.db, bystander.customerId, '2026-04', 50, '2026-05-03', '2026-05-23');

    await rebuildCreditLedger(t.db, { asOf: new Date('2026-07-31T12:00:00+08:00'), customerIds: [c.customerId] });
    expect(summary(await readCreditLedger(t.db, c.customerId))).toEqual([
      { month: '2026-05', after: 81, events: { on_time_payment: 1 } },
      { month: '2026-06', after: 61, events: { disconnection_for_arrears: 1 } },
      { month: '2026-07', after: 11, events: { theft_verdict: 1 } },
    ]);
    expect(await readCreditLedger(t.db, bystander.customerId)).toEqual([]);
  });

  it('rebuilds every customer in id batches, reports progress and replaces what was there', async () => {
    const a = await slidingPayer(t.db);
    const b = await slidingPayer(t.db);
    const idle = await insertCustomer(t.db);
    const stale = [idle.customerId, '2026-01-01', 80, 0, 80, '[]', 1];
    await t.db.query(
      'INSERT INTO credit_ledger (customer_id, month, score_before, delta, score_after, events, model_version) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)',
      stale,
    );
    const progress: [number, number][] = [];
    const all = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM customer'))[0]?.n ?? 0;
    const result = await rebuildCreditLedger(t.db, {
      asOf: new Date('2026-09-15T12:00:00+08:00'),
      batchSize: 2,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(progress.at(-1)).toEqual([all, all]);
    expect(progress.length).toBe(Math.ceil(all / 2));
    expect(result.customers).toBeLessThan(all);
    expect((await readCreditLedger(t.db, a.customerId)).map((r) => r.scoreAfter)).toEqual([80, 81, 78, 69, 36, 36]);
    expect(await readCreditLedger(t.db, idle.customerId)).toEqual([]);
    const scores = await readCreditScores(
      t.db,
      [a.customerId, b.customerId, idle.customerId],
      new Date('2026-07-15T00:00:00+08:00'),
    );
    expect(scores.get(a.customerId)).toEqual({ score: 69, month: '2026-07-01' });
    expect(scores.get(b.customerId)?.score).toBe(69);
    expect(scores.has(idle.customerId)).toBe(false);
  });
});
