import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomer, insertEmployee, insertTrace, seedOrgUnits, sessionFor, uid } from '../../test/support/api-world.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { maskPersonName } from '../customers/masking.js';
import { buildApp } from './app.js';
import type { GridcareApp } from './types.js';

let t: TestDb;
let app: GridcareApp;
let manager: string;

beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
  app = await buildApp({ logLevel: 'silent' }, t.db);
  manager = await sessionFor(t.db, app, 'manager', 'HN01');
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const get = (url: string, cookie = manager) => app.inject({ method: 'GET', url, headers: { cookie } });

/** One complaint case: call → work order (accepted → dispatched → closed) → callback. */
async function insertCase(orgUnitId = 'HN01010101') {
  const customer = await insertCustomer(t.db, { orgUnitId });
  const agent = await insertEmployee(t.db, { post: 'agent_95598', name: '刘坐席' });
  const caseId = uid('K');
  const orderNo = uid('W');
  await t.db.query(
    `INSERT INTO work_order (order_no, customer_id, case_id, order_type, topic_code, status, channel, created_at, responsible_employee_id, substantiated, satisfaction, summary)
     VALUES ($1, $2, $3, 'complaint', 'outage', 'closed', 'phone_95598', '2026-05-01T02:05:00Z', $4, true, 2, '反复停电')`,
    [orderNo, customer.customerId, caseId, agent.employeeId],
  );
  await t.db.query(
    `INSERT INTO work_order_status (order_no, seq, status, at, employee_id) VALUES
      ($1, 1, 'accepted', '2026-05-01T02:05:00Z', $2), ($1, 2, 'dispatched', '2026-05-01T02:30:00Z', $2), ($1, 3, 'closed', '2026-05-02T08:00:00Z', NULL)`,
    [orderNo, agent.employeeId],
  );
  const callId = uid('CALL');
  await t.db.query(
    `INSERT INTO call (call_id, customer_id, agent_employee_id, channel, direction, started_at, ended_at, caller_phone, case_id, order_no)
     VALUES ($1, $2, $3, 'phone_95598', 'inbound', '2026-05-01T02:00:00Z', '2026-05-01T02:04:00Z', $4, $5, $6)`,
    [callId, customer.customerId, agent.employeeId, customer.phone, caseId, orderNo],
  );
  await t.db.query(
    `INSERT INTO call_turn (call_id, seq, speaker, start_ms, end_ms, text) VALUES
      ($1, 1, 'agent', 0, 3000, '您好，国家电网95598'), ($1, 2, 'customer', 3000, 9000, '又停电了，我电话是13912345678'),
      ($1, 3, 'agent', 9000, 12000, $2)`,
    [callId, `户名是${customer.name}，对吗？`],
  );
  const ids = [
    await insertTrace(t.db, { occurredAt: '2026-05-02T09:00:00Z', traceType: 'callback', channel: 'phone_95598', direction: 'outbound', customerId: customer.customerId, caseId }),
    await insertTrace(t.db, { occurredAt: '2026-05-01T02:00:00Z', traceType: 'call_inbound', channel: 'phone_95598', customerId: customer.customerId, employeeId: agent.employeeId, caseId }),
    await insertTrace(t.db, { occurredAt: '2026-05-01T02:05:00Z', traceType: 'work_order_created', channel: 'phone_95598', customerId: customer.customerId, employeeId: agent.employeeId, caseId, topic: 'outage' }),
    await insertTrace(t.db, { occurredAt: '2026-05-01T02:30:00Z', traceType: 'dispatch', channel: 'internal', direction: 'internal', customerId: customer.customerId, caseId }),
  ];
  return { customer, agent, caseId, orderNo, callId, ids };
}

describe('case chain', () => {
  it('returns the traces in time order with the work order history and the call transcript', async () => {
    const c = await insertCase();
    const reply = await get(`/api/v1/cases/${c.caseId}`);
    expect(reply.statusCode).toBe(200);
    const chain = reply.json();
    expect(chain.traces.map((x: { type: string }) => x.type)).toEqual(['call_inbound', 'work_order_created', 'dispatch', 'callback']);
    expect(chain.workOrders).toHaveLength(1);
    expect(chain.workOrders[0].statusHistory.map((s: { status: string }) => s.status)).toEqual(['accepted', 'dispatched', 'closed']);
    expect(chain.workOrders[0].responsibleEmployee).toEqual({ employeeNo: c.agent.employeeNo, name: '刘坐席' });
    expect(chain.calls[0].turns.map((x: { seq: number }) => x.seq)).toEqual([1, 2, 3]);
    expect(chain.calls[0].turns[1].text).toBe('又停电了，我电话是139****5678');
    expect(chain.calls[0].turns[2].text).not.toContain(c.customer.name);
    expect(chain.calls[0].turns[2].text).toContain(maskPersonName(c.customer.name));
    expect(chain.calls[0].callerPhone).not.toBe(c.customer.phone);
  });

  it('is out of scope for a manager of another county and 404 when unknown', async () => {
    const c = await insertCase('HN0102');
    const yuelu = await sessionFor(t.db, app, 'manager', 'HN0101');
    expect((await get(`/api/v1/cases/${c.caseId}`, yuelu)).json().error.code).toBe('AUTH_OUT_OF_SCOPE');
    expect((await get('/api/v1/cases/NO-SUCH-CASE')).statusCode).toBe(404);
  });
});

describe('customer 360 and work orders', () => {
  it('adds up monthly consumption, bills, payments and lateness, and counts traces by channel', async () => {
    const c = await insertCase();
    const id = c.customer.customerId;
    await t.db.query(
      `INSERT INTO meter_reading_month (customer_id, month, meter_no, kwh) VALUES ($1, '2026-04-01', 'M1', ARRAY[1.5, 2.5, NULL, 6]::real[])`,
      [id],
    );
    await t.db.query(
      `INSERT INTO bill (customer_id, bill_no, period, kwh, amount, issued_on, due_date) VALUES
        ($1, 'B4', '2026-04-01', 10, 5.88, '2026-05-01', '2026-05-15'), ($1, 'B5', '2026-05-01', 12, 7.06, '2026-06-01', '2026-06-15')`,
      [id],
    );
    await t.db.query(
      `INSERT INTO payment (customer_id, payment_no, bill_no, amount, channel, paid_at) VALUES ($1, 'P4', 'B4', 5.88, 'wechat', '2026-05-20T02:00:00Z')`,
      [id],
    );
    const view = (await get(`/api/v1/customers/${c.customer.customerNo}`)).json();
    expect(view.monthly).toEqual([
      { month: '2026-04', kwh: 10, billedKwh: 10, billAmount: 5.88, dueDate: '2026-05-15', paidAmount: 5.88, paidOn: '2026-05-20', daysLate: 5 },
      { month: '2026-05', kwh: null, billedKwh: 12, billAmount: 7.06, dueDate: '2026-06-15', paidAmount: null, paidOn: null, daysLate: null },
    ]);
    expect(view.channels).toEqual([
      { channel: 'phone_95598', count: 3, lastAt: '2026-05-02T09:00:00.000Z' },
      { channel: 'internal', count: 1, lastAt: '2026-05-01T02:30:00.000Z' },
    ]);
    expect(view.recentWorkOrders[0]).toMatchObject({ orderNo: c.orderNo, orderType: 'complaint', satisfaction: 2 });
    const orders = (await get(`/api/v1/customers/${c.customer.customerNo}/work-orders`)).json();
    expect(orders.items.map((o: { orderNo: string }) => o.orderNo)).toEqual([c.orderNo]);
  });
});

describe('employees', () => {
  it('searches in scope, profiles complaints and satisfaction, and lists the employee timeline', async () => {
    const c = await insertCase();
    const outside = await insertEmployee(t.db, { orgUnitId: 'HN', post: 'agent_95598' });
    const list = (await get('/api/v1/employees?post=agent_95598&pageSize=200')).json();
    const numbers = list.items.map((e: { employeeNo: string }) => e.employeeNo);
    expect(numbers).toContain(c.agent.employeeNo);
    expect(numbers).not.toContain(outside.employeeNo);

    const profile = (await get(`/api/v1/employees/${c.agent.employeeNo}`)).json();
    expect(profile.complaints).toEqual({ total: 1, substantiated: 1 });
    expect(profile.satisfaction).toEqual({ rated: 1, average: 2 });
    expect(profile.employee.phone).toBe('137****1111');

    const timeline = (await get(`/api/v1/employees/${c.agent.employeeNo}/timeline`)).json();
    expect(timeline.items.map((x: { type: string }) => x.type)).toEqual(['work_order_created', 'call_inbound']);
    expect(timeline.items[0].customer).toEqual({ customerNo: c.customer.customerNo });
    expect((await get(`/api/v1/employees/${outside.employeeNo}`)).statusCode).toBe(403);
  });
});

describe('reference data', () => {
  it('returns the org-unit tree rooted at the caller\'s unit and the vocabulary with labels', async () => {
    const tree = (await get('/api/v1/org-units')).json();
    expect(tree.items).toHaveLength(1);
    expect(tree.items[0]).toMatchObject({ id: 'HN01', level: 'city' });
    expect(tree.items[0].children.map((n: { id: string }) => n.id)).toEqual(['HN0101', 'HN0102']);
    const vocabulary = (await get('/api/v1/vocabulary')).json();
    expect(vocabulary.channels).toContainEqual({ code: 'phone_95598', zh: '95598电话', en: '95598 phone' });
    expect(vocabulary.traceTypes).toContainEqual({ code: 'callback', zh: '回访', en: 'Callback', direction: 'outbound' });
    expect(vocabulary.workOrderTypes.map((w: { code: string }) => w.code)).toContain('complaint');
  });
});
