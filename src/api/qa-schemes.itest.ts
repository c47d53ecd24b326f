import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, insertEmployee, loginAs, seedOrgUnits, sessionFor } from '../../test/support/api-world.js';
import { drainPending, insertCall, runJobs } from '../../test/support/qa-world.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { runQaReinspect } from '../cli/qa-command.js';
import { DEFAULT_95598_SCHEME } from '../qa/schemes/default-95598/index.js';
import { ensureDefaultQaScheme } from '../qa/store/scheme-store.js';
import { buildApp } from './app.js';
import type {
  QaBacktestResult,
  QaCallDetail,
  QaReinspectionJob,
  QaRuleComment,
  QaSchemesReply,
  QaSchemeVersionDetail,
  QaTryResult,
} from './qa-contract.js';
import type { GridcareApp } from './types.js';

let t: TestDb;
let app: GridcareApp;
let editor: string;
let agentSession: string;
const calls: Record<string, string> = {};

/** A small scheme whose scores are easy to work out by hand. */
const greet = {
  id: 'greet',
  name: '未问候',
  description: '坐席未说您好',
  category: 'etiquette',
  points: -5,
  when: { not: { op: 'keyword', words: ['您好'], speaker: 'agent', window: { firstTurns: 2 } } },
};
const shirk = {
  id: 'shirk',
  name: '推诿',
  description: '不归我们管',
  category: 'etiquette',
  points: -10,
  when: { op: 'keyword', words: ['不归我们管'], speaker: 'agent' },
};
const slang = {
  id: 'slang',
  name: '口语',
  description: '搞啥',
  category: 'etiquette',
  points: -3,
  when: { op: 'keyword', words: ['搞啥'], speaker: 'agent' },
};
const scheme = (rules: object[]) => ({
  id: 'bt-test',
  name: '回测方案',
  version: 1,
  categories: { etiquette: { name: '服务礼仪', maxDeduction: 30 } },
  rules,
});

beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
  await ensureDefaultQaScheme(t.db);
  app = await buildApp({ logLevel: 'silent' }, t.db);
  editor = await sessionFor(t.db, app, 'qa_inspector', null);
  const agent = await insertEmployee(t.db);
  agentSession = await loginAs(app, await createUser(t.db, 'agent', 'HN01010101', { employeeId: agent.employeeId }));
  // March 2025 holds exactly these four calls.
  const day = (d: number) => `2025-03-${String(d).padStart(2, '0')}T02:00:00Z`;
  calls.c1 = await insertCall(t.db, {
    agentEmployeeId: agent.employeeId,
    startedAt: day(3),
    turns: [
      ['agent', '您好，请讲'],
      ['customer', '查电费'],
    ],
  });
  calls.c2 = await insertCall(t.db, {
    agentEmployeeId: agent.employeeId,
    startedAt: day(4),
    turns: [
      ['agent', '喂'],
      ['customer', '停电了'],
      ['agent', '不归我们管'],
    ],
  });
  calls.c3 = await insertCall(t.db, {
    agentEmployeeId: agent.employeeId,
    startedAt: day(5),
    turns: [
      ['agent', '您好'],
      ['customer', '电表'],
      ['agent', '搞啥呢'],
    ],
  });
  calls.c4 = await insertCall(t.db, {
    agentEmployeeId: agent.employeeId,
    startedAt: day(6),
    turns: [
      ['agent', '喂，搞啥'],
      ['customer', '问一下'],
    ],
  });
  await drainPending(t.db);
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const get = (url: string, cookie = editor) => app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, payload: object, cookie = editor) =>
  app.inject({ method: 'POST', url, headers: { cookie }, payload });

describe('QA schemes', () => {
  it('lists the shipped default scheme as the routine scheme, live version 1 with its 45 rules', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/qa/schemes' })).statusCode).toBe(401);
    const reply = (await get('/api/v1/qa/schemes', agentSession)).json<QaSchemesReply>();
    const def = reply.items.find((s) => s.code === 'default-95598');
    expect(def).toMatchObject({ routine: true, liveVersion: 1, name: '95598 全量智能质检方案' });
    expect(def?.versions[0]).toMatchObject({
      version: 1,
      status: 'live',
      ruleCount: DEFAULT_95598_SCHEME.rules.length,
    });
    const detail = (await get('/api/v1/qa/schemes/default-95598/versions/1')).json<QaSchemeVersionDetail>();
    expect(detail.rules).toHaveLength(45);
    expect(detail.categories.map((c) => c.code)).toEqual(['etiquette', 'accuracy', 'process', 'forbidden', 'emotion']);
    expect(detail.rules.find((r) => r.code === 'process.account_before_identity')?.condition).toBe(
      'all(regex, not(order))',
    );
  });

  it.each([
    ['an unknown operator', { op: 'sounds_like', words: ['您好'] }, 'when.op', /unknown operator 'sounds_like'/],
    ['an invalid regex', { op: 'regex', pattern: '(工号' }, 'when.pattern', /invalid regular expression/],
    ['an empty keyword list', { op: 'keyword', words: [] }, 'when.words', /the keyword list is empty/],
  ])('refuses a draft with %s at save time, naming the rule and path', async (_what, when, path, message) => {
    const reply = await post('/api/v1/qa/schemes/bt-test/versions', { definition: scheme([{ ...greet, when }]) });
    expect(reply.statusCode).toBe(400);
    const error = reply.json().error;
    expect(error.code).toBe('QA_RULE_INVALID');
    expect(error.message).toMatch(message);
    expect(error.details.ruleId).toBe('greet');
    expect(error.details.path).toBe(path);
  });

  it('refuses a definition whose id is not the scheme code, and drafts from agents', async () => {
    expect((await post('/api/v1/qa/schemes/other/versions', { definition: scheme([greet]) })).json().error.code).toBe(
      'QA_RULE_INVALID',
    );
    expect(
      (await post('/api/v1/qa/schemes/bt-test/versions', { definition: scheme([greet]) }, agentSession)).statusCode,
    ).toBe(403);
  });

  it('backtests a draft against the live version with the numbers worked out by hand, then publishes it', async () => {
    const v1 = await post('/api/v1/qa/schemes/bt-test/versions', { definition: scheme([greet, shirk]), note: '初版' });
    expect(v1.statusCode).toBe(201);
    expect(v1.json<QaSchemeVersionDetail>()).toMatchObject({ version: 1, status: 'draft', note: '初版' });
    expect((await post('/api/v1/qa/schemes/bt-test/versions/1/publish', {})).json<QaSchemeVersionDetail>().status).toBe(
      'live',
    );
    const v2 = (
      await post('/api/v1/qa/schemes/bt-test/versions', { definition: scheme([greet, slang]) })
    ).json<QaSchemeVersionDetail>();
    expect([v2.version, v2.definition.version]).toEqual([2, 2]);

    const reply = await post('/api/v1/qa/backtests', {
      schemeCode: 'bt-test',
      version: 2,
      from: '2025-03-01',
      to: '2025-03-31',
    });
    expect(reply.statusCode).toBe(200);
    const bt = reply.json<QaBacktestResult>();
    // c1 clean 100 → 100; c2 no greeting + shirking 85 → 95; c3 slang 100 → 97; c4 no greeting + slang 95 → 92.
    expect(bt).toMatchObject({
      calls: 4,
      truncated: false,
      changedCalls: 3,
      baseline: { version: 1, status: 'live' },
      candidate: { version: 2, status: 'draft' },
    });
    expect(bt.rules).toEqual([
      {
        ruleCode: 'slang',
        ruleName: '口语',
        category: 'etiquette',
        baselineHits: 0,
        candidateHits: 2,
        change: 2,
        onlyIn: 'candidate',
      },
      {
        ruleCode: 'shirk',
        ruleName: '推诿',
        category: 'etiquette',
        baselineHits: 1,
        candidateHits: 0,
        change: -1,
        onlyIn: 'baseline',
      },
      {
        ruleCode: 'greet',
        ruleName: '未问候',
        category: 'etiquette',
        baselineHits: 2,
        candidateHits: 2,
        change: 0,
        onlyIn: null,
      },
    ]);
    expect(bt.scores.baseline).toEqual({ mean: 95, median: 97.5, min: 85, max: 100, belowPass: 0 });
    expect(bt.scores.candidate).toEqual({ mean: 96, median: 96, min: 92, max: 100, belowPass: 0 });
    expect(bt.scores.histogram.slice(8)).toEqual([
      { from: 80, to: 90, baseline: 1, candidate: 0 },
      { from: 90, to: 100, baseline: 3, candidate: 4 },
    ]);
    expect(bt.biggestChanges[0]).toEqual({ callId: calls.c2, baselineScore: 85, candidateScore: 95 });
    expect(
      (
        await post('/api/v1/qa/backtests', {
          schemeCode: 'bt-test',
          version: 2,
          from: '2025-03-01',
          to: '2025-03-31',
          maxCalls: 3,
        })
      ).json<QaBacktestResult>(),
    ).toMatchObject({ calls: 3, truncated: true });

    const published = (await post('/api/v1/qa/schemes/bt-test/versions/2/publish', {})).json<QaSchemeVersionDetail>();
    expect(published.status).toBe('live');
    const versions = (await get('/api/v1/qa/schemes'))
      .json<QaSchemesReply>()
      .items.find((s) => s.code === 'bt-test')?.versions;
    expect(versions?.map((v) => [v.version, v.status])).toEqual([
      [2, 'live'],
      [1, 'retired'],
    ]);
    const again = await post('/api/v1/qa/schemes/bt-test/versions/2/publish', {});
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'QA_SCHEME_STATE']);
  });
});

describe('trying a scheme', () => {
  const transcript = { turns: [{ speaker: 'agent', startMs: 0, endMs: 2000, text: '喂，搞啥' }] };

  it('runs unsaved JSON, or one rule of a stored version, on a transcript', async () => {
    const all = (await post('/api/v1/qa/try', { definition: scheme([greet, slang]), transcript })).json<QaTryResult>();
    expect(all.score).toBe(92);
    expect(all.hits.map((h) => [h.ruleCode, h.turnSeq, h.charStart, h.charEnd, h.matched])).toEqual([
      ['greet', null, null, null, null],
      ['slang', 1, 2, 4, '搞啥'],
    ]);
    const one = (
      await post('/api/v1/qa/try', { schemeCode: 'bt-test', version: 2, ruleCode: 'slang', transcript })
    ).json<QaTryResult>();
    expect([one.score, one.hits.map((h) => h.ruleCode)]).toEqual([97, ['slang']]);
    const stored = (await post('/api/v1/qa/try', { callId: calls.c2 })).json<QaTryResult>();
    expect(stored.scheme).toEqual({ code: 'default-95598', version: 1 });
    expect(stored.hits.map((h) => h.ruleCode)).toContain('forbidden.shirking');
  });

  it('fails bad JSON with the save-time errors, and is for scheme editors only', async () => {
    const bad = await post('/api/v1/qa/try', {
      definition: scheme([{ ...greet, when: { op: 'regex', pattern: '[' } }]),
      transcript,
    });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'QA_RULE_INVALID']);
    expect((await post('/api/v1/qa/try', { transcript }, agentSession)).statusCode).toBe(403);
  });
});

describe('rule comments from agents', () => {
  it('keeps comments and validated proposals on a rule', async () => {
    const url = '/api/v1/qa/schemes/default-95598/rules/etiquette.missing_closing/comments';
    const comment = await post(url, { kind: 'comment', body: '客户先挂机时不应扣分' }, agentSession);
    expect(comment.statusCode).toBe(201);
    const proposal = await post(
      url,
      {
        kind: 'proposal',
        body: '增加“祝您生活愉快”',
        proposedRule: { ...greet, id: 'etiquette.missing_closing', category: 'etiquette' },
      },
      agentSession,
    );
    expect(proposal.statusCode).toBe(201);
    const bad = await post(
      url,
      { kind: 'proposal', body: 'x', proposedRule: { ...greet, category: 'nope' } },
      agentSession,
    );
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'QA_RULE_INVALID']);
    const list = (await get(url)).json<{ items: QaRuleComment[] }>().items;
    expect(list.map((c) => [c.kind, c.body])).toEqual([
      ['comment', '客户先挂机时不应扣分'],
      ['proposal', '增加“祝您生活愉快”'],
    ]);
    expect(list[1]?.proposedRule).toMatchObject({ id: 'etiquette.missing_closing', points: -5 });
  });
});

describe('re-inspection after a scheme change', () => {
  it('refuses non-routine schemes and drafts, then re-inspects a period in the background with progress', async () => {
    const body = { schemeCode: 'default-95598', version: 1, from: '2025-03-01', to: '2025-03-31' };
    expect(
      (await post('/api/v1/qa/reinspections', { ...body, schemeCode: 'bt-test', version: 2 })).json().error.code,
    ).toBe('QA_SCHEME_STATE');
    const harsher = {
      ...DEFAULT_95598_SCHEME,
      rules: DEFAULT_95598_SCHEME.rules.map((r) => (r.id === 'forbidden.shirking' ? { ...r, points: -15 } : r)),
    };
    expect((await post('/api/v1/qa/schemes/default-95598/versions', { definition: harsher })).statusCode).toBe(201);
    expect((await post('/api/v1/qa/reinspections', { ...body, version: 2 })).json().error.code).toBe('QA_SCHEME_STATE');
    await post('/api/v1/qa/schemes/default-95598/versions/2/publish', {});
    expect((await post('/api/v1/qa/reinspections', { ...body, version: 2 }, agentSession)).statusCode).toBe(403);

    const before = (await get(`/api/v1/qa/calls/${calls.c2}`)).json<QaCallDetail>().result;
    const started = await post('/api/v1/qa/reinspections', { ...body, version: 2 });
    expect(started.statusCode).toBe(202);
    const job = started.json<QaReinspectionJob>();
    expect(job).toMatchObject({
      kind: 'reinspection',
      status: 'queued',
      scheme: { code: 'default-95598', version: 2 },
    });
    await runJobs(t.db, 3);
    expect((await get(`/api/v1/qa/reinspections/${job.jobId}`)).json<QaReinspectionJob>()).toMatchObject({
      status: 'done',
      done: 4,
      total: 4,
    });
    // Re-inspections are scheme work over the whole company: not for agents (qa:read only).
    for (const url of [`/api/v1/qa/reinspections/${job.jobId}`, '/api/v1/qa/reinspections']) {
      const refused = await get(url, agentSession);
      expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'AUTH_FORBIDDEN']);
    }
    expect((await get('/api/v1/qa/reinspections')).json<{ items: QaReinspectionJob[] }>().items[0]?.jobId).toBe(
      job.jobId,
    );
    const after = (await get(`/api/v1/qa/calls/${calls.c2}`)).json<QaCallDetail>();
    expect(after.result?.scheme).toEqual({ code: 'default-95598', version: 2 });
    expect(after.result?.machineScore).toBe((before?.machineScore ?? 0) - 10);
    expect(after.otherResults.map((r) => r.resultId)).toEqual([before?.resultId]);
  });

  it('runs from the command line with the live version', async () => {
    const lines: string[] = [];
    const job = await runQaReinspect(t.db, { from: '2025-03-04', to: '2025-03-05' }, (l) => lines.push(l), false);
    expect(job).toMatchObject({ status: 'done', done: 2, total: 2, scheme: { version: 2 } });
    expect(lines.at(-1)).toBe(`Job ${job.jobId} done: 2 of 2 calls re-inspected.`);
  });
});
