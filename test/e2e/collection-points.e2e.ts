import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/auth/demo-accounts.js';
import type { VocabularyEntry } from './fixtures.js';
import { launchBrowser, logIn, newPage, screenshot } from './support/browser.js';
import { ApiSession, type RunningServer, startServer } from './support/server.js';

// The page needs no customers, only the demo accounts; the smallest world starts fastest.
const DEMO_CUSTOMERS = Number(process.env.GRIDCARE_E2E_DEMO_CUSTOMERS ?? 100);
const TRACE_TYPE = 'website_visit';

interface CollectionPoint {
  traceType: string;
  minIntervalMinutes: number;
}

let server: RunningServer;
let browser: Browser;
let admin: ApiSession;
let traceTypes: (VocabularyEntry & { direction?: string })[];
const pages: Page[] = [];

async function pointOf(traceType: string): Promise<CollectionPoint | undefined> {
  const { items } = await admin.get<{ items: CollectionPoint[] }>('/api/v1/collection-points');
  return items.find((p) => p.traceType === traceType);
}

async function openCollectionPoints(username: string, password: string): Promise<Page> {
  const page = await newPage(browser);
  pages.push(page);
  await logIn(page, server.baseUrl, username, password);
  await page.getByTestId('side-menu').getByText('采集点配置').click();
  await page.waitForURL(/\/collection-points$/);
  await row(page, TRACE_TYPE).waitFor();
  return page;
}

const row = (page: Page, traceType: string) =>
  page.getByTestId('collection-table').locator(`tr[data-row-key="${traceType}"]`);

describe('collection points page (采集点配置)', () => {
  beforeAll(async () => {
    server = await startServer({ demoCustomers: DEMO_CUSTOMERS });
    browser = await launchBrowser();
    admin = await ApiSession.login(server.baseUrl, 'admin', server.adminPassword);
    ({ traceTypes } = await admin.get<{ traceTypes: typeof traceTypes }>('/api/v1/vocabulary'));
  });

  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser?.close();
    await server?.stop();
  });

  it('lets the admin change website_visit to one trace per customer every 30 minutes', async () => {
    const page = await openCollectionPoints('admin', server.adminPassword);
    const table = page.getByTestId('collection-table');
    // Every trace type is listed, with or without a collection point.
    await expect.poll(() => table.locator('tr[data-row-key]').count()).toBe(traceTypes.length);
    // The direction filter narrows the table to that direction's types.
    await page.getByTestId('collection-direction').getByText('主动触达').click();
    const outbound = traceTypes.filter((t) => t.direction === 'outbound').length;
    await expect.poll(() => table.locator('tr[data-row-key]').count()).toBe(outbound);
    await page.getByTestId('collection-direction').getByText('全部').click();
    await expect.poll(() => table.locator('tr[data-row-key]').count()).toBe(traceTypes.length);

    const label = traceTypes.find((t) => t.code === TRACE_TYPE)?.zh ?? TRACE_TYPE;
    await expect.poll(() => row(page, TRACE_TYPE).textContent()).toContain(label);

    await page.getByTestId(`collection-edit-${TRACE_TYPE}`).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const ok = dialog.locator('.ant-modal-footer .ant-btn-primary');

    // Listed detail without attributes is refused in the form, before any request.
    await dialog.getByRole('radio', { name: '仅保留所列属性' }).check();
    await ok.click();
    await dialog.getByText('“仅保留所列属性”至少需要一个属性').waitFor();
    await dialog.getByRole('radio', { name: '全部属性' }).check();

    await dialog.getByRole('spinbutton').fill('30');
    await screenshot(page, 'collection-points-edit', false);

    // A refusal the form cannot foresee is shown in the dialog from the API's error envelope.
    const refusal = 'Collection point website_visit: refused for the test';
    const putUrl = `**/api/v1/collection-points/${TRACE_TYPE}`;
    await page.route(putUrl, (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'CONFLICT_FOR_TEST', message: refusal } }),
      }),
    );
    await ok.click();
    await expect.poll(() => page.getByTestId('collection-point-error').textContent()).toContain(refusal);
    await page.unroute(putUrl);

    await ok.click();
    await dialog.waitFor({ state: 'hidden' });

    await expect.poll(() => row(page, TRACE_TYPE).textContent()).toContain('每客户每30分钟一条');
    expect((await pointOf(TRACE_TYPE))?.minIntervalMinutes).toBe(30);
    await screenshot(page, 'collection-points-admin');
  });

  it('shows the agent the same table, read only', async () => {
    const page = await openCollectionPoints('agent', DEMO_PASSWORD);
    await page.getByTestId('collection-read-only').waitFor();
    const minutes = (await pointOf(TRACE_TYPE))?.minIntervalMinutes ?? 0;
    await expect.poll(() => row(page, TRACE_TYPE).textContent()).toContain(`每客户每${minutes}分钟一条`);
    expect(await page.locator('[data-testid^="collection-edit-"]').count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: '操作' }).count()).toBe(0);
    await screenshot(page, 'collection-points-agent');
  });
});
