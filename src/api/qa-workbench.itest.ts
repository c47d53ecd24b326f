import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  insertCustomer,
  insertEmployee,
  loginAs,
  seedOrgUnits,
  sessionFor,
} from '../../test/support/api-world.js';
import { CLEAN_TURNS, drainPending, insertCall, type TurnInput } from '../../test/support/qa-world.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { maskPersonName } from '../customers/masking.js';
import { ensureDefaultQaScheme } from '../qa/store/scheme-store.js';
import { buildApp } from './app.js';
import type { QaAppeal, QaCallDetail, QaResultsReply } from './qa-contract.js';
import type { GridcareApp } from './types.js';

let t: TestDb;
let app: GridcareApp;
let inspector: string;
let inspector2: string;
let agentSession: string;
let colleagueSession: string;
let agent: { employeeId: number; employeeNo: string };
let colleague: { employeeId: number; employeeNo: string };

/** Shirks, never greets or introduces himself, no closing: 5 + 3 + 3 + 2 + 2 = 15 points. */
const BAD_TURNS = (customerName: string): TurnInput[] => [
  ['agent', '喂，什么事？'],
  ['customer', `我是${customerName}，家里停电了，我电话13987654321`],
  ['agent', '不归我们管，你自己去查。'],
];

let badCall: string;
let cleanCall: string;
let colleagueCall: string;
let customerName: string;

beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
  await ensureDefaultQaScheme(t.db);
  app = await buildApp({ logLevel: 'silent' }, t.db);
  agent = await insertEmployee(t.db, { name: '王坐席' });
  colleague = await insertEmployee(t.db, { name: '赵坐席' });
  const customer = await insertCustomer(t.db);
  customerName = customer.name;
  badCall = await insertCall(t.db, {
    agentEmployeeId: agent.employeeId,
    customerId: customer.customerId,
    turns: BAD_TURNS(customer.name),
    startedAt: '2026-05-10T02:00:00Z',
  });
  cleanCall = await insertCall(t.db, {
    agentEmployeeId: agent.employeeId,
    turns: CLEAN_TURNS,
    startedAt: '2026-05-11T02:00:00Z',
  });
  colleagueCall = await insertCall(t.db, {
    agentEmployeeId: colleague.employeeId,
    turns: CLEAN_TURNS,
    startedAt: '2026-06-02T02:00:00Z',
  });
  await drainPending(t.db);
  inspector = await sessionFor(t.db, app, 'qa_inspector', 'HN01');
  inspector2 = await sessionFor(t.db, app, 'qa_inspector', 'HN01');
  agentSession = await loginAs(app, await createUser(t.db, 'agent', 'HN01010101', { employeeId: agent.employeeId }));
  colleagueSession = await loginAs(
    app,
    await createUser(t.db, 'agent', 'HN01010101', { employeeId: colleague.employeeId }),
  );
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, cookie: string, payload: object) =>
  app.inject({ method: 'POST', url, headers: { cookie }, payload });
const results = async (query: string, cookie = inspector) =>
  (await get(`/api/v1/qa/results?${query}`, cookie)).json<QaResultsReply>();
const mine = (r: QaResultsReply) =>
  r.items
    .map((i) => i.callId)
    .filter((id) => [badCall, cleanCall, colleagueCall].includes(id))
    .sort();

describe('QA results', () => {
  it('needs a session and qa:read', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/qa/results' })).statusCode).toBe(401);
    const hall = await sessionFor(t.db, app, 'hall_staff', 'HN01');
    const reply = await get('/api/v1/qa/results', hall);
    expect(reply.statusCode).toBe(403);
    expect(reply.json().error.code).toBe('AUTH_FORBIDDEN');
  });

  it('scores every inspected call and explains the deductions', async () => {
    const list = await results(`agent=${agent.employeeNo}`);
    const bad = list.items.find((i) => i.callId === badCall);
    const clean = list.items.find((i) => i.callId === cleanCall);
    expect(bad).toMatchObject({
      machineScore: 85,
      finalScore: 85,
      deductions: 15,
      vetoed: false,
      flagged: false,
      scheme: { code: 'default-95598', version: 1 },
    });
    expect(bad?.deductionRules).toEqual([
      'forbidden.shirking',
      'etiquette.missing_greeting',
      'process.repair_address_not_asked',
      'etiquette.missing_self_intro',
      'etiquette.missing_closing',
    ]);
    expect(clean).toMatchObject({ machineScore: 100, deductions: 0, hitCount: 0 });
  });

  it('filters by score, rule, agent, org unit and period', async () => {
    expect(mine(await results('maxScore=90'))).toEqual([badCall]);
    expect(mine(await results('minScore=90'))).toEqual([cleanCall, colleagueCall].sort());
    expect(mine(await results('rule=forbidden.shirking'))).toEqual([badCall]);
    expect(mine(await results(`agent=${colleague.employeeNo}`))).toEqual([colleagueCall]);
    expect(mine(await results('from=2026-06-01&to=2026-06-30'))).toEqual([colleagueCall]);
    expect(mine(await results('orgUnit=HN0102'))).toEqual([]);
    expect(mine(await results('orgUnit=HN0101'))).toHaveLength(3);
  });

  it('shows nothing of another county and refuses its calls', async () => {
    const other = await sessionFor(t.db, app, 'qa_inspector', 'HN0102');
    expect(mine(await results('', other))).toEqual([]);
    const reply = await get(`/api/v1/qa/calls/${badCall}`, other);
    expect(reply.statusCode).toBe(403);
    expect(reply.json().error.code).toBe('AUTH_OUT_OF_SCOPE');
  });

  it('shows an agent only their own calls', async () => {
    expect(mine(await results('', agentSession))).toEqual([badCall, cleanCall].sort());
    const reply = await get(`/api/v1/qa/calls/${colleagueCall}`, agentSession);
    expect(reply.statusCode).toBe(403);
    expect(reply.json().error.code).toBe('AUTH_OUT_OF_SCOPE');
  });
});

describe('QA call detail', () => {
  it('masks the transcript and points each hit at its words in the masked turn', async () => {
    const reply = await get(`/api/v1/qa/calls/${badCall}`, inspector);
    expect(reply.statusCode).toBe(200);
    const detail = reply.json<QaCallDetail>();
    expect(detail.turns[1]?.text).toBe(`我是${maskPersonName(customerName)}，家里停电了，我电话139****4321`);
    expect(detail.customer?.name).toBe(maskPersonName(customerName));
    const shirking = detail.result?.hits.find((h) => h.ruleCode === 'forbidden.shirking');
    expect(shirking).toMatchObject({
      turnSeq: 3,
      charStart: 0,
      charEnd: 5,
      matched: '不归我们管',
      points: -5,
      categoryName: '服务禁语',
    });
    for (const hit of detail.result?.hits ?? []) {
      for (const e of hit.evidence.filter((x) => x.turnSeq !== null && x.matched !== null)) {
        const turn = detail.turns.find((x) => x.seq === e.turnSeq);
        expect(turn?.text.slice(e.charStart ?? 0, e.charEnd ?? 0)).toBe(e.matched);
      }
    }
    const greeting = detail.result?.hits.find((h) => h.ruleCode === 'etiquette.missing_greeting');
    expect(greeting).toMatchObject({ turnSeq: null, actual: 'not found' });
    expect(greeting?.expression).toContain('您好');
    expect(detail.result?.categoryScores.find((c) => c.category === 'etiquette')).toMatchObject({
      deducted: 7,
      net: -7,
    });
    expect(detail.may).toEqual({ review: true, appeal: false, addToCaseLibrary: true });
  });

  it('is 404 for an unknown call', async () => {
    expect((await get('/api/v1/qa/calls/NO-SUCH-CALL', inspector)).statusCode).toBe(404);
  });
});

describe('manual review and appeals', () => {
  it('runs the re-check: review, appeal by the agent, decision by a second inspector, history kept', async () => {
    expect(
      (await post(`/api/v1/qa/calls/${badCall}/reviews`, agentSession, { score: 99, comment: '自评' })).statusCode,
    ).toBe(403);
    const review = await post(`/api/v1/qa/calls/${badCall}/reviews`, inspector, {
      score: 80,
      comment: '推诿明显，另扣5分',
    });
    expect(review.statusCode).toBe(201);
    expect(
      (await results(`agent=${agent.employeeNo}&maxScore=80`)).items.map((i) => [i.callId, i.finalScore, i.reviewed]),
    ).toEqual([[badCall, 80, true]]);

    const detail = (await get(`/api/v1/qa/calls/${badCall}`, agentSession)).json<QaCallDetail>();
    expect(detail.may.appeal).toBe(true);
    const hit = detail.result?.hits.find((h) => h.ruleCode === 'etiquette.missing_closing');
    const hitId = hit?.hitId as number;
    expect((await post('/api/v1/qa/appeals', colleagueSession, { hitId, reason: '不是我的通话' })).statusCode).toBe(
      403,
    );
    expect((await post('/api/v1/qa/appeals', inspector, { hitId, reason: 'x' })).statusCode).toBe(403);
    const filed = await post('/api/v1/qa/appeals', agentSession, { hitId, reason: '客户先挂断了电话，来不及说结束语' });
    expect(filed.statusCode).toBe(201);
    const appeal = filed.json<QaAppeal>();
    expect(appeal).toMatchObject({
      status: 'pending',
      ruleCode: 'etiquette.missing_closing',
      points: -2,
      agent: { employeeNo: agent.employeeNo },
    });
    const again = await post('/api/v1/qa/appeals', agentSession, { hitId, reason: '再申诉' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'QA_APPEAL_NOT_ALLOWED']);
    expect((await results(`agent=${agent.employeeNo}&maxScore=80`)).items[0]?.pendingAppeals).toBe(1);

    const url = `/api/v1/qa/appeals/${appeal.appealId}/decision`;
    expect((await post(url, agentSession, { decision: 'reversed', note: '我同意' })).statusCode).toBe(403);
    const first = await post(url, inspector, { decision: 'reversed', note: '同意' });
    expect([first.statusCode, first.json().error.code]).toEqual([403, 'QA_SECOND_INSPECTOR_REQUIRED']);
    const decided = await post(url, inspector2, { decision: 'reversed', note: '录音证实客户先挂机' });
    expect(decided.statusCode).toBe(200);
    const after = decided.json<QaAppeal>();
    expect(after.status).toBe('reversed');
    expect(after.history.map((h) => [h.kind, h.note, h.scoreAfter])).toEqual([
      ['filed', '客户先挂断了电话，来不及说结束语', null],
      ['reversed', '录音证实客户先挂机', 82],
    ]);
    const twice = await post(url, inspector2, { decision: 'upheld', note: '改判' });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'QA_APPEAL_DECIDED']);
    expect((await results(`agent=${agent.employeeNo}&rule=etiquette.missing_closing`)).items[0]).toMatchObject({
      finalScore: 82,
      pendingAppeals: 0,
    });

    const listed = (await get('/api/v1/qa/appeals?status=reversed', agentSession)).json<{ items: QaAppeal[] }>();
    expect(listed.items.map((a) => a.appealId)).toContain(appeal.appealId);
    expect((await get('/api/v1/qa/appeals', colleagueSession)).json<{ items: QaAppeal[] }>().items).toEqual([]);
    expect((await get(`/api/v1/qa/appeals/${appeal.appealId}`, colleagueSession)).statusCode).toBe(403);
  });
});
