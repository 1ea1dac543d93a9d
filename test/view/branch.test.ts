// Branching in a real browser: pick a Forward's reply arrow on a passing run, "drop this reply",
// and the branch the page runs fails, with the verdict and trace fingerprint the CLI gives for
// the same plan; the branch is drawn under the run on the same time axis (a zoom in one moves
// both), each diagram's drawn counts match its own trace, and screenshots are kept. A branch the
// scenario cannot honour is one line, "this branch cannot run: ...". A pct page branches with pct.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { captureCliOutput, captured, rpcsim } from '../support/cli-capture.ts';
import { catalogue } from '../../scenarios/cli-catalogue.ts';
import type { CliRunOptions } from '../../sim/cli/catalogue.ts';
import type { PlannedFault } from '../../sim/faults/plan.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { traceHash } from '../../sim/trace/hash.ts';
import type { ViewModel } from '../../sim/view/view-model.ts';
import { openPage, screenshot } from './support/browser.ts';
import { dataOf, expectedCounts, pageWriter, useBrowser } from './support/page-setup.ts';

captureCliOutput();
const browser = useBrowser();
const pages = pageWriter('rpcsim-branch-');
const dir = pages.dir;

const BUG = 'backup-reapplies-duplicates';
/** kv-faults seed 5 with this plan passes: s2 (the primary) crashes, s1 takes over cleanly. */
const CRASH: PlannedFault[] = [{ at: 3_000_000, fault: { type: 'crash', target: 's2' } }];
/** The reply the branch drops: s2's 186th Forward, an Append the backup then applies twice. */
const NTH = 186;

/** The page's message index of the reply (or request) on the connection of s2's nth Forward. */
async function forwardMessage(page: Page, trace: readonly TraceEvent[], nth: number, half: 'request' | 'response'): Promise<{ key: string; tMicros: number }> {
  const send = trace.filter((e) => e.type === 'send' && e.proc === 's2' && e.what === 'PBServer.Forward #0 request')[nth - 1]!;
  const conn = send.type === 'send' ? send.conn : -1;
  const index = await page.evaluate(
    ([c, what]) => {
      const model = JSON.parse(document.getElementById('rpcsim-data')!.textContent!) as ViewModel;
      return model.messages.conn.findIndex((mc, i) => mc === c && model.strings[model.messages.what[i]!] === what);
    },
    [conn, `PBServer.Forward #0 ${half}`] as const,
  );
  expect(index).toBeGreaterThanOrEqual(0);
  return { key: `m${index}`, tMicros: send.t };
}

async function pick(page: Page, key: string): Promise<void> {
  await page.locator(`#rpcsim-view > .diagram [data-key="${key}"]`).dispatchEvent('click');
  await page.click('#rpcsim-view > .detail .pick');
}

describe('a branch that drops one message, in the page', () => {
  it('should turn a passing run into a failing one, as `rpcsim run --plan` does, drawn under the run on one time axis', async () => {
    const crashPlan = join(dir, 'crash.json');
    writeFileSync(crashPlan, JSON.stringify(CRASH));
    const file = await pages.write('kv-crash', 'kv-faults', '--seed', '5', '--bug', BUG, '--plan', crashPlan);
    expect(captured.out[0]).toMatch(/^PASS /);
    const options: CliRunOptions = { seed: 5, bugs: new Set([BUG]), trace: true, faults: CRASH };
    const original = await catalogue.run('kv-faults', options);
    const reply = await forwardMessage(await openPage(browser(), file), original.trace, NTH, 'response');
    const t = reply.tMicros / 1e6;
    const page = await openPage(browser(), `${file}#window=${t - 0.002},${t + 0.003}`);
    await pick(page, reply.key);
    const offered = await page.locator('.branch-action option').allTextContents();
    expect(offered).toEqual(['drop this reply', 'drop its request', 'crash…', 'kill…', 'pause…', 'restart…']);
    expect(await page.locator('.branch-target option').allTextContents()).toEqual(['s1', 's2', 's3']);
    await page.selectOption('.branch-action', 'drop-reply');
    await page.click('.branch-run');
    await page.waitForSelector('.branch-form[data-state="done"]', { timeout: 90_000 });

    const branch = page.locator('section.branch').first();
    const plan = JSON.parse(await branch.locator('.plan').textContent() ?? '') as PlannedFault[];
    expect(plan).toEqual([...CRASH, { when: { on: 'send', target: 's2', method: 'PBServer.Forward', nth: NTH }, fault: { type: 'drop', target: 's1', message: 'reply' } }]);
    expect(await branch.locator('h1').innerText()).toBe(`Branch 1: drop the reply of s2's ${NTH}th PBServer.Forward call to s1`);
    // The same plan from the terminal: the same failure, the same trace.
    const planFile = join(dir, 'branch.json');
    writeFileSync(planFile, JSON.stringify(plan));
    captured.out = [];
    expect(await rpcsim('run', 'kv-faults', '--seed', '5', '--bug', BUG, '--plan', planFile, '--quiet')).toBe(1);
    const cli = await catalogue.run('kv-faults', { ...options, faults: plan });
    expect(cli.ok).toBe(false);
    expect(captured.out.join('\n')).toContain(`FAIL kv-faults (seed 5, safety): ${cli.reason}`);
    expect(await branch.getAttribute('data-verdict')).toBe(`safety: ${cli.reason}`);
    expect(await branch.getAttribute('data-hash')).toBe(traceHash(cli.trace));
    // Both verdicts side by side, above the branch.
    expect(await page.locator('.comparison').innerText()).toBe(`the run: PASS\nBranch 1: drop the reply of s2's ${NTH}th PBServer.Forward call to s1: FAIL safety: ${cli.reason}`);

    // One time axis: the same window and width, and a zoom in the run zooms the branch.
    const run = await dataOf(page, '#rpcsim-view');
    let drawn = await dataOf(page, 'section.branch');
    expect([drawn['windowMicros'], drawn['widthPx']]).toEqual([run['windowMicros'], run['widthPx']]);
    await page.locator('#rpcsim-view > .diagram').hover();
    await page.mouse.wheel(0, -300);
    const zoomed = (await dataOf(page, '#rpcsim-view'))['windowMicros'];
    expect(zoomed).not.toBe(run['windowMicros']);
    expect((await dataOf(page, 'section.branch'))['windowMicros']).toBe(zoomed);
    // In the branch, the dropped reply's connection: s1 shut its write side, s2 read unexpected EOF.
    expect(await branch.locator('.failure.yes', { hasText: 'unexpected EOF' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'branch-drop-reply');

    // Fit shows both runs whole; each draws what its own trace holds.
    await page.click('#rpcsim-view > .controls .fit');
    expect(await dataOf(page, '#rpcsim-view')).toMatchObject(expectedCounts(original.trace));
    drawn = await dataOf(page, 'section.branch');
    expect(drawn).toMatchObject(expectedCounts(cli.trace));
    expect(drawn['windowMicros']).toBe((await dataOf(page, '#rpcsim-view'))['windowMicros']);
    await screenshot(page, 'branch-drop-reply-whole');
    await page.close();
  }, 180_000);

  it('should refuse, in one line, a drop of a call to a server the scenario cannot fault', async () => {
    const file = await pages.write('kv-5', 'kv-faults', '--seed', '5');
    const run = await catalogue.run('kv-faults', { seed: 5, bugs: new Set(), trace: true });
    const ping = run.trace.find((e) => e.type === 'send' && e.what.startsWith('ViewServer.Ping #') && e.t > 2_000_000)!;
    const page = await openPage(browser(), `${file}#window=${ping.t / 1e6 - 0.001},${ping.t / 1e6 + 0.001}`);
    const key = await page.evaluate((t) => {
      const model = JSON.parse(document.getElementById('rpcsim-data')!.textContent!) as ViewModel;
      return `m${model.messages.sendMicros.findIndex((s, i) => s === t && model.strings[model.messages.what[i]!]!.startsWith('ViewServer.Ping #'))}`;
    }, ping.t);
    await pick(page, key);
    await page.selectOption('.branch-action', 'drop-request');
    await page.click('.branch-run');
    expect(await page.locator('.branch-form').getAttribute('data-state')).toBe('refused');
    expect(await page.locator('.branch-status').innerText()).toBe("this branch cannot run: the call goes to vs, which is not one of kv-faults's fault targets (s1, s2, s3)");
    expect(await page.locator('section.branch').count()).toBe(0);
    await page.close();
  }, 120_000);

  it('should say a scenario with no fault targets cannot branch, and offer only the servers a scenario can fault', async () => {
    const vs = await openPage(browser(), await pages.write('viewservice-1', 'viewservice', '--seed', '1'));
    await pick(vs, 'm0');
    expect(await vs.locator('.branch-form').innerText()).toBe('What if… this branch cannot run: viewservice declares no fault targets, so a plan would strike nothing');
    await vs.close();
    // forward-crash declares no targets of its own; its plan crashes s3, so s3 is what a branch may strike.
    const story = await openPage(browser(), await pages.write('forward-crash-5', 'forward-crash', '--seed', '5'));
    await pick(story, 'm0');
    expect(await story.locator('.branch-action option').allTextContents()).toEqual(['drop this request', 'drop its reply', 'crash…', 'kill…', 'pause…', 'restart…']);
    expect(await story.locator('.branch-target option').allTextContents()).toEqual(['s3']);
    await story.close();
  }, 120_000);

  it('should branch a --strategy pct page with pct, as the CLI runs the same plan', async () => {
    const file = await pages.write('kv-pct', 'kv-faults', '--seed', '5', '--strategy', 'pct');
    expect(captured.out.join('\n')).toContain('npx rpcsim run kv-faults --seed 5 --strategy pct');
    const page = await openPage(browser(), file);
    await page.locator('#rpcsim-view > .diagram .msg').first().dispatchEvent('click');
    await page.click('#rpcsim-view > .detail .pick');
    await page.selectOption('.branch-action', 'pause');
    await page.selectOption('.branch-target', 's1');
    await page.fill('.branch-at', '2.500000');
    await page.click('.branch-run');
    await page.waitForSelector('.branch-form[data-state="done"]', { timeout: 90_000 });
    const plan = JSON.parse(await page.locator('section.branch .plan').textContent() ?? '') as PlannedFault[];
    expect(plan).toEqual([{ at: 2_500_000, fault: { type: 'pause', target: 's1', forMicros: 500_000 } }]);
    const hash = await page.locator('section.branch').getAttribute('data-hash');
    const pct = await catalogue.run('kv-faults', { seed: 5, bugs: new Set(), trace: true, strategy: 'pct', faults: plan });
    const random = await catalogue.run('kv-faults', { seed: 5, bugs: new Set(), trace: true, faults: plan });
    expect(hash).toBe(traceHash(pct.trace));
    expect(hash).not.toBe(traceHash(random.trace));
    await page.close();
  }, 150_000);
});
