import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const SCREENSHOT_DIR = path.join(repoRoot, 'test-results', 'e2e');

/** Debian's Chromium, headless, with the background services that slow a CI machine turned off. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.GRIDCARE_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh context per test: its own cookies and local storage (language), a desktop viewport. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  reportTroubleOf(page);
  return page;
}

/**
 * Prints what a failing step would otherwise hide (a server error, a failed request, an
 * exception in the app): the test's output then says why a wait timed out. Answers below 500
 * are the app's to show and the tests' to assert.
 */
function reportTroubleOf(page: Page): void {
  page.on('response', (response) => {
    if (response.status() >= 500)
      console.warn(`[browser] ${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    // ERR_ABORTED is the browser dropping what a navigation or a closed page no longer needs.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    console.warn(`[browser] request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('pageerror', (error) => console.warn(`[browser] uncaught: ${error.message}`));
  page.on('console', (message) => {
    // Chromium logs every 4xx as "Failed to load resource"; the 5xx are reported above.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      console.warn(`[browser] console error: ${message.text()}`);
  });
}

/** Full page by default; a modal is shot as the viewport, where its mask covers the page. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // Fonts load by unicode-range slice; wait so the picture shows the real glyphs.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: file, fullPage });
  return file;
}

export async function logIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-name').waitFor();
}
