import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  QaAppeal,
  QaCallDetail,
  QaChainFindingsReply,
  QaHit,
  QaResultsReply,
  QaSchemesReply,
  QaTopic,
} from '../../src/api/contract.js';
import { DEMO_PASSWORD } from '../../src/auth/demo-accounts.js';
import { demoPeriod, findAppealableCall, findFlaggedMarkedCall, type MarkedCall } from './qa-fixtures.js';
import { launchBrowser, logIn, newPage, screenshot } from './support/browser.js';
import { ApiSession, type RunningServer, startServer } from './support/server.js';

// Calls come with the demo world (~1.1 per customer) and are inspected at start-up; 150
// customers give the demo agent account (linked to an agent who takes calls) a few dozen.
const DEMO_CUSTOMERS = Number(process.env.GRIDCARE_E2E_DEMO_CUSTOMERS ?? 150);

let server: RunningServer;
let browser: Browser;
let qaApi: ApiSession;
let agentApi: ApiSession;
let agentCall: { callId: string; hit: QaHit; finalScore: number };
let flaggedCall: MarkedCall;
const pages: Page[] = [];

async function openAs(username: string): Promise<Page> {
  const page = await newPage(browser);
  pages.push(page);
  await logIn(page, server.baseUrl, username, DEMO_PASSWORD);
  return page;
}

const callDetail = (api: ApiSession, callId: string) =>
  api.get<QaCallDetail>(`/api/v1/qa/calls/${encodeURIComponent(callId)}`);

describe('quality inspection in the browser (智能质检)', () => {
  beforeAll(async () => {
    server = await startServer({ demoCustomers: DEMO_CUSTOMERS });
    browser = await launchBrowser();
    qaApi = await ApiSession.login(server.baseUrl, 'qa', DEMO_PASSWORD);
    agentApi = await ApiSession.login(server.baseUrl, 'agent', DEMO_PASSWORD);
    agentCall = await findAppealableCall(agentApi);
    flaggedCall = await findFlaggedMarkedCall(qaApi, agentCall.callId);
  });

  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser?.close();
    await server?.stop();
  });

  it('inspects a flagged call: queue, highlighted hits with their why, manual review', async () => {
    const page = await openAs('qa');
    await page.getByTestId('side-menu').getByText('质检工作台').click();
    await page.waitForURL(/\/qa$/);
    const link = page
      .getByTestId('qa-queue-table')
      .locator(`a[href="/qa/calls/${encodeURIComponent(flaggedCall.callId)}"]`);
    await link.click();
    await page.getByTestId('qa-transcript').waitFor();

    // The hit is marked in its turn, on exactly the characters the engine reported.
    const { hit, spanText } = flaggedCall;
    const marks = page.locator(
      `[data-testid="qa-turn"][data-seq="${hit.turnSeq}"] mark[data-rules~="${hit.ruleCode}"]`,
    );
    await expect.poll(() => marks.count()).toBeGreaterThan(0);
    // Marks are cut where hits overlap; together they cover the reported span.
    expect((await marks.allTextContents()).join('')).toContain(spanText);

    // The side panel names the rule and says why; choosing it selects its mark.
    const item = page.locator(`[data-testid="qa-hit"][data-rule="${hit.ruleCode}"]`);
    expect(await item.textContent()).toContain(hit.ruleName);
    expect(await item.textContent()).toContain(hit.expression);
    if (hit.actual) expect(await item.getByTestId('qa-hit-why').textContent()).toContain(hit.actual);
    const selectedMark = page.locator(`mark[data-hit="${hit.hitId}"][data-selected="true"]`);
    expect(await selectedMark.count()).toBe(0);
    await item.click();
    await expect.poll(() => selectedMark.count()).toBeGreaterThan(0);
    await screenshot(page, 'qa-01-call');

    const comment = `e2e 复核 ${Date.now()}：确认机检扣分`;
    await page.getByTestId('qa-review-form').locator('textarea').fill(comment);
    await page.getByTestId('qa-review-submit').click();
    await expect.poll(() => page.getByTestId('qa-reviews').textContent()).toContain(comment);
    const after = await callDetail(qaApi, flaggedCall.callId);
    expect(after.reviews.map((r) => r.comment)).toContain(comment);
  });

  it('lets the agent appeal a deduction of their own call, and a second inspector reverses it', async () => {
    const agent = await openAs('agent');
    await agent.goto(`${server.baseUrl}/qa/calls/${encodeURIComponent(agentCall.callId)}`);
    const item = agent.locator(`[data-testid="qa-hit"][data-rule="${agentCall.hit.ruleCode}"]`);
    await item.getByTestId('qa-appeal-button').click();
    const reason = `e2e 申诉 ${Date.now()}：该处已按规范处理`;
    await agent.getByTestId('qa-appeal-reason').fill(reason);
    await agent.getByTestId('qa-appeal-dialog').locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => item.getByTestId('qa-appeal-status').getAttribute('data-status')).toBe('pending');
    await expect.poll(() => agent.getByTestId('qa-appeal-history').textContent()).toContain(reason);
    await screenshot(agent, 'qa-02-appeal');

    const inspector = await openAs('qa');
    await inspector.getByTestId('side-menu').getByText('复核').click();
    const row = inspector.getByTestId('qa-appeals-table').locator('tr.ant-table-row', { hasText: reason });
    await row.getByTestId('qa-decide-button').click();
    const dialog = inspector.getByTestId('qa-decision-dialog');
    await dialog.getByText('撤销扣分（恢复分数）').click();
    await inspector.getByTestId('qa-decision-note').fill('e2e 复核：转写显示已按规范处理，撤销扣分');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => row.count()).toBe(0);

    const detail = await callDetail(agentApi, agentCall.callId);
    const appeal = detail.appeals.find((a) => a.hitId === agentCall.hit.hitId) as QaAppeal;
    expect(appeal.status).toBe('reversed');
    expect(appeal.history.map((e) => e.kind)).toEqual(['filed', 'reversed']);
    expect(detail.result?.finalScore).toBeGreaterThan(agentCall.finalScore);
  });

  it('edits a rule: a bad regex is refused at save, a good one saves a draft and try-it shows the hit', async () => {
    const { items } = await qaApi.get<QaSchemesReply>('/api/v1/qa/schemes');
    const routine = items.find((s) => s.routine);
    const page = await openAs('qa');
    await page.getByTestId('side-menu').getByText('质检方案').click();
    await page.getByTestId('qa-version-link').getByText(`v${routine?.liveVersion}`, { exact: true }).click();
    await page.getByTestId('qa-scheme-editor').waitFor();

    await page.getByTestId('qa-add-rule').click();
    await page.getByTestId('qa-rule-editor').getByRole('tab', { name: 'JSON' }).click();
    const rule = (pattern: string) =>
      JSON.stringify({
        id: 'e2e.other_hotline',
        name: '让客户另拨其他号码',
        description: '坐席让客户自行拨打其他号码，而不是按首问负责制受理。',
        category: 'process',
        points: -2,
        when: { op: 'regex', pattern, speaker: 'agent' },
      });
    const json = page.getByTestId('qa-rule-json');
    await json.fill(rule('拨打(\\d{5,}'));
    await page.getByTestId('qa-save-draft').click();
    const error = page.getByTestId('qa-save-error');
    await expect.poll(() => error.textContent()).toContain('invalid regular expression');
    expect(await error.textContent()).toContain('e2e.other_hotline');
    expect(page.url()).toMatch(new RegExp(`/versions/${routine?.liveVersion}$`));
    await screenshot(page, 'qa-03-rule-invalid');

    await json.fill(rule('拨打\\d{5,}'));
    await page.getByTestId('qa-save-draft').click();
    await page.waitForURL((url) => !url.pathname.endsWith(`/versions/${routine?.liveVersion}`));
    await expect.poll(() => page.getByTestId('qa-scheme-status').getAttribute('data-status')).toBe('draft');

    await page.getByTestId('qa-rule-table').getByText('e2e.other_hotline').click();
    // A rule scoped to phone calls says so in the list.
    const slowSpeech = page.locator('[data-testid="qa-rule-row"][data-rule="etiquette.speech_too_slow"]');
    await expect.poll(() => slowSpeech.getByTestId('qa-rule-channels').textContent()).toBe('仅95598电话');
    await page
      .getByTestId('qa-try-text')
      .fill('坐席：您好，工号3021。\n客户：我家电表坏了。\n坐席：这个您拨打12398问一下吧。');
    await page.getByTestId('qa-try-run').click();
    const tried = page.getByTestId('qa-try-result');
    await tried.locator('[data-testid="qa-hit"][data-rule="e2e.other_hotline"]').waitFor();
    const tryMarks = tried.locator('mark[data-rules~="e2e.other_hotline"]');
    expect((await tryMarks.allTextContents()).join('')).toBe('拨打12398');
    await screenshot(page, 'qa-04-rule-try');
  });

  it('runs a special topic over the demo period and lists its results tagged with the topic', async () => {
    const period = await demoPeriod(qaApi);
    const page = await openAs('qa');
    await page.getByTestId('side-menu').getByText('专题质检').click();
    await page.waitForURL(/\/qa\/topics$/);
    await page.getByTestId('qa-topic-create').click();
    const form = page.getByTestId('qa-topic-form');
    const name = `e2e 专题 ${Date.now()}`;
    await page.getByTestId('qa-topic-name').fill(name);
    // The routine scheme's live version is preselected; the period is typed into the range picker.
    const dates = form.locator('.ant-picker-range input');
    await dates.nth(0).click();
    await dates.nth(0).fill(period.from);
    await dates.nth(0).press('Enter');
    await dates.nth(1).fill(period.to);
    await dates.nth(1).press('Enter');
    // The range commits when its popup closes; a click on OK before that submits no period.
    await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
    await expect.poll(() => dates.nth(1).inputValue()).toBe(period.to);
    // The live version fills the version field even when the schemes arrive after the form opened.
    await expect.poll(() => form.textContent()).toContain('生效中');
    await form.locator('.ant-modal-footer .ant-btn-primary').click();
    // The page moves to the new topic by a history push (same document), so poll the address.
    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(/\/qa\/topics\?topic=\d+$/);

    const topicId = Number(new URL(page.url()).searchParams.get('topic'));
    const row = page.getByTestId('qa-topics-table').locator('tr.ant-table-row', { hasText: name });
    // The page looks again while the job runs, until it is done.
    await expect.poll(() => row.getByTestId('qa-job').getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    const topic = await qaApi.get<QaTopic>(`/api/v1/qa/topics/${topicId}`);
    expect(topic).toMatchObject({ name, from: period.from, to: period.to, scheme: { version: 1 } });
    // No filter: every inspected call of the period in the inspector's (company) scope.
    const routine = await qaApi.get<QaResultsReply>(
      `/api/v1/qa/results?from=${period.from}&to=${period.to}&pageSize=1`,
    );
    expect(topic.summary.results).toBeGreaterThan(0);
    expect(topic.summary.results).toBe(routine.total);
    expect(await row.getByTestId('qa-job').getAttribute('data-done')).toBe(String(topic.summary.results));
    expect(await row.getByTestId('qa-topic-summary').getAttribute('data-results')).toBe(String(topic.summary.results));

    const results = page.getByTestId('qa-topic-results');
    await expect.poll(() => results.getByTestId('qa-topic-tag').count()).toBeGreaterThan(0);
    expect(await results.locator('tr.ant-table-row').count()).toBe(await results.getByTestId('qa-topic-tag').count());
    expect(await results.getByTestId('qa-topic-tag').first().textContent()).toBe(name);
    const first = await qaApi.get<QaResultsReply>(`/api/v1/qa/results?topic=${topicId}&pageSize=1`);
    const firstResult = first.items[0];
    expect(firstResult?.topicId).toBe(topicId);
    const link = results.getByTestId('qa-call-link').first();
    expect(await link.getAttribute('href')).toBe(
      `/qa/calls/${encodeURIComponent(firstResult?.callId ?? '')}?resultId=${firstResult?.resultId}`,
    );
    await screenshot(page, 'qa-05-topic');
  });

  it('shows full-chain findings with their evidence and opens the case chain', async () => {
    const period = await demoPeriod(qaApi);
    const expected = await qaApi.get<QaChainFindingsReply>(
      `/api/v1/qa/chain-findings?from=${period.from}&to=${period.to}&page=1&pageSize=20`,
    );
    const page = await openAs('qa');
    await page.getByTestId('side-menu').getByText('全链路质检').click();
    await page.waitForURL(/\/qa\/chain$/);
    await page.goto(`${server.baseUrl}/qa/chain?from=${period.from}&to=${period.to}`);
    const table = page.getByTestId('qa-chain-table');
    const finding = expected.items[0];
    if (!finding) {
      // A world too small for any finding shows the empty state, not an error.
      await expect.poll(() => table.textContent()).toContain('所选期间没有发现全链路质检问题');
      return;
    }
    const rows = table.locator('tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(expected.items.length);
    const firstRow = rows.first();
    expect(await firstRow.getByTestId('qa-chain-rule').getAttribute('data-rule')).toBe(finding.ruleCode);
    expect(await firstRow.getByTestId('qa-chain-explanation').textContent()).toBe(finding.explanation);
    const evidence = firstRow.getByTestId('qa-chain-evidence').locator('li');
    expect(await evidence.count()).toBe(finding.evidence.length);
    expect(finding.evidence.length).toBeGreaterThan(0);
    for (const [i, item] of finding.evidence.entries()) {
      expect(await evidence.nth(i).getAttribute('data-kind')).toBe(item.kind);
      expect(await evidence.nth(i).textContent()).toContain(item.text);
    }
    await screenshot(page, 'qa-06-chain');

    await firstRow.getByTestId('qa-chain-case-link').click();
    await page.waitForURL(new RegExp(`/cases/${encodeURIComponent(finding.caseId)}$`));
    await expect.poll(() => page.getByTestId('case-header').textContent()).toContain(finding.caseId);
    expect(await page.locator('main').textContent()).toContain(finding.orderNo);
  });
});
