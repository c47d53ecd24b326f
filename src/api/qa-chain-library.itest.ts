import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomer, uid } from '../../test/support/api-world.js';
import { type ManualQaWorld, openManualQaWorld } from '../../test/support/qa-manual-world.js';
import type { QaCaseLibraryEntry, QaCaseLibraryReply, QaChainFinding, QaChainFindingsReply } from './qa-contract.js';

let w: ManualQaWorld;
beforeAll(async () => {
  w = await openManualQaWorld();
});
afterAll(async () => {
  await w.close();
});

describe('work-order full-chain QA', () => {
  it('finds an order closed without contacting the customer, a reply contradicting the field, a missed deadline', async () => {
    const customer = await insertCustomer(w.t.db);
    const caseId = uid('K');
    const [bad, good] = [uid('W'), uid('W')];
    await w.t.db.query(
      `INSERT INTO work_order (order_no, customer_id, case_id, order_type, topic_code, status, channel, created_at, sla_deadline, closed_at) VALUES
        ($1, $3, $4, 'repair', 'outage', 'closed', 'phone_95598', '2026-04-10T00:00:00Z', '2026-04-10T04:45:00Z', '2026-04-10T12:00:00Z'),
        ($2, $3, $4, 'complaint', 'service_attitude', 'closed', 'phone_95598', '2026-04-10T00:00:00Z', '2026-04-17T00:00:00Z', '2026-04-12T00:00:00Z')`,
      [bad, good, customer.customerId, caseId],
    );
    await w.t.db.query(
      `INSERT INTO work_order_status (order_no, seq, status, at, note) VALUES
        ($1, 1, 'accepted', '2026-04-10T00:00:00Z', NULL), ($1, 2, 'dispatched', '2026-04-10T00:10:00Z', NULL),
        ($1, 3, 'arrived', '2026-04-10T01:00:00Z', '变压器烧毁，需更换，暂未修复'), ($1, 4, 'handled', '2026-04-10T07:15:00Z', NULL),
        ($1, 5, 'closed', '2026-04-10T12:00:00Z', '已修复，已告知客户'),
        ($2, 1, 'accepted', '2026-04-10T00:00:00Z', NULL), ($2, 2, 'handled', '2026-04-11T00:00:00Z', NULL),
        ($2, 3, 'callback', '2026-04-11T08:00:00Z', '客户满意'), ($2, 4, 'closed', '2026-04-12T00:00:00Z', NULL)`,
      [bad, good],
    );
    const reply = await w.get(`/api/v1/qa/cases/${caseId}/findings`);
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
      await w.app.inject({
        method: 'GET',
        url: `/api/v1/qa/cases/${caseId}/findings`,
        headers: { cookie: w.inspector, 'accept-language': 'en-GB,en;q=0.9' },
      })
    ).json<{ items: QaChainFinding[] }>().items;
    expect(english.find((f) => f.ruleCode === 'chain.sla_missed')).toMatchObject({
      ruleName: 'Deadline missed',
      explanation: 'Deadline 2026-04-10 12:45, handled at 2026-04-10 15:15: 2.5 h late',
    });

    const list = (
      await w.get('/api/v1/qa/chain-findings?from=2026-04-10&to=2026-04-10&rule=chain.sla_missed')
    ).json<QaChainFindingsReply>();
    expect(list.items.map((f) => f.orderNo)).toEqual([bad]);
    const listed = (
      await w.get('/api/v1/qa/chain-findings?from=2026-04-10&to=2026-04-10&rule=chain.sla_missed&lang=en')
    ).json<QaChainFindingsReply>();
    expect(listed.items[0]?.evidence.map((e) => e.text)).toEqual(['Deadline (Repair order)', 'Handled']);
    expect((await w.get(`/api/v1/qa/cases/${caseId}/findings`, w.otherCounty)).json().error.code).toBe(
      'AUTH_OUT_OF_SCOPE',
    );
    expect(
      (
        await w.get('/api/v1/qa/chain-findings?from=2026-04-10&to=2026-04-10', w.otherCounty)
      ).json<QaChainFindingsReply>().total,
    ).toBe(0);
    // An agent sees chains of cases they took a call of: none here.
    expect((await w.get(`/api/v1/qa/cases/${caseId}/findings`, w.newAgentSession)).statusCode).toBe(404);
  });

  it('lets an order handled within 5 minutes of its deadline pass, and counts a short overrun in minutes', async () => {
    const customer = await insertCustomer(w.t.db);
    const caseId = uid('K');
    const [onTime, late] = [uid('W'), uid('W')];
    await w.t.db.query(
      `INSERT INTO work_order (order_no, customer_id, case_id, order_type, topic_code, status, channel, created_at, sla_deadline, closed_at) VALUES
        ($1, $3, $4, 'opinion', 'fee', 'closed', 'phone_95598', '2026-04-11T00:00:00Z', '2026-04-11T10:00:00Z', '2026-04-11T10:00:25Z'),
        ($2, $3, $4, 'opinion', 'fee', 'closed', 'phone_95598', '2026-04-11T00:00:00Z', '2026-04-11T10:00:00Z', '2026-04-11T10:33:17Z')`,
      [onTime, late, customer.customerId, caseId],
    );
    await w.t.db.query(
      `INSERT INTO work_order_status (order_no, seq, status, at, note) VALUES
        ($1, 1, 'callback', '2026-04-11T09:00:00Z', NULL), ($1, 2, 'closed', '2026-04-11T10:00:25Z', NULL),
        ($2, 1, 'callback', '2026-04-11T09:00:00Z', NULL), ($2, 2, 'closed', '2026-04-11T10:33:17Z', NULL)`,
      [onTime, late],
    );
    const findings = (await w.get(`/api/v1/qa/cases/${caseId}/findings`)).json<{ items: QaChainFinding[] }>().items;
    expect(findings.map((f) => [f.orderNo, f.ruleCode, f.explanation])).toEqual([
      [late, 'chain.sla_missed', '办理时限 2026-04-11 18:00，办结于 2026-04-11 18:33，超时 33 分钟'],
    ]);
  });
});

describe('case library', () => {
  it('adds, finds, edits and removes typical and excellent calls; agents read their own', async () => {
    const added = await w.post('/api/v1/qa/case-library', {
      callId: w.c.c3,
      kind: 'excellent',
      title: '愤怒客户一句话安抚',
      tags: ['情绪安抚', '投诉预防'],
      teachingNote: '先致歉，再复述诉求',
    });
    expect(added.statusCode).toBe(201);
    const entry = added.json<QaCaseLibraryEntry>();
    expect(entry).toMatchObject({
      kind: 'excellent',
      agent: { employeeNo: w.veteran.employeeNo },
      tags: ['情绪安抚', '投诉预防'],
    });
    const search = async (query: string, cookie = w.inspector) =>
      (await w.get(`/api/v1/qa/case-library?${query}`, cookie)).json<QaCaseLibraryReply>().items.map((e) => e.entryId);
    expect(await search(`q=${encodeURIComponent('复述')}`)).toEqual([entry.entryId]);
    expect(await search(`tag=${encodeURIComponent('投诉预防')}`)).toEqual([entry.entryId]);
    expect(await search('kind=typical')).toEqual([]);
    expect(await search('', w.veteranSession)).toEqual([entry.entryId]);
    expect(await search('', w.newAgentSession)).toEqual([]);
    expect(await search('', w.otherCounty)).toEqual([]);
    expect(
      (
        await w.post(
          '/api/v1/qa/case-library',
          { callId: w.c.c1, kind: 'typical', title: 'x', tags: [], teachingNote: '' },
          w.veteranSession,
        )
      ).statusCode,
    ).toBe(403);

    const put = await w.app.inject({
      method: 'PUT',
      url: `/api/v1/qa/case-library/${entry.entryId}`,
      headers: { cookie: w.inspector },
      payload: { kind: 'typical', title: '典型：先致歉', tags: ['情绪安抚'], teachingNote: '改' },
    });
    expect(put.json<QaCaseLibraryEntry>()).toMatchObject({
      kind: 'typical',
      title: '典型：先致歉',
      tags: ['情绪安抚'],
    });
    const del = await w.app.inject({
      method: 'DELETE',
      url: `/api/v1/qa/case-library/${entry.entryId}`,
      headers: { cookie: w.inspector },
    });
    expect(del.statusCode).toBe(204);
    expect((await w.get(`/api/v1/qa/case-library/${entry.entryId}`)).statusCode).toBe(404);
  });
});
