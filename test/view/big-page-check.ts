// `npm run test:view-big`: the bounded-size promise on the biggest lab run. Writes the page of
// concurrent-same (about 1.4 M trace events), checks it is under 25 MB, opens it in chromium and
// checks it draws within 10 s (aggregated: density bars), then zooms in and checks single arrows
// are drawn. Too slow for `npm test` (the run alone takes ~10 s); prints its figures.

import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../sim/cli/main.ts';
import { catalogue } from '../../scenarios/cli-catalogue.ts';
import '../../scenarios/cli-entry.ts';
import { launchBrowser, openPage, screenshot } from './support/browser.ts';

const PAGE_BYTES_MAX = 25_000_000;
const OPEN_MILLIS_MAX = 10_000;

function fail(why: string): never {
  console.error(`test:view-big: ${why}`);
  process.exit(1);
}

const file = join(mkdtempSync(join(tmpdir(), 'rpcsim-big-')), 'concurrent-same.html');
if ((await main(['view', 'concurrent-same', '--seed', '1', '--out', file], catalogue)) !== 0) fail('rpcsim view failed');
const bytes = statSync(file).size;
console.log(`page: ${(bytes / 1e6).toFixed(1)} MB (limit ${PAGE_BYTES_MAX / 1e6} MB)`);
if (bytes >= PAGE_BYTES_MAX) fail('the page is too big');
const browser = await launchBrowser();
const started = Date.now();
const page = await openPage(browser, file);
const openMillis = Date.now() - started;
const drawn = await page.evaluate(() => ({ ...document.getElementById('rpcsim-view')!.dataset }));
console.log(`opened and drawn in ${(openMillis / 1000).toFixed(1)} s (limit ${OPEN_MILLIS_MAX / 1000} s): ${drawn['drawnAggregated']} messages and operations as density bars`);
await screenshot(page, 'concurrent-same');
await page.goto(`file://${file}#window=5.0,5.01`);
await page.waitForSelector('#rpcsim-view[data-window-micros="5000000-5010000"]');
const zoomed = await page.evaluate(() => ({ ...document.getElementById('rpcsim-view')!.dataset }));
console.log(`zoomed to 5.00–5.01 s: ${zoomed['drawnArrows']} arrows, ${zoomed['drawnOps']} operations drawn one by one`);
await screenshot(page, 'concurrent-same-zoom');
await browser.close();
if (openMillis > OPEN_MILLIS_MAX) fail('the page took too long to draw');
if (Number(drawn['drawnAggregated']) === 0 || Number(zoomed['drawnArrows']) === 0) fail('expected density bars at full view and arrows when zoomed');
