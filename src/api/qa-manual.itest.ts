import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  insertCustomer,
  insertEmployee,
  loginAs,
  seedOrgUnits,
  sessionFor,
  uid,
} from '../../test/support/api-world.js';
import { CLEAN_TURNS, drainPending, insertCall, runJobs, type TurnInput } from '../../test/support/qa-world.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { ensureDefaultQaScheme } from '../qa/store/scheme-store.js';
import { buildApp } from './app.js';
import type {
  QaAgentPortrait,
  QaCaseLibraryEntry,
  QaCaseLibraryReply,
  QaChainFinding,
  QaChainFindingsReply,
  QaResultsReply,
  QaSamplesReply,
  QaSamplingPlan,
  QaTopic,
} from './qa-contract.js';
import type { GridcareApp } from './types.js';

let t: TestDb;
let app: GridcareApp;
let inspector: string;
let otherCounty: string;
let newAgentSession: string;
let veteranSession: string;
let newAgent: { employeeId: number; employeeNo: string };
let veteran: { employeeId: number; employeeNo: string };
const c: Record<string, string> = {};

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

beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
  await ensureDefaultQaScheme(t.db);
  app = await buildApp({ logLevel: 'silent' }, t.db);
  newAgent = await insertEmployee(t.db, { name: '新坐席' });
  veteran = await insertEmployee(t.db, { name: '老坐席' });
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
  inspector = await sessionFor(t.db, app, 'qa_inspector', 'HN01');
  otherCounty = await sessionFor(t.db, app, 'qa_inspector', 'HN0102');
  newAgentSession = await loginAs(
    app,
    await createUser(t.db, 'agent', 'HN01010101', { employeeId: newAgent.employeeId }),
  );
  veteranSession = await loginAs(
    app,
    await createUser(t.db, 'agent', 'HN01010101', { employeeId: veteran.employeeId }),
  );
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const get = (url: string, cookie = inspector) => app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, payload: object, cookie = inspector) =>
  app.inject({ method: 'POST', url, headers: { cookie }, payload });
const april = { from: '2026-04-01', to: '2026-04-30' };

describe('agent QA portrait', () => {
  it('rolls the agent results up beside the team: trend, weak categories, frequent deductions, training', async () => {
    const reply = await get(
      `/api/v1/qa/agents/${newAgent.employeeNo}/portrait?from=2026-01-01&to=2026-06-30`,
      newAgentSession,
    );
    expect(reply.statusCode).toBe(200);
    const p = reply.json<QaAgentPortrait>();
    expect(p).toMatchObject({
      calls: 2,
      meanScore: 92.5,
      agent: { employeeNo: newAgent.employeeNo, hireDate: '2026-03-01' },
    });
    expect(p.trend).toEqual([{ month: '2026-04', calls: 2, meanScore: 92.5, teamMeanScore: p.teamMeanScore }]);
    // Forbidden words: 5 points in 2 calls against 5 in the team's 10.
    expect(p.categories.find((x) => x.category === 'forbidden')).toMatchObject({
      deductionPerCall: 2.5,
      teamDeductionPerCall: 0.5,
      hitRate: 0.5,
      verdict: 'weakness',
    });
    expect(p.weaknesses).toContain('forbidden');
    expect(p.topDeductions.find((d) => d.ruleCode === 'forbidden.shirking')).toMatchObject({
      hits: 1,
      callShare: 0.5,
      points: -5,
    });
    expect(p.recommendations.map((r) => r.category)).toContain('forbidden');
  });

  it('is the agent’s own: another agent is refused, so is another county', async () => {
    expect((await get(`/api/v1/qa/agents/${newAgent.employeeNo}/portrait`, veteranSession)).statusCode).toBe(403);
    expect((await get(`/api/v1/qa/agents/${newAgent.employeeNo}/portrait`, otherCounty)).json().error.code).toBe(
      'AUTH_OUT_OF_SCOPE',
    );
    expect((await get('/api/v1/qa/agents/NOBODY/portrait')).statusCode).toBe(404);
  });
});

describe('sampling plans', () => {
  it('draws a random share plus every risk-based pick, each with its reasons', async () => {
    const reply = await post('/api/v1/qa/sampling-plans', {
      name: '4月抽检',
      orgUnit: 'HN0101',
      ...april,
      randomShare: 0.2,
      risk: { lowScoreBelow: 90, angryCustomer: true, longCallMinutes: 15, complaintCalls: true, newAgentMonths: 6 },
    });
    expect(reply.statusCode).toBe(201);
    const plan = reply.json<QaSamplingPlan>();
    expect(plan.byReason).toEqual({
      random: 2,
      low_score: 1,
      angry_customer: 1,
      long_call: 1,
      complaint: 1,
      new_agent: 2,
    });
    const queue = (await get(`/api/v1/qa/sampling-plans/${plan.planId}/samples?pageSize=50`)).json<QaSamplesReply>();
    const reasons = new Map(queue.items.map((s) => [s.callId, s.reasons.filter((r) => r !== 'random')]));
    expect(reasons.get(c.c1 as string)).toEqual(['new_agent']);
    expect(reasons.get(c.c2 as string)).toEqual(['low_score', 'new_agent']);
    expect(reasons.get(c.c3 as string)).toEqual(['angry_customer']);
    expect(reasons.get(c.c4 as string)).toEqual(['long_call']);
    expect(reasons.get(c.c5 as string)).toEqual(['complaint']);
    expect(queue.items.filter((s) => s.reasons.includes('random'))).toHaveLength(2);
    expect(queue.items.find((s) => s.callId === c.c2)?.result?.machineScore).toBe(85);

    // A review after the draw takes the call off the open queue.
    await post(`/api/v1/qa/calls/${c.c2}/reviews`, { score: 80, comment: '抽检复核' });
    const open = (
      await get(`/api/v1/qa/sampling-plans/${plan.planId}/samples?reviewed=false&pageSize=50`)
    ).json<QaSamplesReply>();
    expect(open.items.map((s) => s.callId)).not.toContain(c.c2);
    expect(open.total).toBe(queue.total - 1);
    expect((await get(`/api/v1/qa/sampling-plans/${plan.planId}`)).json<QaSamplingPlan>()).toMatchObject({
      samples: queue.total,
      reviewed: 1,
    });
  });

  it('caps the risk picks per agent, lowest scores first, and keeps plans in scope', async () => {
    const plan = (
      await post('/api/v1/qa/sampling-plans', {
        name: '每人一条',
        ...april,
        randomShare: 0,
        risk: { lowScoreBelow: 90, newAgentMonths: 6, longCallMinutes: 15 },
        maxRiskPerAgent: 1,
      })
    ).json<QaSamplingPlan>();
    const queue = (await get(`/api/v1/qa/sampling-plans/${plan.planId}/samples`)).json<QaSamplesReply>();
    expect(queue.items.map((s) => s.callId).sort()).toEqual([c.c2, c.c4].sort());
    expect((await get(`/api/v1/qa/sampling-plans/${plan.planId}`, otherCounty)).json().error.code).toBe(
      'AUTH_OUT_OF_SCOPE',
    );
    expect((await get('/api/v1/qa/sampling-plans', otherCounty)).json<{ items: QaSamplingPlan[] }>().items).toEqual([]);
    expect(
      (await post('/api/v1/qa/sampling-plans', { name: 'x', ...april, randomShare: 0.1 }, newAgentSession)).statusCode,
    ).toBe(403);
  });
});

describe('special-topic QA', () => {
  it('inspects the calls of a topic with its scheme in a job and tags the results', async () => {
    const reply = await post('/api/v1/qa/topics', {
      name: '停电专题',
      schemeCode: 'default-95598',
      version: 1,
      ...april,
      filter: { keywords: ['停电'] },
    });
    expect(reply.statusCode).toBe(202);
    const topic = reply.json<QaTopic>();
    expect(topic.job).toMatchObject({ kind: 'topic', status: 'queued' });
    await runJobs(t.db);
    const done = (await get(`/api/v1/qa/topics/${topic.topicId}`)).json<QaTopic>();
    expect(done.job).toMatchObject({ status: 'done', done: 1, total: 1 });
    expect(done.summary).toEqual({ results: 1, meanScore: 85, flagged: 0 });
    const tagged = (await get(`/api/v1/qa/results?topic=${topic.topicId}`)).json<QaResultsReply>();
    expect(tagged.items.map((r) => [r.callId, r.topicId])).toEqual([[c.c2, topic.topicId]]);
    // Routine results stay as they were.
    expect(
      (await get(`/api/v1/qa/results?agent=${newAgent.employeeNo}`))
        .json<QaResultsReply>()
        .items.every((r) => r.topicId === null),
    ).toBe(true);
  });

  it('shows a topic’s job only to readers of the topic', async () => {
    const yuelu = await sessionFor(t.db, app, 'qa_inspector', 'HN0101');
    const topic = (
      await post(
        '/api/v1/qa/topics',
        { name: '岳麓专题', schemeCode: 'default-95598', version: 1, ...april, filter: { orgUnitId: 'HN0101' } },
        yuelu,
      )
    ).json<QaTopic>();
    const jobUrl = `/api/v1/qa/reinspections/${topic.job?.jobId}`;
    expect((await get(jobUrl, yuelu)).json()).toMatchObject({ jobId: topic.job?.jobId, kind: 'topic' });
    expect((await get(jobUrl)).statusCode).toBe(200);
    // Another county's inspector, and an agent whose scope (one grid) is narrower than the topic's county.
    const refused = await get(jobUrl, otherCounty);
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'AUTH_OUT_OF_SCOPE']);
    expect((await get(`/api/v1/qa/topics/${topic.topicId}`, otherCounty)).statusCode).toBe(403);
    const agent = await get(jobUrl, newAgentSession);
    expect([agent.statusCode, agent.json().error.code]).toEqual([403, 'AUTH_OUT_OF_SCOPE']);
    expect((await get('/api/v1/qa/reinspections/987654321')).statusCode).toBe(404);
  });

  it('refuses drafts, units outside the scope, and agents', async () => {
    const editor = await sessionFor(t.db, app, 'qa_inspector', null);
    const draft = await post(
      '/api/v1/qa/schemes/storm/versions',
      {
        definition: {
          id: 'storm',
          name: '雷雨专题',
          version: 1,
          categories: { emotion: { name: '情绪安抚', maxDeduction: 20 } },
          rules: [],
        },
      },
      editor,
    );
    expect(draft.statusCode).toBe(201);
    const refused = await post('/api/v1/qa/topics', {
      name: 'x',
      schemeCode: 'storm',
      version: 1,
      ...april,
      filter: {},
    });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'QA_SCHEME_STATE']);
    const yuelu = await sessionFor(t.db, app, 'qa_inspector', 'HN0101');
    const outside = await post(
      '/api/v1/qa/topics',
      { name: 'x', schemeCode: 'default-95598', version: 1, ...april, filter: { orgUnitId: 'HN0102' } },
      yuelu,
    );
    expect(outside.json().error.code).toBe('AUTH_OUT_OF_SCOPE');
    expect(
      (
        await post(
          '/api/v1/qa/topics',
          { name: 'x', schemeCode: 'default-95598', version: 1, ...april, filter: {} },
          newAgentSession,
        )
      ).statusCode,
    ).toBe(403);
  });
});

describe('work-order full-chain QA', () => {
  it('finds an order closed without contacting the customer, a reply contradicting the field, a missed deadline', async () => {
    const customer = await insertCustomer(t.db);
    const caseId = uid('K');
    const [bad, good] = [uid('W'), uid('W')];
    await t.db.query(
      `INSERT INTO work_order (order_no, customer_id, case_id, order_type, topic_code, status, channel, created_at, sla_deadline, closed_at) VALUES
        ($1, $3, $4, 'repair', 'outage', 'closed', 'phone_95598', '2026-04-10T00:00:00Z', '2026-04-10T04:45:00Z', '2026-04-10T12:00:00Z'),
        ($2, $3, $4, 'complaint', 'service_attitude', 'closed', 'phone_95598', '2026-04-10T00:00:00Z', '2026-04-17T00:00:00Z', '2026-04-12T00:00:00Z')`,
      [bad, good, customer.customerId, caseId],
    );
    await t.db.query(
      `INSERT INTO work_order_status (order_no, seq, status, at, note) VALUES
        ($1, 1, 'accepted', '2026-04-10T00:00:00Z', NULL), ($1, 2, 'dispatched', '2026-04-10T00:10:00Z', NULL),
        ($1, 3, 'arrived', '2026-04-10T01:00:00Z', '变压器烧毁，需更换，暂未修复'), ($1, 4, 'handled', '2026-04-10T07:15:00Z', NULL),
        ($1, 5, 'closed', '2026-04-10T12:00:00Z', '已修复，已告知客户'),
        ($2, 1, 'accepted', '2026-04-10T00:00:00Z', NULL), ($2, 2, 'handled', '2026-04-11T00:00:00Z', NULL),
        ($2, 3, 'callback', '2026-04-11T08:00:00Z', '客户满意'), ($2, 4, 'closed', '2026-04-12T00:00:00Z', NULL)`,
      [bad, good],
    );
    const reply = await get(`/api/v1/qa/cases/${caseId}/findings`);
    expect(reply.statusCode).toBe(200);
    const findings = reply.json<{ items: QaChainFinding[] }>().items;
    expect(findings.map((f) => [f.orderNo, f.ruleCode])).toEqual([
      [bad, 'chain.closed_without_contact'],
      [bad, 'chain.reply_contradicts_field'],
      [bad, 'chain.sla_missed'],
    ]);
    const contradiction = findings.find((f) => f.ruleCode === 'chain.reply_contradicts_field');
    expect(contradiction?.evidence.map((e) => [e.kind, e.ref])).toEqual([
      ['status', `${bad}#3`],
      ['status', `${bad}#5`],
    ]);
    expect(contradiction?.evidence[0]?.text).toContain('需更换');
    expect(contradiction?.evidence[1]?.text).toContain('已修复');
    // Beijing time, the order type by name, the overrun in hours from 2 hours on.
    expect(findings.find((f) => f.ruleCode === 'chain.sla_missed')?.explanation).toBe(
      '办理时限 2026-04-10 12:45，办结于 2026-04-10 15:15，超时 2.5 小时',
    );
    expect(findings.find((f) => f.ruleCode === 'chain.sla_missed')?.evidence[0]?.text).toBe('办理时限（故障报修工单）');
    const english = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/qa/cases/${caseId}/findings`,
        headers: { cookie: inspector, 'accept-language': 'en-GB,en;q=0.9' },
      })
    ).json<{ items: QaChainFinding[] }>().items;
    expect(english.find((f) => f.ruleCode === 'chain.sla_missed')).toMatchObject({
      ruleName: 'Deadline missed',
      explanation: 'Deadline 2026-04-10 12:45, handled at 2026-04-10 15:15: 2.5 h late',
    });

    const list = (
      await get('/api/v1/qa/chain-findings?from=2026-04-10&to=2026-04-10&rule=chain.sla_missed')
    ).json<QaChainFindingsReply>();
    expect(list.items.map((f) => f.orderNo)).toEqual([bad]);
    const listed = (
      await get('/api/v1/qa/chain-findings?from=2026-04-10&to=2026-04-10&rule=chain.sla_missed&lang=en')
    ).json<QaChainFindingsReply>();
    expect(listed.items[0]?.evidence.map((e) => e.text)).toEqual(['Deadline (Repair order)', 'Handled']);
    expect((await get(`/api/v1/qa/cases/${caseId}/findings`, otherCounty)).json().error.code).toBe('AUTH_OUT_OF_SCOPE');
    expect(
      (await get('/api/v1/qa/chain-findings?from=2026-04-10&to=2026-04-10', otherCounty)).json<QaChainFindingsReply>()
        .total,
    ).toBe(0);
    // An agent sees chains of cases they took a call of: none here.
    expect((await get(`/api/v1/qa/cases/${caseId}/findings`, newAgentSession)).statusCode).toBe(404);
  });

  it('lets an order handled within 5 minutes of its deadline pass, and counts a short overrun in minutes', async () => {
    const customer = await insertCustomer(t.db);
    const caseId = uid('K');
    const [onTime, late] = [uid('W'), uid('W')];
    await t.db.query(
      `INSERT INTO work_order (order_no, customer_id, case_id, order_type, topic_code, status, channel, created_at, sla_deadline, closed_at) VALUES
        ($1, $3, $4, 'opinion', 'fee', 'closed', 'phone_95598', '2026-04-11T00:00:00Z', '2026-04-11T10:00:00Z', '2026-04-11T10:00:25Z'),
        ($2, $3, $4, 'opinion', 'fee', 'closed', 'phone_95598', '2026-04-11T00:00:00Z', '2026-04-11T10:00:00Z', '2026-04-11T10:33:17Z')`,
      [onTime, late, customer.customerId, caseId],
    );
    await t.db.query(
      `INSERT INTO work_order_status (order_no, seq, status, at, note) VALUES
        ($1, 1, 'callback', '2026-04-11T09:00:00Z', NULL), ($1, 2, 'closed', '2026-04-11T10:00:25Z', NULL),
        ($2, 1, 'callback', '2026-04-11T09:00:00Z', NULL), ($2, 2, 'closed', '2026-04-11T10:33:17Z', NULL)`,
      [onTime, late],
    );
    const findings = (await get(`/api/v1/qa/cases/${caseId}/findings`)).json<{ items: QaChainFinding[] }>().items;
    expect(findings.map((f) => [f.orderNo, f.ruleCode, f.explanation])).toEqual([
      [late, 'chain.sla_missed', '办理时限 2026-04-11 18:00，办结于 2026-04-11 18:33，超时 33 分钟'],
    ]);
  });
});

describe('case library', () => {
  it('adds, finds, edits and removes typical and excellent calls; agents read their own', async () => {
    const added = await post('/api/v1/qa/case-library', {
      callId: c.c3,
      kind: 'excellent',
      title: '愤怒客户一句话安抚',
      tags: ['情绪安抚', '投诉预防'],
      teachingNote: '先致歉，再复述诉求',
    });
    expect(added.statusCode).toBe(201);
    const entry = added.json<QaCaseLibraryEntry>();
    expect(entry).toMatchObject({
      kind: 'excellent',
      agent: { employeeNo: veteran.employeeNo },
      tags: ['情绪安抚', '投诉预防'],
    });
    const search = async (query: string, cookie = inspector) =>
      (await get(`/api/v1/qa/case-library?${query}`, cookie)).json<QaCaseLibraryReply>().items.map((e) => e.entryId);
    expect(await search(`q=${encodeURIComponent('复述')}`)).toEqual([entry.entryId]);
    expect(await search(`tag=${encodeURIComponent('投诉预防')}`)).toEqual([entry.entryId]);
    expect(await search('kind=typical')).toEqual([]);
    expect(await search('', veteranSession)).toEqual([entry.entryId]);
    expect(await search('', newAgentSession)).toEqual([]);
    expect(await search('', otherCounty)).toEqual([]);
    expect(
      (
        await post(
          '/api/v1/qa/case-library',
          { callId: c.c1, kind: 'typical', title: 'x', tags: [], teachingNote: '' },
          veteranSession,
        )
      ).statusCode,
    ).toBe(403);

    const put = await app.inject({
      method: 'PUT',
      url: `/api/v1/qa/case-library/${entry.entryId}`,
      headers: { cookie: inspector },
      payload: { kind: 'typical', title: '典型：先致歉', tags: ['情绪安抚'], teachingNote: '改' },
    });
    expect(put.json<QaCaseLibraryEntry>()).toMatchObject({
      kind: 'typical',
      title: '典型：先致歉',
      tags: ['情绪安抚'],
    });
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/v1/qa/case-library/${entry.entryId}`,
      headers: { cookie: inspector },
    });
    expect(del.statusCode).toBe(204);
    expect((await get(`/api/v1/qa/case-library/${entry.entryId}`)).statusCode).toBe(404);
  });
});
