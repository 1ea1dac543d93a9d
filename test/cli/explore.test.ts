// `rpcsim explore`, run in-process through the CLI's main(): it finds a catalogued bug's failing
// seed and prints the replay command that reproduces it, passes the correct implementation, turns
// bad input into one line and exit 2, and reports the same failing seeds in one thread, in two
// worker threads, and split into shards.

import { describe, expect, it } from 'vitest';
import { captureCliOutput, captured, rpcsim } from '../support/cli-capture.ts';
import { catchingSeed } from '../support/catalogue-seeds.ts';

captureCliOutput();

/** The failing seeds a --json exploration printed, and its summary. */
function jsonRecords(lines: readonly string[]): { failing: number[]; summaries: Record<string, unknown>[] } {
  const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    failing: records.filter((r) => r['type'] === 'failure').map((r) => r['seed'] as number),
    summaries: records.filter((r) => r['type'] === 'summary'),
  };
}

describe('rpcsim explore', () => {
  it('should stop at the first failing seed of a bug, print its replay command and reason, and exit 1', async () => {
    const code = await rpcsim('explore', 'partition1', '--bug', 'get-not-forwarded', '--seeds', '5');
    expect(code).toBe(1);
    expect(captured.out).toContain('replay: npx rpcsim replay partition1 --seed 1 --bug get-not-forwarded');
    expect(captured.out).toContain('  FAIL seed 1 (safety): Get to old primary succeeded and produced stale value');
    expect(captured.out.at(-1)).toMatch(/^FOUND 1 failing seed in 1 seed \(1\) · 1 run · [\d.]+ seeds\/s · [\d.]+ s wall$/);
    expect(captured.err).toEqual([]);
  });

  it('should pass the correct implementation over a few seeds and exit 0', async () => {
    const code = await rpcsim('explore', 'partition1', '--from', '10', '--seeds', '4');
    expect(code).toBe(0);
    expect(captured.out[0]).toBe('explore partition1 · bugs: none (the correct implementation) · seeds 10..13 · 1 thread · stops at the first failure');
    expect(captured.out.at(-1)).toMatch(/^PASS: no failing seed in 4 seeds \(10\.\.13\) · 4 runs · /);
    expect(captured.out.some((line) => line.startsWith('replay:'))).toBe(false);
  });

  it('should reproduce its failure with the replay command it prints, --swarm included', async () => {
    expect(await rpcsim('explore', 'kv-faults', '--bug', 'unreachable-backup-as-none', '--swarm', '--from', catchingSeed('unreachable-backup-as-none', 'kv-faults'), '--seeds', '1', '--json')).toBe(1);
    const failure = JSON.parse(captured.out[0]!) as { seed: number; reason: string; replay: string };
    expect(failure.replay).toBe(`npx rpcsim replay kv-faults --seed ${failure.seed} --bug unreachable-backup-as-none --swarm`);
    captured.out = [];
    const replayArgs = failure.replay.split(' ').slice(2);
    expect(await rpcsim(...replayArgs, '--quiet')).toBe(1);
    expect(captured.out).toContain(`FAIL kv-faults (seed ${failure.seed}, safety): ${failure.reason}`);
    expect(captured.out[0]).toBe(`replay: ${failure.replay}`);
  });

  it.each([
    [['--seeds', '0'], /^rpcsim: bad --seeds "0": give a positive whole number/],
    [['--bug', 'get-not-forwardd'], /^rpcsim: unknown bug "get-not-forwardd": did you mean "get-not-forwarded"\?/],
    [['--shard', '3/2'], /^rpcsim: bad --shard "3\/2": give K\/N with 1 ≤ K ≤ N/],
    [['--jobs', 'two'], /^rpcsim: bad --jobs "two"/],
    [['--seed', '4'], /^rpcsim: explore does not take --seed: .*--from S and --seeds N/],
    [['--from', '-3'], /^rpcsim: --from -3: a value that starts with "-" reads as a flag; write --from=-3 if you mean it$/],
    [['--from=-3'], /^rpcsim: bad seed "-3"/],
  ])('should refuse %j with one line on stderr and exit 2', async (flags, message) => {
    expect(await rpcsim('explore', 'partition1', ...flags)).toBe(2);
    expect(captured.err).toHaveLength(1);
    expect(captured.err[0]).toMatch(message);
    expect(captured.out).toEqual([]);
  });

  it('should refuse a missing or unknown scenario with exit 2', async () => {
    expect(await rpcsim('explore')).toBe(2);
    expect(await rpcsim('explore', 'partition3')).toBe(2);
    expect(captured.err).toEqual([
      'rpcsim: explore needs a scenario name: run `rpcsim list` to see them',
      'rpcsim: unknown scenario "partition3": did you mean "partition1"? run `rpcsim list` to see them all',
    ]);
  });

  describe('splitting the seed space', () => {
    // The seed story's "fix" (ignore-forward-result) fails forward-crash on some seeds of 1..12, not all.
    const bug = ['forward-crash', '--bug', 'ignore-forward-result'];
    const range = ['explore', ...bug, '--seeds', '12', '--all', '--json'];

    it('should find the same failing seeds in two worker threads as in one, and the same lowest one', async () => {
      expect(await rpcsim(...range)).toBe(1);
      const one = jsonRecords(captured.out);
      expect(one.failing.length).toBeGreaterThan(0);
      expect(one.failing.length).toBeLessThan(12);
      expect(one.summaries[0]).toMatchObject({ checked: 12, complete: true, failures: one.failing.length });

      captured.out = [];
      expect(await rpcsim(...range, '--jobs', '2')).toBe(1);
      expect(jsonRecords(captured.out).failing).toEqual(one.failing);

      // Without --all, from a passing seed, two threads report the next failing seed, not a later one.
      const firstPass = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find((seed) => !one.failing.includes(seed))!;
      const next = one.failing.find((seed) => seed > firstPass)!;
      captured.out = [];
      const slice = ['--from', String(firstPass), '--seeds', String(12 - firstPass + 1)];
      expect(await rpcsim('explore', ...bug, ...slice, '--jobs', '2', '--json')).toBe(1);
      expect(jsonRecords(captured.out).failing).toEqual([next]);
      expect(jsonRecords(captured.out).summaries[0]).toMatchObject({ checked: next - firstPass + 1, complete: false });
    }, 60_000);

    it("should split a range into disjoint shards whose failures together are the whole range's", async () => {
      expect(await rpcsim(...range)).toBe(1);
      const whole = jsonRecords(captured.out).failing;
      const merged: number[] = [];
      const checked: number[] = [];
      for (const shard of ['1/5', '2/5', '3/5', '4/5', '5/5']) {
        captured.out = [];
        await rpcsim(...range, '--shard', shard);
        const { failing, summaries } = jsonRecords(captured.out);
        merged.push(...failing);
        checked.push(summaries[0]!['checked'] as number);
        expect(summaries[0]).toMatchObject({ shard, stride: 5, complete: true });
      }
      expect(checked).toEqual([3, 3, 2, 2, 2]);
      expect(merged.sort((a, b) => a - b)).toEqual(whole);
    }, 60_000);
  });
});
