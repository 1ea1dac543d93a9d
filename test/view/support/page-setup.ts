// What every page test file needs: one browser for the file, a fresh folder to write pages into
// with `rpcsim view`, the counts a page must draw as the trace gives them, and the data-* a
// drawn diagram carries.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { captured, rpcsim } from '../../support/cli-capture.ts';
import type { TraceEvent } from '../../../sim/trace/events.ts';
import { launchBrowser } from './browser.ts';

/** Launches the browser before the file's tests and closes it after; call at the top level. */
export function useBrowser(): () => Browser {
  let browser: Browser | null = null;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

/** A fresh folder, and `rpcsim view ...argv --out <folder>/<name>.html`, which must succeed. */
export function pageWriter(prefix: string): { readonly dir: string; write(name: string, ...argv: string[]): Promise<string> } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    async write(name, ...argv) {
      const file = join(dir, `${name}.html`);
      expect(await rpcsim('view', ...argv, '--out', file)).toBe(0);
      expect(captured.out.join('\n')).toContain(`wrote ${file}`);
      return file;
    },
  };
}

/** What the trace says a diagram must draw (its whole run in view), counted from the events. */
export function expectedCounts(trace: readonly TraceEvent[]): Record<string, string> {
  const count = (keep: (e: TraceEvent) => boolean): string => String(trace.filter(keep).length);
  return {
    drawnArrows: count((e) => e.type === 'send'),
    drawnErrors: count((e) => e.type === 'rpc-return' && e.error !== ''),
    drawnMarks: count((e) => e.type === 'crash' || e.type === 'pause' || e.type === 'resume' || e.type === 'fault'),
    drawnOps: count((e) => e.type === 'op-call'),
  };
}

/** The data-* of a diagram's root (the page's run: '#rpcsim-view'; a branch: 'section.branch'). */
export function dataOf(page: Page, selector = '#rpcsim-view'): Promise<Record<string, string>> {
  return page.locator(selector).first().evaluate((el) => ({ ...(el as HTMLElement).dataset }) as Record<string, string>);
}
