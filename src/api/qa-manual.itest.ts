import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFor } from '../../test/support/api-world.js';
import { type ManualQaWorld, openManualQaWorld } from '../../test/support/qa-manual-world.js';
import { runJobs } from '../../test/support/qa-world.js';
import type { QaAgentPortrait, QaResultsReply, QaSamplesReply, QaSamplingPlan, QaTopic } from './qa-contract.js';

let w: ManualQaWorld;
beforeAll(async () => {
  w = await openManualQaWorld();
});
afterAll(async () => {
  await w.close();
});

const april = { from: '2026-04-01', to: '2026-04-30' };

describe('agent QA portrait', () => {
  it('rolls the agent results up beside the team: trend, weak categories, frequent deductions, training', async () => {
    const reply = await w.get(
      `/api/v1/qa/agents/${w.newAgent.employeeNo}/portrait?from=2026-01-01&to=2026-06-30`,
      w.newAgentSession,
    );
    expect(reply.statusCode).toBe(200);
    const p = reply.json<QaAgentPortrait>();
    expect(p).toMatchObject({
      calls: 2,
      meanScore: 92.5,
      agent: { employeeNo: w.newAgent.employeeNo, hireDate: '2026-03-01' },
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
    expect((await w.get(`/api/v1/qa/agents/${w.newAgent.employeeNo}/portrait`, w.veteranSession)).statusCode).toBe(403);
    expect((await w.get(`/api/v1/qa/agents/${w.newAgent.employeeNo}/portrait`, w.otherCounty)).json().error.code).toBe(
      'AUTH_OUT_OF_SCOPE',
    );
    expect((await w.get('/api/v1/qa/agents/NOBODY/portrait')).statusCode).toBe(404);
  });
});

describe('sampling plans', () => {
  it('draws a random share plus every risk-based pick, each with its reasons', async () => {
    const reply = await w.post('/api/v1/qa/sampling-plans', {
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
    const queue = (await w.get(`/api/v1/qa/sampling-plans/${plan.planId}/samples?pageSize=50`)).json<QaSamplesReply>();
    const reasons = new Map(queue.items.map((s) => [s.callId, s.reasons.filter((r) => r !== 'random')]));
    expect(reasons.get(w.c.c1 as string)).toEqual(['new_agent']);
    expect(reasons.get(w.c.c2 as string)).toEqual(['low_score', 'new_agent']);
    expect(reasons.get(w.c.c3 as string)).toEqual(['angry_customer']);
    expect(reasons.get(w.c.c4 as string)).toEqual(['long_call']);
    expect(reasons.get(w.c.c5 as string)).toEqual(['complaint']);
    expect(queue.items.filter((s) => s.reasons.includes('random'))).toHaveLength(2);
    expect(queue.items.find((s) => s.callId === w.c.c2)?.result?.machineScore).toBe(85);

    // A review after the draw takes the call off the open queue.
    await w.post(`/api/v1/qa/calls/${w.c.c2}/reviews`, { score: 80, comment: '抽检复核' });
    const open = (
      await w.get(`/api/v1/qa/sampling-plans/${plan.planId}/samples?reviewed=false&pageSize=50`)
    ).json<QaSamplesReply>();
    expect(open.items.map((s) => s.callId)).not.toContain(w.c.c2);
    expect(open.total).toBe(queue.total - 1);
    expect((await w.get(`/api/v1/qa/sampling-plans/${plan.planId}`)).json<QaSamplingPlan>()).toMatchObject({
      samples: queue.total,
      reviewed: 1,
    });
  });

  it('caps the risk picks per agent, lowest scores first, and keeps plans in scope', async () => {
    const plan = (
      await w.post('/api/v1/qa/sampling-plans', {
        name: '每人一条',
        ...april,
        randomShare: 0,
        risk: { lowScoreBelow: 90, newAgentMonths: 6, longCallMinutes: 15 },
        maxRiskPerAgent: 1,
      })
    ).json<QaSamplingPlan>();
    const queue = (await w.get(`/api/v1/qa/sampling-plans/${plan.planId}/samples`)).json<QaSamplesReply>();
    expect(queue.items.map((s) => s.callId).sort()).toEqual([w.c.c2, w.c.c4].sort());
    expect((await w.get(`/api/v1/qa/sampling-plans/${plan.planId}`, w.otherCounty)).json().error.code).toBe(
      'AUTH_OUT_OF_SCOPE',
    );
    expect((await w.get('/api/v1/qa/sampling-plans', w.otherCounty)).json<{ items: QaSamplingPlan[] }>().items).toEqual(
      [],
    );
    expect(
      (await w.post('/api/v1/qa/sampling-plans', { name: 'x', ...april, randomShare: 0.1 }, w.newAgentSession))
        .statusCode,
    ).toBe(403);
  });
});

describe('special-topic QA', () => {
  it('inspects the calls of a topic with its scheme in a job and tags the results', async () => {
    const reply = await w.post('/api/v1/qa/topics', {
      name: '停电专题',
      schemeCode: 'default-95598',
      version: 1,
      ...april,
      filter: { keywords: ['停电'] },
    });
    expect(reply.statusCode).toBe(202);
    const topic = reply.json<QaTopic>();
    expect(topic.job).toMatchObject({ kind: 'topic', status: 'queued' });
    await runJobs(w.t.db);
    const done = (await w.get(`/api/v1/qa/topics/${topic.topicId}`)).json<QaTopic>();
    expect(done.job).toMatchObject({ status: 'done', done: 1, total: 1 });
    expect(done.summary).toEqual({ results: 1, meanScore: 85, flagged: 0 });
    const tagged = (await w.get(`/api/v1/qa/results?topic=${topic.topicId}`)).json<QaResultsReply>();
    expect(tagged.items.map((r) => [r.callId, r.topicId])).toEqual([[w.c.c2, topic.topicId]]);
    // Routine results stay as they were.
    expect(
      (await w.get(`/api/v1/qa/results?agent=${w.newAgent.employeeNo}`))
        .json<QaResultsReply>()
        .items.every((r) => r.topicId === null),
    ).toBe(true);
  });

  it('shows a topic’s job only to readers of the topic', async () => {
    const yuelu = await sessionFor(w.t.db, w.app, 'qa_inspector', 'HN0101');
    const topic = (
      await w.post(
        '/api/v1/qa/topics',
        { name: '岳麓专题', schemeCode: 'default-95598', version: 1, ...april, filter: { orgUnitId: 'HN0101' } },
        yuelu,
      )
    ).json<QaTopic>();
    const jobUrl = `/api/v1/qa/reinspections/${topic.job?.jobId}`;
    expect((await w.get(jobUrl, yuelu)).json()).toMatchObject({ jobId: topic.job?.jobId, kind: 'topic' });
    expect((await w.get(jobUrl)).statusCode).toBe(200);
    // Another county's w.inspector, and an agent whose scope (one grid) is narrower than the topic's county.
    const refused = await w.get(jobUrl, w.otherCounty);
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'AUTH_OUT_OF_SCOPE']);
    expect((await w.get(`/api/v1/qa/topics/${topic.topicId}`, w.otherCounty)).statusCode).toBe(403);
    const agent = await w.get(jobUrl, w.newAgentSession);
    expect([agent.statusCode, agent.json().error.code]).toEqual([403, 'AUTH_OUT_OF_SCOPE']);
    expect((await w.get('/api/v1/qa/reinspections/987654321')).statusCode).toBe(404);
  });

  it('refuses drafts, units outside the scope, and agents', async () => {
    const editor = await sessionFor(w.t.db, w.app, 'qa_inspector', null);
    const draft = await w.post(
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
    const refused = await w.post('/api/v1/qa/topics', {
      name: 'x',
      schemeCode: 'storm',
      version: 1,
      ...april,
      filter: {},
    });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'QA_SCHEME_STATE']);
    const yuelu = await sessionFor(w.t.db, w.app, 'qa_inspector', 'HN0101');
    const outside = await w.post(
      '/api/v1/qa/topics',
      { name: 'x', schemeCode: 'default-95598', version: 1, ...april, filter: { orgUnitId: 'HN0102' } },
      yuelu,
    );
    expect(outside.json().error.code).toBe('AUTH_OUT_OF_SCOPE');
    expect(
      (
        await w.post(
          '/api/v1/qa/topics',
          { name: 'x', schemeCode: 'default-95598', version: 1, ...april, filter: {} },
          w.newAgentSession,
        )
      ).statusCode,
    ).toBe(403);
  });
});
