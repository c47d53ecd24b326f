import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomer, insertTrace, seedOrgUnits, sessionFor, uid } from '../../test/support/api-world.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { buildApp } from './app.js';
import type { GridcareApp } from './types.js';

let t: TestDb;
let app: GridcareApp;
let countyManager: string; // manager scoped to HN0101
let agent: string; // company-wide agent, no unmask, no confidential

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

const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });

describe('customer scope', () => {
  it('search returns only customers inside the county manager\'s unit', async () => {
    const name = `滕${uid().slice(0, 4)}`;
    const mine = await insertCustomer(t.db, { orgUnitId: 'HN01010101', name: `${name}一` });
    const other = await insertCustomer(t.db, { orgUnitId: 'HN0102', name: `${name}二` });
    const reply = await get(`/api/v1/customers?q=${encodeURIComponent(name)}`, countyManager);
    const numbers = reply.json().items.map((c: { customerNo: string }) => c.customerNo);
    expect(numbers).toEqual([mine.customerNo]);
    expect(reply.json().total).toBe(1);
    const wide = await get(`/api/v1/customers?q=${encodeURIComponent(name)}`, agent);
    expect(wide.json().items.map((c: { customerNo: string }) => c.customerNo).sort()).toEqual([mine.customerNo, other.customerNo].sort());
  });

  it('answers 403 AUTH_OUT_OF_SCOPE for a customer of another county, 404 for an unknown one', async () => {
    const other = await insertCustomer(t.db, { orgUnitId: 'HN0102' });
    for (const path of ['', '/timeline', '/work-orders']) {
      const reply = await get(`/api/v1/customers/${other.customerNo}${path}`, countyManager);
      expect(reply.statusCode).toBe(403);
      expect(reply.json().error.code).toBe('AUTH_OUT_OF_SCOPE');
    }
    expect((await get('/api/v1/customers/NOPE-404', countyManager)).statusCode).toBe(404);
  });

  it('finds a customer by phone tail, meter number and full phone', async () => {
    const c = await insertCustomer(t.db, { meterNo: uid('M') });
    const meter = (await t.db.query<{ meter_no: string }>('SELECT meter_no FROM meter WHERE customer_id = $1', [c.customerId]))[0]?.meter_no;
    for (const q of [c.phone.slice(-4), meter, c.phone]) {
      const reply = await get(`/api/v1/customers?q=${q}&pageSize=200`, agent);
      expect(reply.json().items.map((i: { customerNo: string }) => i.customerNo), `q=${q}`).toContain(c.customerNo);
    }
  });
});

describe('masking and unmasking', () => {
  it('masks phone, ID, address and a resident\'s name in search and in the 360 view', async () => {
    const c = await insertCustomer(t.db, { name: '王小红' });
    const search = await get(`/api/v1/customers?q=${c.customerNo}`, countyManager);
    expect(search.json().items[0]).toMatchObject({ name: '王*红', phone: `${c.phone.slice(0, 3)}****${c.phone.slice(-4)}`, address: '湖南省长沙市岳麓区****' });
    const view = await get(`/api/v1/customers/${c.customerNo}`, countyManager);
    expect(view.statusCode).toBe(200);
    const customer = view.json().customer;
    expect(customer).toMatchObject({ name: '王*红', idNumber: `430***********${c.idNumber.slice(-4)}`, masked: true });
    expect(view.body).not.toContain(c.phone);
    expect(view.body).not.toContain(c.idNumber);
    expect(customer.orgUnits.map((o: { id: string }) => o.id)).toEqual(['HN', 'HN01', 'HN0101', 'HN010101', 'HN01010101']);
  });

  it('unmask returns plain values and writes who, what and why to the audit log', async () => {
    const c = await insertCustomer(t.db);
    const reply = await app.inject({
      method: 'POST', url: `/api/v1/customers/${c.customerNo}/unmask`, headers: { cookie: countyManager },
      payload: { fields: ['phone', 'id_number'], reason: '客户来电核实身份' },
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.json().values).toEqual({ phone: c.phone, id_number: c.idNumber });
    const audit = await get(`/api/v1/audit?subjectType=customer&subjectId=${c.customerNo}`, countyManager);
    expect(audit.json().items).toHaveLength(1);
    expect(audit.json().items[0]).toMatchObject({ action: 'pii_unmask', reason: '客户来电核实身份', detail: { fields: ['phone', 'id_number'] } });
    expect(audit.json().items[0].user.username).toMatch(/^manager_/);
  });

  it('refuses unmasking with a blank reason and writes no audit row', async () => {
    const c = await insertCustomer(t.db);
    const reply = await app.inject({
      method: 'POST', url: `/api/v1/customers/${c.customerNo}/unmask`, headers: { cookie: countyManager },
      payload: { fields: ['phone'], reason: '   ' },
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error.code).toBe('PII_REASON_REQUIRED');
    const rows = await t.db.query('SELECT 1 FROM audit_log WHERE subject_id = $1', [c.customerNo]);
    expect(rows).toHaveLength(0);
  });

  it('refuses unmasking to a role without customer:pii_unmask', async () => {
    const c = await insertCustomer(t.db);
    const reply = await app.inject({
      method: 'POST', url: `/api/v1/customers/${c.customerNo}/unmask`, headers: { cookie: agent },
      payload: { fields: ['phone'], reason: '回访' },
    });
    expect(reply.statusCode).toBe(403);
  });
});

describe('special customers', () => {
  it('are listed as restricted rows and cannot be opened without customer:confidential', async () => {
    const c = await insertCustomer(t.db, { special: true });
    const search = await get(`/api/v1/customers?q=${c.customerNo}`, agent);
    expect(search.json().items[0]).toMatchObject({ customerNo: c.customerNo, name: '特殊客户', phone: null, restricted: true });
    const byName = await get(`/api/v1/customers?q=${encodeURIComponent(c.name)}`, agent);
    expect(byName.json().items).toHaveLength(0);
    const view = await get(`/api/v1/customers/${c.customerNo}`, agent);
    expect(view.statusCode).toBe(403);
    expect(view.json().error.code).toBe('CUSTOMER_CONFIDENTIAL');
  });

  it('open for a manager holding customer:confidential', async () => {
    const c = await insertCustomer(t.db, { special: true });
    const view = await get(`/api/v1/customers/${c.customerNo}`, countyManager);
    expect(view.statusCode).toBe(200);
    expect(view.json().customer).toMatchObject({ special: true, specialCategory: 'public_figure' });
  });
});

describe('timeline', () => {
  it('lists traces newest first across channels, filters by channel, type and time, and pages by cursor', async () => {
    const c = await insertCustomer(t.db);
    const at = ['2026-03-05T08:00:00Z', '2026-04-10T09:00:00Z', '2026-04-10T09:00:00Z', '2026-05-01T10:00:00Z', '2026-06-20T11:00:00Z'];
    const ids: number[] = [];
    for (const [i, occurredAt] of at.entries()) {
      ids.push(await insertTrace(t.db, {
        occurredAt, customerId: c.customerId,
        traceType: i % 2 === 0 ? 'call_inbound' : 'sms_sent', channel: i % 2 === 0 ? 'phone_95598' : 'sms',
        direction: i % 2 === 0 ? 'inbound' : 'outbound', topic: 'outage', attributes: { summary: `事件${i}` },
      }));
    }
    const base = `/api/v1/customers/${c.customerNo}/timeline`;
    const all = await get(`${base}?pageSize=50`, agent);
    const newestFirst = [ids[4], ids[3], ids[2], ids[1], ids[0]];
    expect(all.json().items.map((i: { traceId: number }) => i.traceId)).toEqual(newestFirst);
    expect(all.json().items[0]).toMatchObject({ type: 'call_inbound', channel: 'phone_95598', summary: '来电 · 停电问题 · 事件4' });

    const pages: number[] = [];
    let cursor: string | null = null;
    do {
      const reply = await get(`${base}?pageSize=2${cursor ? `&cursor=${cursor}` : ''}`, agent);
      pages.push(...reply.json().items.map((i: { traceId: number }) => i.traceId));
      cursor = reply.json().nextCursor;
    } while (cursor);
    expect(pages).toEqual(newestFirst);
    const page2 = await get(`${base}?pageSize=2&page=2`, agent);
    expect(page2.json().items.map((i: { traceId: number }) => i.traceId)).toEqual(newestFirst.slice(2, 4));

    const sms = await get(`${base}?channel=sms`, agent);
    expect(sms.json().items.map((i: { traceId: number }) => i.traceId)).toEqual([ids[3], ids[1]]);
    const calls = await get(`${base}?type=call_inbound&from=2026-04-01T00:00:00Z&to=2026-06-01T00:00:00Z`, agent);
    expect(calls.json().items.map((i: { traceId: number }) => i.traceId)).toEqual([ids[2]]);
  });

  it('answers summaries in the language of Accept-Language or ?lang=, Chinese by default', async () => {
    const c = await insertCustomer(t.db);
    const caseId = uid('CASE');
    await insertTrace(t.db, {
      occurredAt: '2026-03-06T08:00:00Z', customerId: c.customerId, traceType: 'work_order_status', channel: 'internal',
      direction: 'internal', topic: 'outage', caseId, attributes: { order_no: 'WO-LANG-1', seq: 5, status: 'closed' },
    });
    await insertTrace(t.db, {
      occurredAt: '2026-03-05T08:00:00Z', customerId: c.customerId, traceType: 'outage_start', channel: 'internal',
      direction: 'internal', attributes: { outage_id: 'O1', kind: 'fault', cause: '树障碰线', scope_level: 'feeder' },
    });
    const base = `/api/v1/customers/${c.customerNo}/timeline`;
    const summaries = async (url: string, headers: Record<string, string> = {}) =>
      (await app.inject({ method: 'GET', url, headers: { cookie: agent, ...headers } })).json().items.map((i: { summary: string }) => i.summary);
    const english = ['Work order status · Outage · Status Closed · Order WO-LANG-1', 'Outage start · Fault outage · Cause Tree contact with the line · Scope Feeder'];
    const chinese = ['工单流转 · 停电问题 · 状态 已办结 · 工单号 WO-LANG-1', '停电 · 故障停电 · 原因 树障碰线 · 范围 线路'];
    expect(await summaries(base, { 'accept-language': 'en' })).toEqual(english);
    expect(await summaries(base, { 'accept-language': 'en-US,en;q=0.9,zh-CN;q=0.8' })).toEqual(english);
    expect(await summaries(base)).toEqual(chinese);
    expect(await summaries(`${base}?lang=zh-CN`, { 'accept-language': 'en' })).toEqual(chinese);
    expect(await summaries(`${base}?lang=en`)).toEqual(english);
    const chain = await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: { cookie: agent, 'accept-language': 'en' } });
    expect(chain.json().traces.map((i: { summary: string }) => i.summary)).toEqual([english[0]]);
    const bad = await get(`${base}?lang=fr`, agent);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('rejects a malformed cursor and a malformed date with VALIDATION_FAILED', async () => {
    const c = await insertCustomer(t.db);
    const bad = await get(`/api/v1/customers/${c.customerNo}/timeline?cursor=zzz`, agent);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const date = await get(`/api/v1/customers/${c.customerNo}/timeline?from=yesterday`, agent);
    expect(date.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'querystring.from' } });
  });
});
