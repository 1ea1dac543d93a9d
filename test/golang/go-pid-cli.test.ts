// `--pid` for `rpcsim go test` and `go explore`: os.Getpid() is 2015 unless a pid is given or
// drawn from each seed. The 2015 tests seed math/rand with it (whom TestRepeatedCrash kills), so
// a drawn pid must be the same every time for a seed, and the replay command must carry it.

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureWrites } from '../support/cli-capture.ts';
import { goCommand } from '../../sim/cli/command-go-cli.ts';

const PID = fileURLToPath(new URL('./fixtures/gopath/src/pid', import.meta.url));
const DROP_REPLY = fileURLToPath(new URL('./fixtures/plans/drop-reply.json', import.meta.url));
const TIMEOUT_MS = 300_000;
const { out, err } = captureWrites();
const printedPids = (): number[] => [...out.join('').matchAll(/^pid (\d+)$/gm)].map((m) => Number(m[1]));

describe('go test and go explore --pid', () => {
  it('should give the program pid 2015 by default, and the pid --pid names', async () => {
    expect(await goCommand(['test', PID, '-v'])).toBe(0);
    expect(printedPids()).toEqual([2015]);
    out.length = 0;
    expect(await goCommand(['test', PID, '-v', '--pid', '4242'])).toBe(0);
    expect(printedPids()).toEqual([4242]);
    expect(out.join('')).toMatch(/PASS: 1 passed, 0 failed in [\d.]+ virtual s, seed 1, pid 4242 /);
    expect(out.join('')).toContain(`replay: npx rpcsim go test ${PID} --seed 1 --pid 4242 -v\n`);
  }, TIMEOUT_MS);

  it('should draw a pid from each seed with --pid seed, the same every time, and replay it', async () => {
    const drawn: number[] = [];
    for (const seed of [1, 2, 3, 1]) {
      out.length = 0;
      expect(await goCommand(['test', PID, '-v', '--pid', 'seed', '--seed', String(seed)])).toBe(0);
      drawn.push(...printedPids());
    }
    expect(drawn[3]).toBe(drawn[0]);
    expect(new Set(drawn.slice(0, 3)).size).toBe(3);
    for (const pid of drawn) expect(pid).toBeGreaterThanOrEqual(300);
    for (const pid of drawn) expect(pid).toBeLessThanOrEqual(32_767);
    // go explore (in worker threads) reports each failing seed with its pid, and its replay
    // reproduces it.
    out.length = 0;
    expect(await goCommand(['explore', PID, '--seeds', '6', '--jobs', '2', '--pid', 'seed', '--env', 'PID_MUST_BE_EVEN=1'])).toBe(1);
    const report = out.join('');
    const failure = /^seed (\d+): FAIL TestPid \(pid (\d+)\)$/m.exec(report)!;
    expect(Number(failure[2]) % 2).toBe(1);
    const replay = new RegExp(`replay: npx rpcsim go (test \\S+ --seed ${failure[1]} --env PID_MUST_BE_EVEN=1 --pid seed)\\n`).exec(report)!;
    out.length = 0;
    expect(await goCommand(replay[1]!.split(' '))).toBe(1);
    expect(out.join('')).toContain(`odd pid ${failure[2]}\n`);
  }, TIMEOUT_MS);

  it('should name a failing seed\'s pid and socket faults in one parenthesis', async () => {
    out.length = 0;
    expect(await goCommand(['explore', PID, '--seeds', '1', '--pid', '4243', '--plan', DROP_REPLY, '--env', 'PID_MUST_BE_EVEN=1'])).toBe(1);
    expect(out.join('')).toMatch(/^seed 1: FAIL TestPid \(pid 4243; socket faults: drop reply 300‰\)$/m);
  }, TIMEOUT_MS);

  it('should refuse a pid Linux could not hand out, in one line', async () => {
    for (const bad of ['0', '-3', '4194304', 'seeds', '12.5']) {
      err.length = 0;
      expect(await goCommand(['test', PID, `--pid=${bad}`]), bad).toBe(2);
      expect(err.join(''), bad).toBe(`rpcsim: go test: --pid ${bad}: give a process id from 1 to 4194303, or "seed" to draw one from each seed\n`);
    }
  });
});
