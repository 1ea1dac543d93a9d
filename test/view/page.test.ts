// The page in a real browser (Debian's chromium through playwright-core): what it draws is held
// against the trace of the same run, counted independently here, and it steps, searches, filters
// and branches. Screenshots are kept under test/view/output for a person to look at.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { captureCliOutput, captured, rpcsim } from '../support/cli-capture.ts';
import { catalogue } from '../../scenarios/cli-catalogue.ts';
import { traceHash } from '../../sim/trace/hash.ts';
import { networkRequests, openPage, screenshot } from './support/browser.ts';
import { dataOf, expectedCounts, pageWriter, useBrowser } from './support/page-setup.ts';
import type { PlannedFault } from '../../sim/faults/plan.ts';

captureCliOutput();
const browser = useBrowser();
const pages = pageWriter('rpcsim-view-');
const dir = pages.dir;
const writePage = pages.write;
const rootData = (page: Page): Promise<Record<string, string>> => dataOf(page);

describe('rpcsim view forward-crash --seed 5', () => {
  it('should draw one arrow per message, one mark per fault and crash, one error per failed call', async () => {
    const file = await writePage('forward-crash-5', 'forward-crash', '--seed', '5');
    const { trace } = await catalogue.run('forward-crash', { seed: 5, bugs: new Set(), trace: true });
    const page = await openPage(browser(), file);
    expect(await rootData(page)).toMatchObject(expectedCounts(trace));
    expect(networkRequests.get(page)).toEqual([]);
    await screenshot(page, 'forward-crash-5');
    await page.close();
  }, 120_000);

  it('should show the backup dying mid-Forward: the crash mark, and the primary\'s unexpected EOF explained', async () => {
    const file = await writePage('forward-crash-5', 'forward-crash', '--seed', '5');
    const { trace } = await catalogue.run('forward-crash', { seed: 5, bugs: new Set(), trace: true });
    const crash = trace.find((e) => e.type === 'crash')!;
    const page = await openPage(browser(), `${file}#window=${(crash.t - 1500) / 1e6},${(crash.t + 1500) / 1e6}`);
    // Two marks on s3: the fault striking ("crash s3 when ...") and the process's death.
    expect(await page.locator('.mark.crash').count()).toBe(2);
    const eof = page.locator('.failure.died', { hasText: 'unexpected EOF' }).first();
    await eof.locator('circle').click();
    const detail = await page.locator('#rpcsim-view > .detail').innerText();
    expect(detail).toContain('Call PBServer.Forward #0 returned: unexpected EOF');
    expect(detail).toContain('server died mid-call');
    expect(detail).toMatch(new RegExp(`${crash.proc}\\s+process crashed`));
    expect(await page.locator('.msg.hi').count()).toBeGreaterThan(0);
    await screenshot(page, 'forward-crash-5-crash-mid-call');
    await page.close();
  }, 120_000);

  it('should search, step and filter over what the trace holds', async () => {
    const file = await writePage('forward-crash-5', 'forward-crash', '--seed', '5');
    const { trace } = await catalogue.run('forward-crash', { seed: 5, bugs: new Set(), trace: true });
    const page = await openPage(browser(), file);
    await page.fill('#rpcsim-view > .controls .search', 'unexpected EOF');
    await page.press('#rpcsim-view > .controls .search', 'Enter');
    const eofs = trace.filter((e) => e.type === 'rpc-return' && e.error === 'unexpected EOF').length;
    expect((await rootData(page))['searchMatches']).toBe(String(eofs));
    for (let i = 0; i < 3; i++) await page.click('#rpcsim-view > .controls .step-next');
    expect((await rootData(page))['step']).toBe('3');
    expect(await page.locator('.cursor').count()).toBe(1);
    // Goroutines on demand: s1's name opens one row per goroutine of s1.
    const rows = await page.locator('#rpcsim-view > .diagram .label').count();
    await page.locator('#rpcsim-view > .diagram .label', { hasText: /^s1$/ }).click();
    const s1Tasks = new Set(trace.filter((e) => e.proc === 's1').map((e) => e.task)).size;
    expect(await page.locator('#rpcsim-view > .diagram .label').count()).toBe(rows - 1 + s1Tasks);
    // Hiding the viewservice hides every message to or from it.
    const lane = await page.locator('[data-filter-lane]').evaluateAll((inputs) => inputs.findIndex((i) => i.parentElement!.textContent!.trim() === 'vs'));
    await page.uncheck(`[data-filter-lane="${lane}"]`);
    const sendsWithoutVs = trace.filter((e) => e.type === 'send' && e.proc !== 'vs' && !trace.some((r) => r.type === 'recv' && r.conn === e.conn && r.proc === 'vs')).length;
    expect((await rootData(page))['drawnArrows']).toBe(String(sendsWithoutVs));
    await page.close();
  }, 120_000);
});

// The seed is the catalogue's (it moves when the timing model does): the run that catches
// unreachable-backup-as-none on kv-faults under --swarm.
const KV_CATCH = catalogue.bugs.find((b) => b.name === 'unreachable-backup-as-none')!.catches.find((c) => c.scenario === 'kv-faults' && c.swarm)!;

describe(`rpcsim view kv-faults --seed ${KV_CATCH.seed} --swarm --bug unreachable-backup-as-none`, () => {
  it('should draw the trace\'s counts and highlight the operations that are not linearizable', async () => {
    const seed = KV_CATCH.seed;
    const argv = ['kv-faults', '--seed', String(seed), '--swarm', '--bug', 'unreachable-backup-as-none'];
    const file = await writePage(`kv-faults-${seed}`, ...argv);
    const run = await catalogue.run('kv-faults', { seed, bugs: new Set(['unreachable-backup-as-none']), trace: true, swarm: true });
    const key = /^history is not linearizable \(key (\w+)\)$/.exec(run.reason ?? '')![1]!;
    const page = await openPage(browser(), file);
    expect(await rootData(page)).toMatchObject(expectedCounts(run.trace));
    expect(await page.locator('#rpcsim-view .ops-verdict').innerText()).toContain(`NOT linearizable on key "${key}"`);
    const violating = page.locator('.op.violating');
    expect(await violating.count()).toBeGreaterThanOrEqual(2);
    for (const title of await violating.locator('title').allTextContents()) expect(title).toContain(`("${key}"`);
    await screenshot(page, 'kv-faults');
    const first = await violating.first().locator('title').textContent();
    const callSeconds = Number(/^\[\s*([\d.]+)s/.exec(first!)![1]);
    await page.goto(`file://${file}#window=${callSeconds - 0.05},${callSeconds + 0.6}`);
    await page.waitForSelector('#rpcsim-view[data-state="drawn"]');
    await screenshot(page, 'kv-faults-violation');
    await page.close();
  }, 120_000);
});

describe('branching in the page', () => {
  it('should turn the breakpoint lesson\'s failing run into a passing one by pausing the primary just before it dies, as the CLI does for the same plan', async () => {
    const file = join(dir, 'teach-branch.html');
    expect(await rpcsim('teach', 'breakpoint', '--html', '--out', file)).toBe(0);
    const page = await openPage(browser(), file);
    expect(await page.locator('#rpcsim-view > header .verdict').innerText()).toMatch(/^FAIL /);
    const meta = await page.evaluate(() => (JSON.parse(document.getElementById('rpcsim-data')!.textContent!) as { meta: { scenario: string; seed: number; bugs: string[] } }).meta);
    await page.locator('#rpcsim-view > .diagram .mark.crash').first().dispatchEvent('click'); // s1's death at 4 s
    await page.click('#rpcsim-view > .detail .pick');
    await page.selectOption('.branch-action', 'pause');
    await page.selectOption('.branch-target', 's1');
    await page.fill('.branch-at', '3.990000');
    await page.click('.branch-run');
    await page.waitForSelector('.branch-form[data-state="done"]', { timeout: 90_000 });
    const branch = page.locator('section.branch').first();
    const plan = JSON.parse((await branch.locator('.plan').textContent()) ?? '') as PlannedFault[]; // folded away: textContent, not innerText
    expect(plan.at(-1)).toEqual({ at: 3_990_000, fault: { type: 'pause', target: 's1', forMicros: 500_000 } });
    await screenshot(page, 'teach-breakpoint-branch');
    // The same plan from the terminal: rpcsim run --plan FILE passes, with the same trace.
    const planFile = join(dir, 'branch.json');
    writeFileSync(planFile, JSON.stringify(plan));
    const bugArgs = meta.bugs.flatMap((b) => ['--bug', b]);
    captured.out = [];
    expect(await rpcsim('run', meta.scenario, '--seed', String(meta.seed), ...bugArgs, '--plan', planFile, '--quiet')).toBe(0);
    expect(captured.out.join('\n')).toContain(`PASS ${meta.scenario} (seed ${meta.seed})`);
    expect(await branch.getAttribute('data-verdict')).toBe('ok');
    const cli = await catalogue.run(meta.scenario, { seed: meta.seed, bugs: new Set(meta.bugs), trace: true, faults: plan });
    expect(await branch.getAttribute('data-hash')).toBe(traceHash(cli.trace));
    await page.close();
  }, 150_000);
});

describe('rpcsim teach breakpoint --html', () => {
  it('should draw the lesson\'s runs one under the other on one time axis: (a) fails, (b) under the breakpoint passes, (c) is (a) again', async () => {
    const file = join(dir, 'teach.html');
    expect(await rpcsim('teach', 'breakpoint', '--html', '--out', file)).toBe(0);
    expect(captured.out.join('\n')).toContain(`wrote ${file}`);
    const page = await openPage(browser(), file);
    expect(await page.locator('#rpcsim-view > header .verdict').innerText()).toMatch(/^FAIL /);
    expect(await page.locator('#companion-1').getAttribute('data-verdict')).toBe('ok');
    const a = await rootData(page);
    const c = await page.locator('#companion-2').evaluate((el) => ({ ...(el as HTMLElement).dataset }));
    expect(await page.locator('#companion-2').getAttribute('data-verdict')).toBe(await page.locator('#rpcsim-view').evaluate(() => document.querySelector('#rpcsim-view > header .verdict')!.textContent!.replace(/^FAIL /, '')));
    for (const key of ['drawnArrows', 'drawnMarks', 'drawnErrors', 'drawnOps']) expect(c[key]).toBe(a[key]);
    // One time axis for the three runs: the same window, the longest run whole.
    const b = await page.locator('#companion-1').evaluate((el) => ({ ...(el as HTMLElement).dataset }));
    expect([b['windowMicros'], c['windowMicros']]).toEqual([a['windowMicros'], a['windowMicros']]);
    const ends = await page.evaluate(() => {
      const companions = JSON.parse(document.getElementById('rpcsim-companions')!.textContent!) as { model: { meta: { endMicros: number } } }[];
      const own = JSON.parse(document.getElementById('rpcsim-data')!.textContent!) as { meta: { endMicros: number } };
      return [own.meta.endMicros, ...companions.map((x) => x.model.meta.endMicros)];
    });
    expect(a['windowMicros']).toBe(`0-${Math.max(...ends)}`);
    await screenshot(page, 'teach-breakpoint');
    await page.close();
  }, 150_000);
});
