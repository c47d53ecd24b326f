import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/auth/demo-accounts.js';
import { launchBrowser, logIn, newPage, screenshot } from './support/browser.js';
import { ApiSession, type RunningServer, startServer } from './support/server.js';

// First start builds every portrait; a small world keeps that inside the hook's time.
const DEMO_CUSTOMERS = Number(process.env.GRIDCARE_E2E_DEMO_CUSTOMERS ?? 300);

interface Facet {
  key: string;
  count: number;
}
interface SegmentReply {
  total: number;
  facets: { tags: Facet[]; creditGrade: Facet[] };
}
interface Definitions {
  tags: Array<{ code: string; subject: string; name: { zh: string } }>;
}
interface Coverage {
  tags: Array<{ code: string; count: number }>;
}

/** A tag and a grade the agent's segment holds together, and how many customers that is. */
interface Pick {
  tag: { code: string; zh: string };
  grade: string;
  count: number;
}

let server: RunningServer;
let browser: Browser;
let agent: ApiSession;
let pick: Pick;
const pages: Page[] = [];

async function pageAs(username: string): Promise<Page> {
  const page = await newPage(browser);
  pages.push(page);
  await logIn(page, server.baseUrl, username, username === 'admin' ? server.adminPassword : DEMO_PASSWORD);
  return page;
}

/** The most held tag that is not held by everyone, and the most common grade among its holders. */
async function pickTagAndGrade(session: ApiSession): Promise<Pick> {
  const all = await session.get<SegmentReply>('/api/v1/segments/query?pageSize=1');
  const definitions = await session.get<Definitions>('/api/v1/portraits/definitions');
  const facet = all.facets.tags.find((f) => f.count < all.total && f.count >= 3);
  if (!facet) throw new Error(`no tag held by some but not all of ${all.total} customers`);
  const holders = await session.get<SegmentReply>(`/api/v1/segments/query?pageSize=1&tag=${facet.key}`);
  const grade = [...holders.facets.creditGrade].sort((a, b) => b.count - a.count)[0];
  if (!grade) throw new Error(`holders of ${facet.key} have no credit grade`);
  const zh = definitions.tags.find((t) => t.subject === 'customer' && t.code === facet.key)?.name.zh ?? facet.key;
  return { tag: { code: facet.key, zh }, grade: grade.key, count: grade.count };
}

describe('segments and the tag catalog in the web app (客群筛选, 标签目录)', () => {
  beforeAll(async () => {
    server = await startServer({ demoCustomers: DEMO_CUSTOMERS, startTimeoutMs: 280_000 });
    browser = await launchBrowser();
    agent = await ApiSession.login(server.baseUrl, 'agent', DEMO_PASSWORD);
    pick = await pickTagAndGrade(agent);
  });

  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser?.close();
    await server?.stop();
  });

  it('filters by a tag and a grade and shows the count, facets and customers', async () => {
    const page = await pageAs('agent');
    await page.getByTestId('side-menu').getByText('客群筛选').click();
    await page.waitForURL(/\/segments$/);
    await page.getByTestId('segment-filter').waitFor();

    const tagBox = page.getByTestId('segment-filter-tag');
    await tagBox.click();
    await tagBox.locator('input').fill(pick.tag.zh);
    await page.locator('.ant-select-dropdown:visible').getByText(pick.tag.zh, { exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('segment-filter-creditGrade').getByText(pick.grade, { exact: true }).click();
    await page.getByTestId('segment-search').click();

    await page.waitForURL((url) => url.searchParams.get('tag') === pick.tag.code);
    expect(new URL(page.url()).searchParams.getAll('creditGrade')).toEqual([pick.grade]);
    await expect.poll(() => page.getByTestId('segment-total').getAttribute('data-count')).toBe(String(pick.count));
    expect(await page.getByTestId('segment-total').textContent()).toContain(`${pick.count} 户`);
    await page.getByTestId('segment-facets').locator('canvas').first().waitFor();
    const rows = page.getByTestId('segment-table').locator('tr[data-row-key]');
    await expect.poll(() => rows.count()).toBe(Math.min(pick.count, 20));
    // Agents may not export (portrait:manage).
    expect(await page.getByTestId('segment-export').count()).toBe(0);
    await screenshot(page, 'segments-tag-and-grade');

    // A row opens the customer's 360 page.
    const customerNo = await rows.first().getAttribute('data-row-key');
    await rows.first().getByRole('link').click();
    await page.waitForURL(new RegExp(`/customers/${customerNo}$`));
    await page.getByTestId('customer-header').waitFor();
  });

  it('offers the CSV export of the same filter to a manager', async () => {
    const page = await pageAs('admin');
    await page.goto(`${server.baseUrl}/segments?tag=${pick.tag.code}&creditGrade=${pick.grade}`);
    const button = page.getByTestId('segment-export');
    // The button stays disabled (no href) until the segment's count has arrived.
    await expect.poll(() => button.getAttribute('href')).toMatch(/export\.csv/);
    const href = new URL((await button.getAttribute('href')) ?? '', server.baseUrl);
    expect(href.pathname).toBe('/api/v1/segments/export.csv');
    expect(href.searchParams.get('tag')).toBe(pick.tag.code);
    expect(href.searchParams.get('creditGrade')).toBe(pick.grade);
  });

  it('lists every tag in the catalog with its coverage and expands one to its spread over org units', async () => {
    const page = await pageAs('agent');
    await page.getByTestId('side-menu').getByText('标签目录').click();
    await page.waitForURL(/\/tag-catalog$/);
    const coverage = await agent.get<Coverage>('/api/v1/portraits/tags/coverage');
    const cell = page.getByTestId(`catalog-coverage-${pick.tag.code}`);
    await expect
      .poll(() => cell.getAttribute('data-count'))
      .toBe(String(coverage.tags.find((t) => t.code === pick.tag.code)?.count));
    const catalog = page.getByTestId('tag-catalog');
    expect(await catalog.locator('tr[data-row-key]').count()).toBe(coverage.tags.length);
    // The condition reads as feature names with thresholds.
    const row = catalog.locator(`tr[data-row-key="${pick.tag.code}"]`);
    expect(await row.getByTestId('condition-leaf').count()).toBeGreaterThan(0);
    expect(await row.textContent()).toMatch(/[≥≤=<>]/);

    await row.locator('.ant-table-row-expand-icon').click();
    const distribution = page.getByTestId(`catalog-distribution-${pick.tag.code}`);
    await distribution.locator('canvas').waitFor();
    await screenshot(page, 'tag-catalog-expanded');
  });
});
