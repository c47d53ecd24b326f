import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomer, insertEmployee, insertTrace, seedOrgUnits } from '../../../test/support/api-world.js';
import { insertReadings } from '../../../test/support/consumption-readings.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { createPortraitEngine } from '../portraits.js';
import { dbNow, type PortraitEngine } from './portrait-engine.js';
import { PortraitSweep } from './portrait-sweep.js';

let t: TestDb;
let engine: PortraitEngine;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
  engine = createPortraitEngine(t.db);
});

afterAll(async () => {
  await t?.drop();
});

const marks = async (kind: string) =>
  new Map(
    (
      await t.db.query<{ subject_key: string; changes: string[] }>(
        'SELECT subject_key, changes FROM portrait_dirty WHERE subject_kind = $1',
        [kind],
      )
    ).map((m) => [m.subject_key, [...m.changes].sort()]),
  );

const lookUpBill = (customerId: number, at = new Date()) =>
  insertTrace(t.db, {
    customerId,
    occurredAt: at.toISOString(),
    traceType: 'app_query',
    channel: 'app',
    attributes: { query: 'bill' },
  });

describe('portrait sweep', () => {
  it('marks every current portrait once a round, a slice a tick, and goes on from its cursor after a restart', async () => {
    const customers = await Promise.all(Array.from({ length: 7 }, () => insertCustomer(t.db)));
    const employee = await insertEmployee(t.db);
    const keys = customers.map((c) => String(c.customerId)).sort((a, b) => Number(a) - Number(b));
    await engine.refresh('customer', keys, await dbNow(t.db));
    await engine.refresh('employee', [String(employee.employeeId)], await dbNow(t.db));
    await t.db.query('DELETE FROM portrait_dirty');
    // A day in three ticks: slices of ceil(7 / 3) = 3 customers and 1 employee.
    const options = { periodMs: 3 * 60_000, tickMs: 60_000, kinds: ['customer', 'employee'] as const };
    const seen: string[][] = [];
    for (let tick = 0; tick < 4; tick++) {
      // A mark already waiting keeps what it had and gains the sweep's change.
      if (tick === 2) await lookUpBill(Number(keys[6]));
      // A new sweep each tick, as after a restart: the cursor is kept in the database.
      const marked = await new PortraitSweep(t.db, options).sweepOnce();
      const now = await marks('customer');
      seen.push([...now.keys()].filter((k) => now.get(k)?.includes('time')));
      expect(marked.get('employee')).toBe(tick % 2 === 0 ? 1 : 0); // one employee: marked, then the round ends
      if (tick === 2) expect(now.get(keys[6] ?? '')).toEqual(['time', 'trace:app_query']);
      await t.db.query('DELETE FROM portrait_dirty');
    }
    expect(seen.map((s) => s.sort())).toEqual(
      [keys.slice(0, 3), keys.slice(3, 6), keys.slice(6), keys.slice(0, 3)].map((s) => s.sort()),
    );
  });

  it('slides every window: a sweep mark rereads every source and runs the credit ledger on, as of now', async () => {
    const customer = await insertCustomer(t.db);
    const key = String(customer.customerId);
    const now = await dbNow(t.db);
    const lastYear = new Date(now.getTime() - 360 * DAY);
    await t.db.query(
      `INSERT INTO work_order (order_no, customer_id, case_id, order_type, topic_code, status, channel, created_at)
       VALUES ($1, $2, $1, 'complaint', 'fee', 'closed', 'phone_95598', $3)`,
      [`WO-SWEEP-${key}`, customer.customerId, lastYear],
    );
    await lookUpBill(customer.customerId, lastYear);
    await insertReadings(t.db, customer.customerId, { baseKwh: 8, seed: 1 });
    const month = `${lastYear.toISOString().slice(0, 7)}-01`;
    await t.db.query(
      `INSERT INTO bill (customer_id, bill_no, period, kwh, amount, issued_on, due_date)
       VALUES ($1, 'B-SWEEP', $2::date, 100, 60, $2::date + 3, $2::date + 20)`,
      [customer.customerId, month],
    );
    await engine.refresh('customer', [key], now, now);
    const features = async (asOf: Date, change: string) => {
      const prepared = await engine.prepareRefresh('customer', [key], asOf, new Map([[key, [change]]]));
      return prepared.portraits[0]?.values.features;
    };
    const ledgerMonths = async () =>
      (
        await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM credit_ledger WHERE customer_id = $1', [
          customer.customerId,
        ])
      )[0]?.n ?? 0;
    expect(await features(now, 'time')).toMatchObject({ complaints_12m: 1, bill_queries_12m: 1 });
    const monthsNow = await ledgerMonths();
    expect(monthsNow).toBeGreaterThan(0);

    // 41 days on, the complaint and the look-up (360 days old) have left the year, and a month has turned.
    const later = new Date(now.getTime() + 41 * DAY);
    // A change that touches only the traces rereads only them: the work-order count is kept.
    expect(await features(later, 'trace:app_query')).toMatchObject({ complaints_12m: 1, bill_queries_12m: 0 });
    expect(await ledgerMonths()).toBe(monthsNow);
    // The sweep's change rereads every source as of then, and runs the credit ledger on to then;
    // the consumption profile waits for readings (its peer figures read whole areas).
    const profileAsOf = async () =>
      (
        await t.db.query<{ as_of: Date }>('SELECT as_of FROM consumption_profile WHERE customer_id = $1', [
          customer.customerId,
        ])
      )[0]?.as_of.getTime();
    const profiledAt = await profileAsOf();
    expect(profiledAt).toBe(now.getTime());
    expect(await features(later, 'time')).toMatchObject({ complaints_12m: 0, bill_queries_12m: 0 });
    expect(await ledgerMonths()).toBeGreaterThan(monthsNow);
    expect(await profileAsOf()).toBe(profiledAt);
    await features(later, 'readings');
    expect(await profileAsOf()).toBe(later.getTime());
  });
});
