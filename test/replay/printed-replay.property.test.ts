// The property replay rests on, over drawn command lines: whatever `rpcsim run` is given
// (scenario, seed, bugs, strategy incl. pct, swarm, a fault plan file), the replay command it
// prints reproduces the run's trace fingerprint and verdict, and `replay --trace` of the file it
// wrote says IDENTICAL. A few drawn cases go through `shrink` too: its printed replay command
// reproduces the failure it reports. Runs in-process, on the scenarios that take well under a
// second, so 200 cases fit in npm test.

import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { arbFaultPlan } from '../../sim/faults/arbitraries.ts';
import { BUGS, BUG_CATCHES } from '../../protocol/index.ts';
import { captureCliOutput, captured, rpcsim } from '../support/cli-capture.ts';

captureCliOutput();
const dir = mkdtempSync(join(tmpdir(), 'rpcsim-prop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Fast scenarios; `targets` are the servers a --plan may strike (none: --swarm/--plan refused). */
const SCENARIOS = [
  { name: 'kv-faults', targets: ['s1', 's2', 's3'], swarm: true },
  { name: 'forward-crash', targets: ['s3'], swarm: false }, // its own plan's target
  { name: 'partition1', targets: [], swarm: false },
  { name: 'partition2', targets: [], swarm: false },
  { name: 'basic-fail', targets: [], swarm: false },
  { name: 'viewservice', targets: [], swarm: false },
] as const;

const arbCommand = fc
  .constantFrom(...SCENARIOS)
  .chain((scenario) =>
    fc.record({
      scenario: fc.constant(scenario.name),
      seed: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constant(Number.MAX_SAFE_INTEGER), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
      bugs: fc.subarray(BUGS.map((b) => b.name), { maxLength: 2 }),
      strategy: fc.constantFrom('random', 'pct', ...(scenario.swarm ? (['swarm'] as const) : [])),
      swarm: scenario.swarm ? fc.boolean() : fc.constant(false),
      plan: scenario.targets.length === 0 ? fc.constant(null) : fc.option(arbFaultPlan({ targets: scenario.targets, startMicros: 1_000_000, horizonMicros: 6_000_000, maxFaults: 2 }), { freq: 2 }),
    }),
  );

let counter = 0;

function lastJson(): Record<string, unknown> {
  return JSON.parse(captured.out.at(-1)!) as Record<string, unknown>;
}

/** The printed command as argv: our paths hold no shell metacharacters, so split on spaces. */
function argvOf(command: string): string[] {
  expect(command.startsWith('npx rpcsim ')).toBe(true);
  return command.slice('npx rpcsim '.length).split(' ');
}

describe('a printed replay command', () => {
  it('should reproduce the run it was printed for, and its trace file should replay IDENTICAL', async () => {
    await fc.assert(
      fc.asyncProperty(arbCommand, async (c) => {
        const n = counter++;
        const argv = ['run', c.scenario, '--seed', String(c.seed), ...c.bugs.flatMap((b) => ['--bug', b])];
        if (c.strategy !== 'random') argv.push('--strategy', c.strategy);
        if (c.swarm) argv.push('--swarm');
        if (c.plan !== null) {
          const path = join(dir, `plan-${n}.json`);
          writeFileSync(path, JSON.stringify(c.plan));
          argv.push('--plan', path);
        }
        const trace = join(dir, `run-${n}.jsonl`);
        captured.out = [];
        const code = await rpcsim(...argv, '--json', '--trace-out', trace);
        expect(captured.err, captured.err.join('\n')).toEqual([]);
        expect([0, 1]).toContain(code);
        const run = lastJson();
        captured.out = [];
        expect(await rpcsim(...argvOf(run['replay'] as string), '--json')).toBe(code);
        const again = lastJson();
        expect(again['fingerprint']).toBe(run['fingerprint']);
        expect(again['run']).toEqual(run['run']);
        captured.out = [];
        expect(await rpcsim('replay', '--trace', trace, '--quiet')).toBe(code);
        expect(captured.out.at(-1)).toMatch(new RegExp(`^IDENTICAL: \\d+ trace events, fingerprint ${String(run['fingerprint'])}`));
        rmSync(trace);
      }),
      { numRuns: 200, seed: 11 },
    );
  }, 240_000);

  it('should reproduce what shrink reports, from the command shrink prints', async () => {
    // Failing runs with faults to shrink: a bug that kv-faults' swarm weather exposes.
    // The catalogue's swarm catch (npm run catalogue:refind keeps it current), plain and under PCT.
    const swarm = BUG_CATCHES.find((c) => c.scenario === 'kv-faults' && c.swarm)!;
    captured.out = [];
    expect(await rpcsim('explore', 'kv-faults', '--bug', swarm.bug, '--swarm', '--strategy', 'pct', '--seeds', '500', '--json')).toBe(1);
    const pctSeed = String((JSON.parse(captured.out[0]!) as { seed: number }).seed);
    const cases = [
      ['kv-faults', '--seed', String(swarm.seed), '--bug', swarm.bug, '--strategy', 'swarm'],
      ['kv-faults', '--seed', pctSeed, '--bug', swarm.bug, '--swarm', '--strategy', 'pct'],
    ];
    for (const [n, args] of cases.entries()) {
      captured.out = [];
      const out = join(dir, `shrunk-${n}.json`);
      const code = await rpcsim('shrink', ...args, '--out', out);
      const replayLine = captured.out.find((line) => line.startsWith('replay: '));
      expect(replayLine, captured.out.join('\n') + captured.err.join('\n')).toBeDefined();
      const reported = captured.out.find((line) => line.startsWith('it fails ('));
      expect(code).toBe(reported === undefined ? 0 : 1);
      if (args.includes('pct')) expect(replayLine).toContain('--strategy pct');
      captured.out = [];
      expect(await rpcsim(...argvOf(replayLine!.slice('replay: '.length)), '--quiet')).toBe(code);
      if (reported !== undefined) expect(captured.out.some((line) => line.endsWith(reported.slice('it fails ('.length).replace(/^(\w+)\): /, '')))).toBe(true);
    }
  }, 120_000);
});
