// Past one machine: `--shard env` takes its slice from a batch engine's environment (Kubernetes
// Indexed Jobs, a CI matrix, GitLab), and `rpcsim merge` joins the shards' JSON lines. Four shards
// run as four separate `rpcsim` processes, as four pods would, and the merged report names the
// same failing seeds as one run of the whole range.

import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { mergeLines } from '../../sim/explore/merge.ts';
import { shardFromEnvironment } from '../../sim/explore/shard-env.ts';
import { captureCliOutput, captured, rpcsim } from '../support/cli-capture.ts';

captureCliOutput();
const BIN = fileURLToPath(new URL('../../scenarios/bin.mjs', import.meta.url));
const RANGE = ['explore', 'forward-crash', '--bug', 'ignore-forward-result', '--seeds', '12', '--all', '--json'];

const failingSeeds = (lines: readonly string[]): number[] =>
  lines.map((l) => JSON.parse(l) as { type: string; seed?: number }).filter((r) => r.type === 'failure').map((r) => r.seed!);

describe('--shard env', () => {
  it('should read a Kubernetes completion index (from 0), a CI matrix value and GitLab\'s pair', () => {
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: '0', RPCSIM_SHARD_COUNT: '4' })).toMatchObject({ ok: true, shard: { index: 1, total: 4 } });
    expect(shardFromEnvironment({ RPCSIM_SHARD: '3/8', JOB_COMPLETION_INDEX: '0' })).toMatchObject({ ok: true, shard: { index: 3, total: 8 } });
    expect(shardFromEnvironment({ CI_NODE_INDEX: '2', CI_NODE_TOTAL: '5' })).toMatchObject({ ok: true, shard: { index: 2, total: 5 } });
  });

  it('should say what is missing instead of running the whole range', async () => {
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: '4', RPCSIM_SHARD_COUNT: '4' })).toMatchObject({ ok: false });
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: '1' })).toMatchObject({ ok: false, problem: expect.stringMatching(/RPCSIM_SHARD_COUNT/) });
    const saved = { ...process.env };
    for (const name of ['RPCSIM_SHARD', 'JOB_COMPLETION_INDEX', 'CI_NODE_INDEX']) delete process.env[name];
    try {
      expect(await rpcsim('explore', 'partition1', '--shard', 'env')).toBe(2);
      expect(captured.err[0]).toMatch(/^rpcsim: --shard env: no shard in the environment: set RPCSIM_SHARD=K\/N/);
    } finally {
      process.env = saved;
    }
  });
});

describe('rpcsim merge', () => {
  it('should give the failures of one run from four shards run as separate processes', async () => {
    expect(await rpcsim(...RANGE)).toBe(1);
    const whole = failingSeeds(captured.out);
    expect(whole.length).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'rpcsim-shards-'));
    await Promise.all(
      [0, 1, 2, 3].map(async (index) => {
        const env = { ...process.env, JOB_COMPLETION_INDEX: String(index), RPCSIM_SHARD_COUNT: '4', NO_COLOR: '1' };
        const run = await promisify(execFile)(process.execPath, [BIN, ...RANGE, '--shard', 'env'], { env }).catch((e: { stdout: string; code: number }) => e);
        writeFileSync(join(dir, `shard-${index}.jsonl`), run.stdout);
      }),
    );
    captured.out = [];
    expect(await rpcsim('merge', dir, '--json')).toBe(1);
    expect(failingSeeds(captured.out.slice(0, -1))).toEqual(whole);
    expect(JSON.parse(captured.out.at(-1)!)).toMatchObject({ type: 'merged', shardCount: 4, shardsSeen: [1, 2, 3, 4], shardsMissing: [], checked: 12, seeds: 12 });
  }, 120_000);

  it('should report a missing shard as incomplete, never as a pass', () => {
    const summary = (shard: string, checked: number) => JSON.stringify({ type: 'summary', scenario: 'x', bugs: [], swarm: false, from: 1, seeds: 8, shard, checked, complete: true, runs: checked, wallSeconds: 1 });
    const merged = mergeLines([{ name: 'a', text: `${summary('1/2', 4)}\n` }]);
    expect(merged).toMatchObject({ ok: true, explorations: [{ shardsSeen: [1], shardsMissing: [2], checked: 4, failures: [] }] });
    expect(mergeLines([{ name: 'a', text: `${summary('1/2', 4)}\n${summary('1/2', 4)}` }])).toMatchObject({ ok: false, problem: expect.stringMatching(/appears twice/) });
  });

  it('should refuse lines that explore did not write, and flags it does not use', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rpcsim-merge-bad-'));
    writeFileSync(join(dir, 'x.jsonl'), 'hello\n');
    expect(await rpcsim('merge', dir)).toBe(2);
    expect(captured.err).toEqual([`rpcsim: merge: ${join(dir, 'x.jsonl')}:1 is not JSON: merge reads what \`rpcsim explore --json\` prints`]);
    expect(await rpcsim('merge', dir, '--seeds', '3')).toBe(2);
    expect(captured.err[1]).toMatch(/^rpcsim: merge does not take --seeds: it takes --json/);
  });
});
