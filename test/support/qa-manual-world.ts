/**
 * The manual-QA world of the API's integration tests: a new agent and a veteran in one team,
 * ten inspected April calls (clean, bad, angry, long, complaint), an inspector of the province,
 * one of another county, and each agent's own session.
 */
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import type { GridcareApp } from '../../src/api/types.js';
import { ensureDefaultQaScheme } from '../../src/qa/store/scheme-store.js';
import { createUser, insertCustomer, insertEmployee, loginAs, seedOrgUnits, sessionFor, uid } from './api-world.js';
import { CLEAN_TURNS, drainPending, insertCall, type TurnInput } from './qa-world.js';
import { createTestDb, type TestDb } from './test-db.js';

const BAD: TurnInput[] = [
  ['agent', '喂，什么事？'],
  ['customer', '停电了'],
  ['agent', '不归我们管，你自己去查。'],
];
const ANGRY: TurnInput[] = [
  ['agent', '您好，国家电网95598，工号3021，很高兴为您服务。'],
  ['customer', '你们这什么破服务，太过分了！'],
  ['agent', '非常抱歉给您带来不便，跟您确认一下，您是想反映服务问题对吗？'],
  ['customer', '对，就是这个。'],
  ['agent', '好的，已为您记录，请问还有什么可以帮您？'],
  ['customer', '好的，谢谢您。'],
  ['agent', '感谢您的来电，再见。'],
];

export interface ManualQaWorld {
  t: TestDb;
  app: GridcareApp;
  inspector: string;
  otherCounty: string;
  newAgentSession: string;
  veteranSession: string;
  newAgent: { employeeId: number; employeeNo: string };
  veteran: { employeeId: number; employeeNo: string };
  /** Call ids c1 … c10. */
  c: Record<string, string>;
  get(url: string, cookie?: string): Promise<LightMyRequestResponse>;
  post(url: string, payload: object, cookie?: string): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function openManualQaWorld(): Promise<ManualQaWorld> {
  const c: Record<string, string> = {};
  const t = await createTestDb();
  await seedOrgUnits(t.db);
  await ensureDefaultQaScheme(t.db);
  const app = await buildApp({ logLevel: 'silent' }, t.db);
  const newAgent = await insertEmployee(t.db, { name: '新坐席' });
  const veteran = await insertEmployee(t.db, { name: '老坐席' });
  await t.db.query(
    `UPDATE employee SET hire_date = CASE WHEN employee_id = $1 THEN '2026-03-01'::date ELSE '2018-06-01'::date END WHERE employee_id IN ($1, $2)`,
    [newAgent.employeeId, veteran.employeeId],
  );
  const customer = await insertCustomer(t.db);
  const complaintOrder = uid('W');
  await t.db.query(
    `INSERT INTO work_order (order_no, customer_id, case_id, order_type, topic_code, status, channel, created_at)
     VALUES ($1, $2, $3, 'complaint', 'service_attitude', 'accepted', 'phone_95598', '2026-04-07T02:05:00Z')`,
    [complaintOrder, customer.customerId, uid('K')],
  );
  const day = (d: number) => `2026-04-${String(d).padStart(2, '0')}T02:00:00Z`;
  const call = (agent: { employeeId: number }, d: number, turns: TurnInput[], extra: object = {}) =>
    insertCall(t.db, { agentEmployeeId: agent.employeeId, startedAt: day(d), turns, ...extra });
  c.c1 = await call(newAgent, 1, CLEAN_TURNS);
  c.c2 = await call(newAgent, 2, BAD);
  c.c3 = await call(veteran, 3, ANGRY);
  c.c4 = await call(veteran, 4, CLEAN_TURNS, { durationS: 1200 });
  c.c5 = await call(veteran, 5, CLEAN_TURNS, { orderNo: complaintOrder, customerId: customer.customerId });
  for (let i = 6; i <= 10; i++) c[`c${i}`] = await call(veteran, i, CLEAN_TURNS);
  await drainPending(t.db);
  const inspector = await sessionFor(t.db, app, 'qa_inspector', 'HN01');
  const otherCounty = await sessionFor(t.db, app, 'qa_inspector', 'HN0102');
  const newAgentSession = await loginAs(
    app,
    await createUser(t.db, 'agent', 'HN01010101', { employeeId: newAgent.employeeId }),
  );
  const veteranSession = await loginAs(
    app,
    await createUser(t.db, 'agent', 'HN01010101', { employeeId: veteran.employeeId }),
  );
  return {
    t,
    app,
    inspector,
    otherCounty,
    newAgentSession,
    veteranSession,
    newAgent,
    veteran,
    c,
    get: (url, cookie = inspector) => app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url, payload, cookie = inspector) => app.inject({ method: 'POST', url, headers: { cookie }, payload }),
    async close() {
      await app.close();
      await t.drop();
    },
  };
}
