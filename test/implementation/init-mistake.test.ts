// The whole `rpcsim init` story, as a user outside the repository lives it, through the real
// command (a fresh process per command, as at a shell): init a directory in the system's temp
// folder, pass the viewservice test first try, make one classic mistake (drop the ack gate), see
// the 2015 test fail with the Go test's message on a seed where the reference passes, replay the
// recorded run IDENTICAL, then edit again and hear that the implementation has changed. That the
// written directory type-checks is shown by the package test (test/package), against the
// installed package's declarations.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'scenarios', 'bin.mjs');
const work = mkdtempSync(join(tmpdir(), 'rpcsim-init-'));
const dir = join(work, 'my-pb');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `npx rpcsim ...args` in the temp folder: exit code and stdout+stderr. */
function rpcsim(...args: string[]): { code: number; out: string } {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: work, encoding: 'utf8' });
  return { code: run.status ?? -1, out: `${run.stdout}${run.stderr}` };
}

const ACK_GATE = '    if (!this.acked) return;';
const server = join(dir, 'viewservice', 'server.ts');

function edit(from: string, to: string): void {
  const text = readFileSync(server, 'utf8');
  expect(text.split(from)).toHaveLength(2); // exactly one line changes
  writeFileSync(server, text.replace(from, to));
}

describe('rpcsim init, a mistake, and replay', () => {
  it('should write an implementation that passes the viewservice test on the first try', () => {
    expect(rpcsim('init', 'my-pb').code).toBe(0);
    const first = rpcsim('run', 'viewservice', '--impl', 'my-pb', '--quiet');
    expect(first.out).toMatch(/^seed 1 · scenario viewservice · implementation: \.\/my-pb \(source [0-9a-f]{8}\)$/m);
    expect(first.out).toMatch(/^PASS viewservice \(seed 1\)/m);
    expect(first.code).toBe(0);
  }, 60_000);

  it('should fail the 2015 test with the Go message where the reference passes, and replay it identically', () => {
    edit(ACK_GATE, '    // if (!this.acked) return;'); // the mistake: change views without the primary's ack
    const failed = rpcsim('run', 'viewservice', '--impl', 'my-pb', '--seed', '7', '--trace-out', 'run.jsonl', '--quiet');
    expect(failed.code).toBe(1);
    expect(failed.out).toMatch(/^replay: npx rpcsim replay viewservice --seed 7 --impl \.\/my-pb$/m);
    // viewservice Test1's check(): "wanted primary %v, got %v", at "Viewserver waits for primary to ack view".
    expect(failed.out).toMatch(/^FAIL viewservice \(seed 7, safety\): wanted primary \/var\/tmp\/824-1000\/viewserver-3123-3, got \/var\/tmp\/824-1000\/viewserver-3123-1$/m);
    expect(rpcsim('run', 'viewservice', '--seed', '7', '--quiet').code).toBe(0);

    const header = JSON.parse(readFileSync(join(work, 'run.jsonl'), 'utf8').split('\n')[0]!) as { run: { impl: { path: string; sourceHash: string } } };
    expect(header.run.impl.path).toBe('./my-pb');
    expect(failed.out).toContain(`(source ${header.run.impl.sourceHash})`);
    const replayed = rpcsim('replay', '--trace', 'run.jsonl', '--quiet');
    expect(replayed.out).toMatch(/^IDENTICAL: \d+ trace events, fingerprint [0-9a-f]{16}, as recorded in run\.jsonl$/m);
    expect(replayed.out).not.toContain('has changed');
  }, 60_000);

  it('should say the implementation has changed when its source is edited after recording', () => {
    edit('    // if (!this.acked) return;', ACK_GATE);
    const replayed = rpcsim('replay', '--trace', 'run.jsonl', '--quiet');
    expect(replayed.out).toMatch(/^the implementation has changed since run\.jsonl was recorded: source [0-9a-f]{8} then, [0-9a-f]{8} now$/m);
    expect(replayed.out).not.toContain('IDENTICAL');
    expect(replayed.out).toMatch(/^DIVERGED: .*; the implementation at \.\/my-pb has changed since run\.jsonl was recorded$/m);
    expect(replayed.code).toBe(3); // a replay that diverged
  }, 60_000);
});
