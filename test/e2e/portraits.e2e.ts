import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/auth/demo-accounts.js';
import {
  findPortraitCustomer,
  findPortraitEmployee,
  findThirdPartyCustomer,
  type PortraitCustomer,
} from './portrait-fixtures.js';
import { launchBrowser, logIn, newPage, screenshot } from './support/browser.js';
import { ApiSession, type RunningServer, startServer } from './support/server.js';

// First start builds every portrait (customer, employee, area) after loading the world; a
// small world keeps that inside the hook's time.
const DEMO_CUSTOMERS = Number(process.env.GRIDCARE_E2E_DEMO_CUSTOMERS ?? 300);

let server: RunningServer;
let browser: Browser;
let admin: ApiSession;
let customer: PortraitCustomer;
const pages: Page[] = [];

async function pageAs(username: string): Promise<Page> {
  const page = await newPage(browser);
  pages.push(page);
  const password = username === 'admin' ? server.adminPassword : DEMO_PASSWORD;
  await logIn(page, server.baseUrl, username, password);
  return page;
}

async function openCustomer(page: Page, customerNo: string): Promise<void> {
  await page.goto(`${server.baseUrl}/customers/${encodeURIComponent(customerNo)}`);
  await page.getByTestId('portrait-dimensions').waitFor();
}

describe('portraits in the web app (客户画像, 员工画像, 服务风险热区)', () => {
  beforeAll(async () => {
    server = await startServer({ demoCustomers: DEMO_CUSTOMERS, startTimeoutMs: 280_000 });
    browser = await launchBrowser();
    admin = await ApiSession.login(server.baseUrl, 'admin', server.adminPassword);
    customer = await findPortraitCustomer(admin);
  });

  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser?.close();
    await server?.stop();
  });

  it('shows the tags by dimension and, for a tag, the condition and the rows behind it', async () => {
    const page = await pageAs('agent');
    await openCustomer(page, customer.customerNo);
    const tag = page
      .getByTestId(`portrait-dimension-${customer.tag.dimension}`)
      .getByTestId(`portrait-tag-${customer.tag.code}`);
    expect(await tag.textContent()).toBe(customer.tag.name);
    // Strategies come in priority order: P1 before P2 and so on.
    const priorities = await page.getByTestId('portrait-strategy').locator('.ant-tag').allTextContents();
    expect(priorities.map((p) => Number(p.slice(1)))).toEqual(
      [...priorities.map((p) => Number(p.slice(1)))].sort((a, b) => a - b),
    );

    await tag.click();
    const why = page.getByTestId('why-content');
    await why.waitFor();
    expect(await why.getAttribute('data-element')).toBe(`tag:${customer.tag.code}`);
    expect(await page.getByTestId('why-verdict').textContent()).toMatch(/^持有“/);
    const leaves = page.getByTestId('why-leaf');
    expect(await leaves.count()).toBeGreaterThan(0);
    // The condition holds, so at least one leaf passed, and the leaf reads threshold and actual.
    expect(await page.locator('[data-testid="why-leaf"][data-passed="true"]').count()).toBeGreaterThan(0);
    expect(await leaves.first().textContent()).toMatch(/实际/);
    await page.getByTestId('why-row').first().waitFor();
    expect(await page.getByTestId('why-row').count()).toBeGreaterThan(0);
    await screenshot(page, 'portrait-why-tag', false);
  });

  it('answers why not for a tag the customer does not hold', async () => {
    const page = await pageAs('agent');
    await openCustomer(page, customer.customerNo);
    await page.getByTestId('why-not').getByText('为什么没有这些标签').click();
    await page.getByTestId('why-not-search').locator('input').fill(customer.missing.name);
    await page.getByTestId(`why-not-tag-${customer.missing.code}`).click();
    const why = page.getByTestId('why-content');
    await why.waitFor();
    expect(await why.getAttribute('data-element')).toBe(`tag:${customer.missing.code}`);
    expect(await page.getByTestId('why-verdict').textContent()).toMatch(/^未持有“/);
    // What failed is marked: at least one leaf did not pass.
    expect(await page.locator('[data-testid="why-leaf"][data-passed="false"]').count()).toBeGreaterThan(0);
  });

  it('shows the credit grade with its ledger chart and the fee risk class with its why', async () => {
    const page = await pageAs('admin');
    await openCustomer(page, customer.customerNo);
    await page.getByTestId('credit-ledger-chart').locator('canvas').first().waitFor();
    expect(await page.getByTestId('portrait-grade-credit_grade').getAttribute('data-grade')).toMatch(/^[A-E]$/);
    expect(await page.getByTestId('portrait-grade-fee_risk_class').getAttribute('data-grade')).toMatch(/^[123]$/);

    await page.getByTestId('portrait-grade-fee_risk_class').click();
    await page.getByTestId('why-grade').waitFor();
    // The grade's score is explained by its points table, each row with its condition.
    await page.getByTestId('why-points').waitFor();
    expect(await page.getByTestId('why-points').locator('tr.ant-table-row').count()).toBeGreaterThan(0);
    await screenshot(page, 'portrait-fee-risk-why', false);
  });

  it('lists the third-party credit records behind the grade, with who reported what', async () => {
    const held = await findThirdPartyCustomer(admin);
    const page = await pageAs('admin');
    await openCustomer(page, held.customerNo);
    const table = page.getByTestId('credit-third-party');
    await table.waitFor();
    const row = table.locator('tr.ant-table-row').first();
    expect(await row.textContent()).toContain(held.agency);
    expect(await row.textContent()).toContain(held.verdict === 'dishonest' ? '失信' : '守信');
    // The ledger's model table names the event the record counts as.
    expect(await page.getByTestId('credit-ledger').textContent()).toContain('第三方信用记录');
  });

  it('shows the consumption pattern: daily curve, months against the area peers, time-of-use split, each pattern with its why', async () => {
    const page = await pageAs('agent');
    await openCustomer(page, customer.customerNo);
    const panel = page.getByTestId('consumption-panel');
    await panel.waitFor();
    for (const chart of ['consumption-daily', 'consumption-monthly', 'consumption-tou'])
      await panel.getByTestId(chart).locator('canvas').first().waitFor();
    // The last day read, and (only when behind) how far the area has been read.
    expect(await panel.getByTestId('consumption-last-read').textContent()).toMatch(/^\d{4}-\d{2}-\d{2}/);
    // A pattern the profile holds shows the thresholds it was decided on.
    const consumption = await admin.get<{ profile: { patterns: { code: string }[] } | null }>(
      `/api/v1/customers/${encodeURIComponent(customer.customerNo)}/consumption`,
    );
    // (Hunan's seasons give nearly every demo home a summer or winter peak.)
    const pattern = consumption.profile?.patterns[0];
    expect(pattern).toBeDefined();
    await panel.getByTestId(`consumption-${pattern?.code}`).hover();
    await page.locator('.ant-tooltip').getByText(/实际/).first().waitFor();
    await screenshot(page, 'customer-consumption', false);
  });

  it('lets hall staff add a note to a tag, shown with the portrait', async () => {
    const page = await pageAs('hall');
    await openCustomer(page, customer.customerNo);
    await page.getByTestId(`portrait-tag-${customer.tag.code}`).first().click();
    await page.getByTestId('why-content').waitFor();
    const text = `e2e 核实 ${Date.now()}`;
    const form = page.getByTestId('why-content').getByTestId('portrait-note-form');
    await form.getByText('确认', { exact: true }).click();
    await form.getByTestId('note-text').fill(text);
    await form.getByTestId('note-submit').click();
    await page.getByTestId('why-content').getByText(text).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('portrait-notes').getByText(text).waitFor();
  });

  it('shows an employee portrait: radar of five aspects, star rating, statistic points', async () => {
    const employeeNo = await findPortraitEmployee(admin);
    const page = await pageAs('admin');
    await page.goto(`${server.baseUrl}/employees/${encodeURIComponent(employeeNo)}`);
    await page.getByTestId('employee-radar').locator('canvas').first().waitFor();
    const stars = page.getByTestId('employee-stars');
    expect(Number(await stars.getAttribute('data-stars'))).toBeGreaterThanOrEqual(1);
    expect(await stars.locator('.ant-rate-disabled').count()).toBe(1);
    // E1: at least 70 statistic points over the five aspects.
    expect(Number(await page.getByTestId('employee-points').getAttribute('data-count'))).toBeGreaterThanOrEqual(70);
    for (const aspect of ['personal', 'business', 'service', 'complaint', 'realtime'])
      await page.getByTestId(`employee-aspect-${aspect}`).waitFor();
    await page.getByTestId('employee-complaint-chart').locator('canvas').first().waitFor();
    await screenshot(page, 'portrait-employee');
  });

  it('shows the hot zones as a treemap and a ranking with reasons', async () => {
    const page = await pageAs('manager');
    await page.getByTestId('side-menu').getByText('服务风险热区').click();
    await page.waitForURL(/\/hot-zones$/);
    await page.getByTestId('hot-zone-treemap').locator('canvas').first().waitFor();
    const rows = page.getByTestId('hot-zone-table').locator('tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await page.getByTestId('hot-zone-reason').count()).toBeGreaterThan(0);
    await screenshot(page, 'portrait-hot-zones');

    // Narrowed to one area tag, every ranked area holds it.
    const before = await rows.count();
    const tagName = (await page.getByTestId('hot-zone-tag').first().textContent()) ?? '';
    await page.getByTestId('hot-zone-tag-filter').click();
    await page.keyboard.type(tagName);
    const narrowed = page.waitForResponse((r) => r.url().includes('/api/v1/hot-zones') && r.url().includes('tag='));
    await page.keyboard.press('Enter');
    await narrowed;
    await rows.first().waitFor();
    const after = await rows.count();
    expect(after).toBeLessThanOrEqual(before);
    for (let i = 0; i < after; i++)
      expect(await rows.nth(i).getByTestId('hot-zone-tag').allTextContents()).toContain(tagName);
  });

  it("opens an area's portrait from the ranking: risk radar, score with its reasons and why, points by dimension", async () => {
    const page = await pageAs('manager');
    await page.goto(`${server.baseUrl}/hot-zones`);
    const top = page.getByTestId('hot-zone-table').locator('tr.ant-table-row').first();
    await top.waitFor();
    const rankedScore = Number(await top.locator('.ant-progress').textContent());
    const rankedName = await top.getByTestId('hot-zone-link').textContent();
    await top.getByTestId('hot-zone-link').click();
    await page.waitForURL(/\/areas\/transformer_area\/TA\d+$/);
    await page.getByTestId('area-radar').locator('canvas').first().waitFor();
    expect(await page.getByTestId('area-name').textContent()).toBe(rankedName);
    const risk = page.getByTestId('area-risk');
    expect(Math.round(Number(await risk.getAttribute('data-score')))).toBe(rankedScore);
    // The top of the ranking scored points, and each fired row is shown with its points.
    expect(rankedScore).toBeGreaterThan(0);
    expect(await page.getByTestId('area-risk-reason').count()).toBeGreaterThan(0);
    for (const dimension of ['equipment', 'outage', 'demand', 'customer_mix', 'staff'])
      await page.getByTestId(`area-dimension-${dimension}`).waitFor();
    expect(Number(await page.getByTestId('area-points').getAttribute('data-count'))).toBeGreaterThan(20);
    await screenshot(page, 'portrait-area');

    await risk.locator('a').first().click();
    const why = page.getByTestId('why-content');
    await why.waitFor();
    expect(await why.getAttribute('data-element')).toBe('score:service_risk');
    expect(await page.getByTestId('why-leaf').count()).toBeGreaterThan(0);
    await screenshot(page, 'portrait-area-why', false);
  });

  it("opens a transformer area's portrait from its tile in the treemap", async () => {
    // A grid manager's treemap starts at the grid: every tile is one of its transformer areas.
    const page = await pageAs('grid');
    await page.goto(`${server.baseUrl}/hot-zones`);
    const treemap = page.getByTestId('hot-zone-treemap');
    await treemap.locator('canvas').first().waitFor();
    const box = await treemap.boundingBox();
    if (!box) throw new Error('the treemap has no box');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(/\/areas\/transformer_area\/TA\d+$/);
    await page.getByTestId('area-radar').locator('canvas').first().waitFor();
  });

  it("links a customer's transformer area to the area's portrait", async () => {
    const page = await pageAs('agent');
    await openCustomer(page, customer.customerNo);
    const link = page.getByTestId('customer-transformer_area-link');
    const name = await link.textContent();
    await link.click();
    await page.waitForURL(/\/areas\/transformer_area\//);
    await page.getByTestId('area-portrait').waitFor();
    expect(await page.getByTestId('area-name').textContent()).toBe(name);
  });
});
