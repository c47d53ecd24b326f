import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomer, seedOrgUnits, sessionFor, uid } from '../../test/support/api-world.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { rebuildCreditLedger } from '../portraits/credit/credit-ledger.js';
import { CREDIT_MODEL } from '../portraits/credit/credit-model.js';
import { buildApp } from './app.js';
import type { CreditReply } from './contract.js';
import type { GridcareApp } from './types.js';

let t: TestDb;
let app: GridcareApp;
let countyManager: string; // scoped to HN0101, may see special customers
let agent: string; // company-wide, no customer:confidential

beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
  app = await buildApp({ logLevel: 'silent' }, t.db);
  countyManager = await sessionFor(t.db, app, 'manager', 'HN0101');
  agent = await sessionFor(t.db, app, 'agent', 'HN');
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const get = (url: string, cookie?: string) => app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

/** A customer with May's bill paid on time and June's paid 15 days late. */
async function customerWithLedger(options: { orgUnitId?: string; special?: boolean } = {}) {
  const c = await insertCustomer(t.db, options);
  const bills = [
    ['2026-04', '2026-05-03', '2026-05-23', '2026-05-20T10:00:00+08:00'],
    ['2026-05', '2026-06-03', '2026-06-23', '2026-07-08T10:00:00+08:00'],
  ];
  for (const [period, issued, due, paidAt] of bills) {
    const billNo = uid('B');
    await t.db.query(
      `INSERT INTO bill (customer_id, bill_no, period, kwh, amount, issued_on, due_date) VALUES ($1, $2, $3, 100, 60, $4, $5)`,
      [c.customerId, billNo, `${period}-01`, issued, due],
    );
    await t.db.query(
      `INSERT INTO payment (customer_id, payment_no, bill_no, amount, channel, paid_at) VALUES ($1, $2, $3, 60, 'app', $4)`,
      [c.customerId, uid('P'), billNo, paidAt],
    );
  }
  await rebuildCreditLedger(t.db, { asOf: new Date('2026-07-20T12:00:00+08:00'), customerIds: [c.customerId] });
  return c;
}

describe('GET /api/v1/customers/:no/credit', () => {
  it('answers the score, grade, ledger with named events and the delta table', async () => {
    const c = await customerWithLedger();
    const reply = await get(`/api/v1/customers/${c.customerNo}/credit`, countyManager);
    expect(reply.statusCode).toBe(200);
    const body = reply.json<CreditReply>();
    // May +1 = 81; June: arrears at month end −3 = 78; July: paid 15 days late −10 = 68.
    expect(body).toMatchObject({
      customerNo: c.customerNo,
      score: 68,
      grade: 'D',
      month: '2026-07',
      modelVersion: CREDIT_MODEL.version,
      stale: false,
    });
    expect(body.ledger.map((m) => [m.month, m.scoreAfter, m.grade])).toEqual([
      ['2026-05', 81, 'B'],
      ['2026-06', 78, 'C'],
      ['2026-07', 68, 'D'],
    ]);
    expect(body.thirdParty).toEqual([]);
    expect(body.ledger[2]?.events).toEqual([
      { code: 'late_payment_major', name: '严重逾期缴费', count: 1, delta: -10 },
    ]);
    expect(body.model.events.map((e) => [e.code, e.delta])).toEqual(CREDIT_MODEL.events.map((e) => [e.code, e.delta]));
    expect(body.model.grades).toEqual([
      { grade: 'A', min: 90, max: 100 },
      { grade: 'B', min: 80, max: 89 },
      { grade: 'C', min: 70, max: 79 },
      { grade: 'D', min: 60, max: 69 },
      { grade: 'E', min: 0, max: 59 },
    ]);
  });

  it('names events in English with ?lang=en or Accept-Language', async () => {
    const c = await customerWithLedger();
    for (const reply of [
      await get(`/api/v1/customers/${c.customerNo}/credit?lang=en`, countyManager),
      await app.inject({
        method: 'GET',
        url: `/api/v1/customers/${c.customerNo}/credit`,
        headers: { cookie: countyManager, 'accept-language': 'en-US' },
      }),
    ]) {
      const body = reply.json<CreditReply>();
      expect(body.ledger[0]?.events[0]?.name).toBe('Bill paid on time');
      expect(body.model.name).toBe('Credit grade');
    }
  });

  it('answers the baseline and an empty ledger for a customer without history', async () => {
    const c = await insertCustomer(t.db);
    const body = (await get(`/api/v1/customers/${c.customerNo}/credit`, agent)).json<CreditReply>();
    expect(body).toMatchObject({ score: 80, grade: 'B', month: null, ledger: [] });
  });

  it('lists the third-party records behind a month, newest first, beside the line that counts them', async () => {
    const c = await insertCustomer(t.db);
    await t.db.query(
      `INSERT INTO credit_report (report_no, customer_id, agency, verdict, reported_on, note) VALUES
         ($1, $3, '长沙市中级人民法院', 'dishonest', '2026-06-18', '失信被执行人名单'),
         ($2, $3, '信用中国（湖南）', 'honoured', '2026-05-02', NULL)`,
      [uid('CR'), uid('CR'), c.customerId],
    );
    await rebuildCreditLedger(t.db, { asOf: new Date('2026-07-20T12:00:00+08:00'), customerIds: [c.customerId] });
    const body = (await get(`/api/v1/customers/${c.customerNo}/credit`, countyManager)).json<CreditReply>();
    expect(body.thirdParty.map((r) => [r.agency, r.verdict, r.reportedOn, r.note])).toEqual([
      ['长沙市中级人民法院', 'dishonest', '2026-06-18', '失信被执行人名单'],
      ['信用中国（湖南）', 'honoured', '2026-05-02', null],
    ]);
    expect(body.ledger.map((m) => [m.month, m.scoreAfter, m.events.map((e) => e.name)])).toEqual([
      ['2026-05', 82, ['第三方守信记录']],
      ['2026-06', 67, ['第三方失信记录']],
      ['2026-07', 67, []],
    ]);
  });

  it('is guarded by portrait:read', () => {
    const route = app.routeCatalog.find((r) => r.url === '/api/v1/customers/:no/credit' && r.method === 'GET');
    expect(route?.permission).toBe('portrait:read');
  });

  it('answers 401 without a session', async () => {
    const c = await customerWithLedger();
    const reply = await get(`/api/v1/customers/${c.customerNo}/credit`);
    expect(reply.statusCode).toBe(401);
    expect(reply.json().error.code).toBe('AUTH_REQUIRED');
  });

  it("answers 403 for a customer outside the reader's unit, and for a special customer without customer:confidential", async () => {
    const other = await customerWithLedger({ orgUnitId: 'HN0102' });
    const outside = await get(`/api/v1/customers/${other.customerNo}/credit`, countyManager);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('AUTH_OUT_OF_SCOPE');
    expect(outside.body).not.toContain('ledger');

    const special = await customerWithLedger({ special: true });
    const refused = await get(`/api/v1/customers/${special.customerNo}/credit`, agent);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('CUSTOMER_CONFIDENTIAL');
    expect((await get(`/api/v1/customers/${special.customerNo}/credit`, countyManager)).statusCode).toBe(200);
  });

  it('answers 404 for an unknown customer', async () => {
    expect((await get('/api/v1/customers/NOPE-404/credit', agent)).statusCode).toBe(404);
  });
});
