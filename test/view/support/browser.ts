// Drives Debian's chromium (the system browser, /usr/bin/chromium) with playwright-core: one
// browser per test file, a fresh profile each launch, no network features, so page tests run
// offline and fast. Screenshots go under test/view/output (not committed) for a person to look at.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env['RPCSIM_CHROMIUM'] ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(import.meta.dirname, '..', 'output');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Requests a page tried to make to the network (refused): a self-contained page makes none. */
export const networkRequests = new WeakMap<Page, string[]>();

/** Opens a page file and waits until its diagram is drawn; refuses any network request. */
export async function openPage(browser: Browser, file: string, widthPx = 1400): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: widthPx, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  networkRequests.set(page, requests);
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route(/^(?!file:|data:|blob:)/, (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await page.goto(`file://${file}`);
  await page.waitForSelector('#rpcsim-view[data-state="drawn"]', { timeout: 60_000 }).catch((error: Error) => {
    throw new Error(`${error.message}; page errors: ${errors.join('; ')}`);
  });
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
