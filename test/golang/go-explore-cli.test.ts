// `rpcsim go explore`: many seeds of a Go package's tests, with socket faults from a plan file
// or drawn per seed (--swarm), each failing seed reported with Go's words and its replay.

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureWrites } from '../support/cli-capture.ts';
import { goCommand } from '../../sim/cli/command-go-cli.ts';

const fixture = (path: string): string => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));
const KV = fixture('gopath/src/kv');
const DROP_REPLY = fixture('plans/drop-reply.json');
const TIMEOUT_MS = 300_000;
/** The previous test's report, to compare with the same seeds run in worker threads. */
let inThisThread = '';
const withoutWallTime = (text: string): string => text.replace(/, [\d.]+ s wall with \d jobs?/, '');

const { out, err } = captureWrites();

describe('rpcsim go explore', () => {
  it('should pass every seed of a correct test when no faults are asked for', async () => {
    expect(await goCommand(['explore', KV, '--seeds', '3', '--run', 'TestPutsExecutedOnce'])).toBe(0);
    expect(out.join('')).toMatch(/rpcsim go explore kv: 0 of 3 seeds failed \(seeds 1-3\)/);
  }, TIMEOUT_MS);

  it('should fail seeds when a plan drops replies, with Go\'s message and a replay that reproduces it', async () => {
    expect(await goCommand(['explore', KV, '--seeds', '2', '--run', 'TestPutsExecutedOnce', '--plan', DROP_REPLY])).toBe(1);
    const text = out.join('');
    inThisThread = withoutWallTime(text);
    expect(text).toMatch(/^seed 1: FAIL TestPutsExecutedOnce \(socket faults: drop reply 300‰\)$/m);
    expect(text).toMatch(/kv_test\.go:\d+: 20 Puts acknowledged, 2\d executed/);
    expect(text).toContain(`replay: npx rpcsim go test ${KV} --seed 1 --run TestPutsExecutedOnce --plan ${DROP_REPLY}\n`);
    const failure = /^seed 1: [^]*?(kv_test\.go:\d+: 20 Puts acknowledged, \d+ executed)/m.exec(text)![1]!;
    // The printed replay, run as printed, gives the same run: the same count of executed Puts.
    const printed = /replay: npx rpcsim go (.*)\n/.exec(text)![1]!.split(' ');
    out.length = 0;
    expect(await goCommand(printed)).toBe(1);
    expect(out.join('')).toContain('socket faults: drop reply 300‰\n');
    expect(out.join('')).toContain(`    ${failure}\n`);
  }, TIMEOUT_MS);

  it('should spread seeds over worker threads with --jobs and report the same verdicts', async () => {
    expect(await goCommand(['explore', KV, '--seeds', '2', '--jobs', '2', '--run', 'TestPutsExecutedOnce', '--plan', DROP_REPLY])).toBe(1);
    expect(inThisThread).toContain('seed 1: FAIL');
    expect(withoutWallTime(out.join(''))).toBe(inThisThread);
  }, TIMEOUT_MS);

  it('should stop at the lowest failing seed with --first, in one thread or in workers alike', async () => {
    const args = ['explore', KV, '--seeds', '3', '--first', '--run', 'TestPutsExecutedOnce', '--plan', DROP_REPLY];
    expect(await goCommand(args)).toBe(1);
    const alone = withoutWallTime(out.join(''));
    expect(alone).toContain('seed 1: FAIL TestPutsExecutedOnce');
    expect(alone).not.toContain('seed 2:');
    expect(alone).toMatch(/rpcsim go explore kv: 1 of 1 seeds failed \(seeds 1-1, stopped at the first failure\)/);
    out.length = 0;
    expect(await goCommand([...args, '--jobs', '2'])).toBe(1);
    expect(withoutWallTime(out.join(''))).toBe(alone);
  }, TIMEOUT_MS);

  it('should make a dial fail with ENOENT when a plan loses the socket file', async () => {
    expect(await goCommand(['explore', KV, '--seeds', '1', '--run', 'TestDialLater'])).toBe(0);
    out.length = 0;
    expect(await goCommand(['explore', KV, '--seeds', '1', '--run', 'TestDialLater', '--plan', fixture('plans/lose-socket-file.json')])).toBe(1);
    expect(out.join('')).toMatch(/kv_test\.go:\d+: dial unix \/var\/tmp\/824-1000\/kv-later-2015: connect: no such file or directory/);
    expect(out.join('')).toContain('(socket faults: lose a socket file at 0.010000 s)');
  }, TIMEOUT_MS);

  it('should refuse a --run pattern Go cannot parse in one line, not report every seed as failing', async () => {
    for (const jobs of ['1', '2']) {
      err.length = 0;
      out.length = 0;
      expect(await goCommand(['explore', KV, '--seeds', '2', '--jobs', jobs, '--run', 'TestPutsExecutedOnce|('])).toBe(2);
      expect(err).toEqual([expect.stringMatching(/^rpcsim: go explore: --run 'TestPutsExecutedOnce\|\(' is not a Go regexp \(error parsing regexp: missing closing \): `\(`\)/)]);
      expect(out.join('')).toBe('');
    }
  }, TIMEOUT_MS);

  it('should refuse a bad plan file in one line', async () => {
    expect(await goCommand(['explore', KV, '--seeds', '2', '--plan', KV + '/kv_test.go'])).toBe(2);
    expect(err[0]).toMatch(/^rpcsim: go explore: --plan .*kv_test\.go: not JSON/);
  });

  it('should show Go\'s panic line, not the tail of its goroutine dump, for a program that died with no failing test', async () => {
    out.length = 0;
    expect(await goCommand(['explore', KV, '--seeds', '1', '--plan', fixture('plans/lose-socket-file.json')])).toBe(1);
    const text = out.join('');
    expect(text).toMatch(/^seed 1: FAIL \(the program died\) \(socket faults: lose a socket file at 0\.010000 s\)\n {4}panic: test timed out after 10m0s\n {4}replay: /m);
  }, TIMEOUT_MS);
});

