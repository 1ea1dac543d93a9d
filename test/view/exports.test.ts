// The exports users' own tools open: a ShiViz log whose vector clocks respect every send/receive
// pair of the trace, and Chrome trace-event JSON (Perfetto) with one flow per delivered message
// and one instant per failed call. Also the view command's outputs and refusals.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../scenarios/cli-catalogue.ts';
import { buildViewModel } from '../../sim/view/build-model.ts';
import { chromeTrace } from '../../sim/view/export-chrome.ts';
import { shivizLog, SHIVIZ_REGEX } from '../../sim/view/export-shiviz.ts';
import { viewMetaOf } from '../../sim/view/meta.ts';
import { vectorClocks } from '../../sim/view/vector-clocks.ts';
import { captureCliOutput, captured, rpcsim } from '../support/cli-capture.ts';

captureCliOutput();

async function forwardCrash() {
  const result = await catalogue.run('forward-crash', { seed: 5, bugs: new Set(), trace: true });
  return { result, model: buildViewModel(result.trace, viewMetaOf(result, [], false)) };
}

function dominates(later: ReadonlyMap<number, number>, earlier: ReadonlyMap<number, number>): boolean {
  for (const [lane, tick] of earlier) if ((later.get(lane) ?? 0) < tick) return false;
  return true;
}

describe('vector clocks', () => {
  it('should put every receive after its send, and nothing on one process out of order', async () => {
    const { model } = await forwardCrash();
    const clocks = vectorClocks(model);
    const byKey = new Map(clocks.map((e) => [e.key, e]));
    let pairs = 0;
    model.messages.to.forEach((to, i) => {
      if (to < 0) return;
      const send = byKey.get(`m${i}s`)!;
      const recv = byKey.get(`m${i}r`)!;
      expect(dominates(recv.clock, send.clock)).toBe(true);
      expect(recv.clock.get(recv.lane)!).toBeGreaterThan(0);
      pairs++;
    });
    expect(pairs).toBeGreaterThan(300);
  }, 30_000);
});

describe('ShiViz export', () => {
  it('should start with its parser expression and give each process a clock that ticks by one', async () => {
    const { model } = await forwardCrash();
    const lines = shivizLog(model).trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual([SHIVIZ_REGEX, '']);
    const local = new Map<string, number>();
    const delivered = model.messages.to.filter((to) => to >= 0).length;
    expect((lines.length - 2) / 2).toBe(model.messages.sendMicros.length + delivered + model.failures.length + model.marks.length);
    for (let i = 2; i < lines.length; i += 2) {
      const match = /^(\S+) (\{.*\})$/.exec(lines[i + 1]!)!;
      const [host, clock] = [match[1]!, JSON.parse(match[2]!) as Record<string, number>];
      expect(clock[host]).toBe((local.get(host) ?? 0) + 1);
      local.set(host, clock[host]!);
    }
  }, 30_000);
});

describe('Chrome trace-event export', () => {
  it('should draw a flow per delivered message and an instant per failed call, in Go\'s words', async () => {
    const { result, model } = await forwardCrash();
    const events = chromeTrace(model).traceEvents;
    const delivered = model.messages.to.filter((to) => to >= 0).length;
    expect(events.filter((e) => e['ph'] === 's')).toHaveLength(delivered);
    expect(events.filter((e) => e['ph'] === 'f')).toHaveLength(delivered);
    const failed = result.trace.filter((e) => e.type === 'rpc-return' && e.error !== '');
    const errors = events.filter((e) => e['cat'] === 'error');
    expect(errors.map((e) => (e['name'] as string).replace(/^[\w.]+: /, ''))).toEqual(failed.map((e) => (e.type === 'rpc-return' ? e.error : '')));
    expect(events.filter((e) => e['ph'] === 'M' && e['name'] === 'process_name').map((e) => (e['args'] as Record<string, string>)['name'])).toEqual([...model.lanes, 'clients']);
  }, 30_000);
});

describe('rpcsim view', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rpcsim-view-cli-'));

  it('should write the Chrome export with --format chrome and say where', async () => {
    const out = join(dir, 'fc.json');
    expect(await rpcsim('view', 'forward-crash', '--seed', '5', '--format', 'chrome', '--out', out)).toBe(0);
    expect(captured.out.join('\n')).toContain(`wrote ${out}`);
    const { model } = await forwardCrash();
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(JSON.stringify(chromeTrace(model))));
    // The summary counts trace events (what the page is drawn from), and says so: `run` counts
    // kernel events, a different number for the same run.
    expect(captured.out[0]).toMatch(new RegExp(`^PASS · ${model.meta.events} trace events · `));
  }, 30_000);

  it('should draw a trace file as recorded (--trace)', async () => {
    const trace = join(dir, 'fc.jsonl');
    expect(await rpcsim('run', 'forward-crash', '--seed', '5', '--quiet', '--trace-out', trace)).toBe(0);
    const out = join(dir, 'fc.log');
    expect(await rpcsim('view', '--trace', trace, '--format', 'shiviz', '--out', out)).toBe(0);
    const { model } = await forwardCrash();
    expect(readFileSync(out, 'utf8')).toBe(shivizLog(model));
  }, 30_000);

  it('should refuse a flag it does not use, an unknown format, and a scenario beside --trace', async () => {
    expect(await rpcsim('view', 'forward-crash', '--full')).toBe(2);
    expect(await rpcsim('view', 'forward-crash', '--format', 'svg')).toBe(2);
    expect(await rpcsim('view', 'forward-crash', '--trace', 'x.jsonl')).toBe(2);
    expect(captured.err).toEqual([
      'rpcsim: view does not take --full: it takes --seed --bug --swarm --strategy --plan --trace --out --format; run `rpcsim help view`',
      'rpcsim: bad --format "svg": give html (the page), chrome (Perfetto / chrome://tracing) or shiviz',
      'rpcsim: view --trace FILE takes the scenario, seed and bugs from the file: leave out the scenario, --seed and --bug',
    ]);
  }, 30_000);

  it('should refuse, in one line and exit 2, an --out it cannot write, in every format', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'rpcsim-view-out-')), 'no-such-dir', 'x');
    for (const format of ['html', 'chrome', 'shiviz']) {
      captured.err = [];
      expect(await rpcsim('view', 'forward-crash', '--format', format, '--out', missing), format).toBe(2);
      expect(captured.err, format).toHaveLength(1);
      expect(captured.err[0], format).toMatch(new RegExp(`^rpcsim: cannot write (page|${format} file) .*no-such-dir/x: no such file \\(ENOENT\\)$`));
    }
  }, 60_000);
});
