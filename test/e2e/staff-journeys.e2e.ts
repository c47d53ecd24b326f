import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/auth/demo-accounts.js';
import {
  findCustomerOutside,
  findRichCustomer,
  type RichCustomer,
  type VocabularyEntry,
  vocabularyOf,
} from './fixtures.js';
import { launchBrowser, logIn, newPage, screenshot } from './support/browser.js';
import { ApiSession, type RunningServer, startServer } from './support/server.js';

// A small world keeps the first start short. It has one county (the demo plans one per ~4,000
// customers; 6,000 customers took ~3 min here) but two grids from ~500 customers (one per
// ~330), so the scope test uses the demo grid manager, whose scope is one grid: same rule,
// smaller unit.
const DEMO_CUSTOMERS = Number(process.env.GRIDCARE_E2E_DEMO_CUSTOMERS ?? 600);
const SCOPED_ACCOUNT = 'grid';

let server: RunningServer;
let browser: Browser;
let admin: ApiSession;
let rich: RichCustomer;
let channels: VocabularyEntry[];
let traceTypes: VocabularyEntry[];
const pages: Page[] = [];

async function adminPage(): Promise<Page> {
  const page = await newPage(browser);
  pages.push(page);
  await logIn(page, server.baseUrl, 'admin', server.adminPassword);
  return page;
}

const channelLabel = (code: string, language: 'zh' | 'en') => channels.find((c) => c.code === code)?.[language] ?? code;

async function searchCustomer(page: Page, q: string): Promise<void> {
  const box = page.getByTestId('customer-search').locator('input');
  await box.fill(q);
  await box.press('Enter');
}

async function openCustomer(page: Page, customerNo: string): Promise<void> {
  await searchCustomer(page, customerNo);
  await page.getByTestId('customer-table').getByRole('link', { name: customerNo, exact: true }).click();
  await page.getByTestId('customer-header').waitFor();
}

describe('the web app, driven in Chromium', () => {
  beforeAll(async () => {
    server = await startServer({ demoCustomers: DEMO_CUSTOMERS });
    browser = await launchBrowser();
    admin = await ApiSession.login(server.baseUrl, 'admin', server.adminPassword);
    rich = await findRichCustomer(admin);
    ({ channels, traceTypes } = await vocabularyOf(admin));
  });

  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser?.close();
    await server?.stop();
  });

  it('reports a wrong password on the login page', async () => {
    const page = await newPage(browser);
    pages.push(page);
    await page.goto(`${server.baseUrl}/customers`);
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toBeTruthy();
    await screenshot(page, '01-login-error');
  });

  it('tells the user how long to wait once the login is locked', async () => {
    const page = await newPage(browser);
    pages.push(page);
    await page.goto(`${server.baseUrl}/login`);
    // A username of its own, so the lock cannot touch the accounts the other tests use.
    await page.getByTestId('login-username').fill(`nobody-${Date.now()}`);
    await page.getByTestId('login-password').fill('wrong');
    for (let attempt = 0; attempt < 6; attempt++) {
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
      await page.getByTestId('login-submit').click();
      await answered;
    }
    await expect.poll(() => page.getByTestId('login-error').textContent()).toMatch(/请 \d+ 分钟后再试/);
    await screenshot(page, '01b-login-rate-limited');
  });

  it('logs in as admin and shows who is logged in', async () => {
    const page = await adminPage();
    expect(await page.getByTestId('user-name').textContent()).toBeTruthy();
    expect(await page.getByTestId('user-role').textContent()).toBe('系统管理员');
    expect(page.url()).toMatch(/\/customers$/);
    await page.getByTestId('customer-table').locator('tr.ant-table-row').first().waitFor();
    await screenshot(page, '02-customer-search');
  });

  it('finds a customer by number and opens the 360 view with header, chart and timeline', async () => {
    const page = await adminPage();
    await openCustomer(page, rich.customerNo);
    expect(await page.getByTestId('customer-no').textContent()).toBe(rich.customerNo);
    // ECharts draws into a canvas once it has data and a size.
    await page.getByTestId('usage-chart').locator('canvas').first().waitFor();
    await page.getByTestId('timeline-item').first().waitFor();
    expect(await page.getByTestId('timeline-item').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('work-order-case-link').count()).toBeGreaterThan(0);
    await screenshot(page, '03-customer-360');
    const firstPage = await page.getByTestId('timeline-item').count();
    await page.getByTestId('timeline-more').click();
    await expect.poll(() => page.getByTestId('timeline-item').count()).toBeGreaterThan(firstPage);
  });

  it('filters the timeline by one channel', async () => {
    const page = await adminPage();
    await page.goto(`${server.baseUrl}/customers/${encodeURIComponent(rich.customerNo)}`);
    await page.getByTestId('timeline-item').first().waitFor();
    await page.getByTestId('timeline-channel-filter').locator('.ant-select').click();
    await page.locator(`.ant-select-item-option[title="${channelLabel(rich.channel, 'zh')}"]`).click();
    await page.keyboard.press('Escape');
    const channelsShown = () =>
      page
        .getByTestId('timeline-item')
        .evaluateAll((items) => [...new Set(items.map((i) => i.getAttribute('data-channel')))]);
    await expect.poll(channelsShown, { timeout: 15_000 }).toEqual([rich.channel]);
    await screenshot(page, '04-timeline-filtered');
  });

  it('opens a case chain with its steps, work order history and transcript', async () => {
    const page = await adminPage();
    await page.goto(`${server.baseUrl}/customers/${encodeURIComponent(rich.customerNo)}`);
    await page.getByTestId('work-order-table').getByRole('link', { name: rich.caseId, exact: true }).first().click();
    await page.waitForURL(new RegExp(`/cases/${encodeURIComponent(rich.caseId)}$`));
    await page.getByTestId('case-header').waitFor();
    expect(await page.getByTestId('case-steps').getByTestId('timeline-item').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('case-work-order').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('transcript-turn').count()).toBeGreaterThan(0);
    await screenshot(page, '05-case-chain');
  });

  it('unmasks the phone after asking for a reason, and the audit log records it', async () => {
    const page = await adminPage();
    await page.goto(`${server.baseUrl}/customers/${encodeURIComponent(rich.customerNo)}`);
    const phone = page.getByTestId('pii-phone');
    expect(await phone.textContent()).toContain('*');
    await page.getByTestId('unmask-button').click();
    await page.getByTestId('unmask-notice').waitFor();
    const reason = `e2e 核实身份 ${Date.now()}`;
    await page.getByTestId('unmask-reason').fill(reason);
    await screenshot(page, '06a-unmask-dialog', false);
    await page.locator('.ant-modal').getByRole('button', { name: '查看明文' }).click();
    await expect.poll(() => phone.textContent()).toMatch(/^\d{11}$/);
    const audit = await admin.get<{ items: { reason: string | null }[] }>(
      `/api/v1/audit?subjectType=customer&subjectId=${encodeURIComponent(rich.customerNo)}`,
    );
    expect(audit.items.map((item) => item.reason)).toContain(reason);
  });

  it('hides the unmask button from a role without the permission', async () => {
    const page = await newPage(browser);
    pages.push(page);
    await logIn(page, server.baseUrl, 'agent', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/customers/${encodeURIComponent(rich.customerNo)}`);
    await page.getByTestId('customer-header').waitFor();
    expect(await page.getByTestId('unmask-button').count()).toBe(0);
    expect(await page.getByTestId('pii-phone').textContent()).toContain('*');
  });

  it('opens an employee with profile, figures and timeline', async () => {
    const page = await adminPage();
    await page.getByTestId('side-menu').getByText('员工').click();
    await page.getByTestId('employee-table').getByRole('link').first().click();
    await page.getByTestId('employee-header').waitFor();
    await page.getByTestId('timeline-item').first().waitFor();
    await screenshot(page, '07a-employee');
  });

  it('switches to English and shows English labels and summaries', async () => {
    const page = await adminPage();
    await page.goto(`${server.baseUrl}/customers/${encodeURIComponent(rich.customerNo)}`);
    await page.getByTestId('timeline-item').first().waitFor();
    await page.getByTestId('language-switch').click();
    await page.getByTestId('side-menu').getByText('Customer search').waitFor();
    expect(await page.getByTestId('user-role').textContent()).toBe('Administrator');
    await page.getByText('Service traces', { exact: true }).waitFor();
    const firstChannel = await page.getByTestId('timeline-item').first().getAttribute('data-channel');
    await page
      .getByTestId('timeline-item')
      .first()
      .getByText(channelLabel(firstChannel ?? '', 'en'), { exact: true })
      .waitFor();
    // The timeline is fetched again with Accept-Language: en, so the server-built summary is English.
    const first = page.getByTestId('timeline-item').first();
    const type = (await first.getAttribute('data-type')) ?? '';
    const typeEn = traceTypes.find((t) => t.code === type)?.en ?? type;
    const summaryHead = async () => (await first.getByTestId('timeline-summary').textContent())?.split(' · ')[0];
    await expect.poll(summaryHead).toBe(typeEn);
    await screenshot(page, '06-customer-360-english');
  });

  it('keeps a grid-scoped account from finding a customer outside its grid', async () => {
    const scoped = await ApiSession.login(server.baseUrl, SCOPED_ACCOUNT, DEMO_PASSWORD);
    const me = await scoped.get<{ user: { orgUnit: { id: string } | null } }>('/api/v1/auth/me');
    const scopeId = me.user.orgUnit?.id;
    if (!scopeId) throw new Error(`${SCOPED_ACCOUNT} has no data scope`);
    const outsider = await findCustomerOutside(admin, scopeId);

    const page = await newPage(browser);
    pages.push(page);
    await logIn(page, server.baseUrl, SCOPED_ACCOUNT, DEMO_PASSWORD);
    await searchCustomer(page, outsider);
    await page.getByTestId('customer-table').locator('.ant-empty').waitFor();
    expect(await page.getByTestId('customer-table').getByRole('link', { name: outsider }).count()).toBe(0);
    await screenshot(page, '08-scoped-search-empty');

    // Typing the address directly is refused by the server, and the page says so.
    await page.goto(`${server.baseUrl}/customers/${encodeURIComponent(outsider)}`);
    await page.locator('.ant-result-403').waitFor();
    expect(await page.getByTestId('customer-header').count()).toBe(0);
    await screenshot(page, '09-scoped-360-refused');
  });
});
