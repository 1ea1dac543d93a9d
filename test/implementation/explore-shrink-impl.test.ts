// explore and shrink on a user's implementation: the starting implementation with its primary's
// duplicate filter switched off by one line (the catalogue's no-dup-detection, written by hand).
// explore finds at-most-once failing in worker threads that each load the implementation from
// its path, and shrink reduces a swarm run of kv-faults; both print replay commands with --impl.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'rpcsim-explore-impl-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function rpcsim(...args: string[]): { code: number; out: string } {
  const run = spawnSync(process.execPath, [join(ROOT, 'scenarios', 'bin.mjs'), ...args], { cwd: work, encoding: 'utf8' });
  return { code: run.status ?? -1, out: `${run.stdout}${run.stderr}` };
}

beforeAll(() => {
  cpSync(join(ROOT, 'scenarios/init-template'), join(work, 'nodup'), { recursive: true });
  const server = join(work, 'nodup', 'pbservice', 'server.ts');
  const text = readFileSync(server, 'utf8');
  expect(text.split('      if (this.seen.has(args.Id)) {')).toHaveLength(2);
  writeFileSync(server, text.replace('      if (this.seen.has(args.Id)) {', '      if (false as boolean) {'));
});

describe('explore and shrink with --impl', () => {
  it('should find at-most-once failing in two worker threads, with replay commands that name the implementation', () => {
    const explored = rpcsim('explore', 'at-most-once', '--impl', 'nodup', '--seeds', '4', '--jobs', '2', '--all');
    expect(explored.out).toMatch(/^explore at-most-once · implementation: \.\/nodup \(source [0-9a-f]{8}\) · seeds 1\.\.4 · 2 threads/m);
    expect(explored.out.match(/^replay: npx rpcsim replay at-most-once --seed \d --impl \.\/nodup$/gm)).toHaveLength(4);
    expect(explored.out).toMatch(/FAIL seed 1 \(safety\): ck\.Get\(\) returned \d+ but expected 0123/);
    expect(explored.code).toBe(1);
  }, 60_000);

  it('should shrink a failing swarm run of kv-faults and print its replay with --impl', () => {
    const shrunk = rpcsim('shrink', 'kv-faults', '--swarm', '--impl', 'nodup', '--seed', '3', '--out', 'plan.json');
    expect(shrunk.out).toMatch(/^seed 3 fails \(safety\): history is not linearizable/m);
    expect(shrunk.out).toMatch(/^replay: npx rpcsim replay kv-faults --seed 3 --swarm --plan plan\.json --impl \.\/nodup$/m);
    const replayed = rpcsim('replay', 'kv-faults', '--seed', '3', '--swarm', '--plan', 'plan.json', '--impl', './nodup', '--quiet');
    expect(replayed.out).toMatch(/^FAIL kv-faults \(seed 3, safety\): history is not linearizable/m);
  }, 60_000);
});
