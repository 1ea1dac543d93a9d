// `rpcsim run --trace-out F` and `rpcsim replay --trace F`, through the CLI's main(): a recorded
// run replays identically (with a --plan file gone by then, too), a file whose decisions or
// events no longer match the program says where the runs part, and a damaged file is one line
// on stderr with exit 2.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureCliOutput, captured, rpcsim } from '../support/cli-capture.ts';
import { fingerprint } from '../../sim/trace/hash.ts';

const RUN = '{"scenario":"forward-crash","seed":5,"bugs":[],"strategy":"random","pct":null,"swarm":false,"plan":{"kind":"scenario"},"timing":null,"code":"code-0","impl":null}';
const dir = mkdtempSync(join(tmpdir(), 'rpcsim-trace-'));
captureCliOutput();

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Records forward-crash seed 5 (the demo's run) to a fresh file and returns its path. */
async function record(name: string, ...flags: string[]): Promise<string> {
  const path = join(dir, name);
  expect(await rpcsim('run', 'forward-crash', '--seed', '5', '--quiet', '--trace-out', path, ...flags)).toBe(0);
  return path;
}

/** Rewrites the last line's fingerprint to match the (edited) events, as a careful forger would. */
function refingerprint(lines: string[]): string[] {
  const events = lines.slice(1).filter((line) => line.length > 0);
  const end = JSON.parse(events.pop()!) as Record<string, unknown>;
  end['hash'] = fingerprint(events.map((line) => line + '\n').join(''));
  return [lines[0]!, ...events, JSON.stringify(end), ''];
}

function rewriteHeader(path: string, edit: (header: Record<string, unknown>) => void): void {
  const [first, ...rest] = readFileSync(path, 'utf8').split('\n');
  const header = JSON.parse(first!) as Record<string, unknown>;
  edit(header);
  writeFileSync(path, [JSON.stringify(header), ...rest].join('\n'));
}

describe('rpcsim replay --trace', () => {
  it('should replay a recorded run identically, with the fingerprint the file holds', async () => {
    const path = await record('run.jsonl');
    const hash = (JSON.parse(readFileSync(path, 'utf8').trimEnd().split('\n').at(-1)!) as { hash: string }).hash;
    captured.out = [];
    expect(await rpcsim('replay', '--trace', path, '--quiet')).toBe(0);
    expect(captured.out.at(-1)).toMatch(new RegExp(`^IDENTICAL: \\d+ trace events, fingerprint ${hash}, as recorded in `));
    expect(captured.err).toEqual([]);
  });

  it('should strike the recorded fault plan even when the --plan file is gone', async () => {
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify([{ at: 2_500_000, fault: { type: 'kill', target: 's1' } }]));
    const path = join(dir, 'planned.jsonl');
    expect(await rpcsim('run', 'kv-faults', '--seed', '3', '--plan', plan, '--quiet', '--trace-out', path)).toBe(0);
    rmSync(plan);
    captured.out = [];
    expect(await rpcsim('replay', '--trace', path, '--quiet')).toBe(0);
    expect(captured.out).toContain('faults: kill s1 at 2.500000 s');
    expect(captured.out.at(-1)).toMatch(/^IDENTICAL: /);
  });

  it('should name the first decision the program no longer asks for', async () => {
    const path = await record('cut.jsonl');
    rewriteHeader(path, (header) => {
      const decisions = header['decisions'] as number[];
      header['decisions'] = decisions.slice(0, 3 * 100); // the run's first 100 decisions only
    });
    captured.out = [];
    expect(await rpcsim('replay', '--trace', path, '--quiet')).toBe(3);
    expect(captured.out).toEqual([
      expect.stringMatching(/^DIVERGED: replay diverged at decision #100: the log has the end of the log, the run asked \S+ of \d+; the code fingerprint is the same \(code-[0-9a-f]+\), so either .* was edited or the run is not deterministic/),
    ]);
  });

  it('should name the first event that differs when every decision still matches', async () => {
    const path = await record('edited.jsonl');
    const lines = readFileSync(path, 'utf8').split('\n');
    const at = lines.findIndex((line) => line.includes('"type":"log"'));
    expect(at).toBeGreaterThan(0);
    lines[at] = lines[at]!.replace(/"text":"[^"]*"/, '"text":"a line the program never printed"');
    writeFileSync(path, refingerprint(lines).join('\n'));
    captured.out = [];
    expect(await rpcsim('replay', '--trace', path, '--quiet')).toBe(3);
    const diverged = captured.out.findIndex((line) => line.startsWith('DIVERGED at event'));
    expect(captured.out[diverged]).toMatch(new RegExp(`^DIVERGED at event ${at} \\(.* has \\d+ events, the replay \\d+\\): the code fingerprint is the same`));
    expect(captured.out[diverged + 1]).toContain('a line the program never printed');
    expect(captured.out[diverged + 2]).not.toContain('a line the program never printed');
  });

  it.each([
    ['an empty file', '', /is empty: expected an rpcsim trace/],
    ['a line that is not JSON', '{"format":"rpcsim-trace/1"\n', /line 1 is not a JSON object/],
    ['another format', '{"format":"something-else"}\n', /is not an rpcsim trace file/],
    ['an older format', '{"format":"rpcsim-trace/1"}\n', /rpcsim-trace\/1, from an older rpcsim: record it again/],
    ['a bad decision', `{"format":"rpcsim-trace/2","run":${RUN},"decisions":[0,2,7]}\n`, /line 1: decision log: entry 0 is not a valid decision/],
    ['a bad fault plan', `{"format":"rpcsim-trace/2","run":${RUN.replace('{"kind":"scenario"}', '{"kind":"file","path":"p","faults":[{"at":1}]}')},"decisions":[]}\n`, /line 1: run: plan.faults: entry 0: "fault" must be an object/],
    ['a negative seed', `{"format":"rpcsim-trace/2","run":${RUN.replace('"seed":5', '"seed":-5')},"decisions":[]}\n`, /line 1: run: "seed" must be a whole number/],
    ['a fractional seed', `{"format":"rpcsim-trace/2","run":${RUN.replace('"seed":5', '"seed":1.5')},"decisions":[]}\n`, /line 1: run: "seed" must be a whole number/],
    ['no last line', `{"format":"rpcsim-trace/2","run":${RUN},"decisions":[]}\n`, /the last line should be/],
    ['an event that is not an object', `{"format":"rpcsim-trace/2","run":${RUN},"decisions":[]}\n[1]\n{"end":"rpcsim-trace/2","events":1,"hash":"x"}\n`, /line 2 is not a JSON object/],
  ])('should refuse %s with one line on stderr and exit 2', async (_what, text, message) => {
    const path = join(dir, 'damaged.jsonl');
    writeFileSync(path, text);
    expect(await rpcsim('replay', '--trace', path)).toBe(2);
    expect(captured.err).toHaveLength(1);
    expect(captured.err[0]).toMatch(message);
    expect(captured.out).toEqual([]);
  });

  it('should say in plain words that a trace file does not exist', async () => {
    expect(await rpcsim('replay', '--trace', join(dir, 'missing.jsonl'))).toBe(2);
    expect(captured.err).toEqual([`rpcsim: cannot read trace file ${join(dir, 'missing.jsonl')}: no such file (ENOENT)`]);
  });
});
