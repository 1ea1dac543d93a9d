// `rpcsim go test` as a user types it: exit 0 when the tests pass, 1 when one fails, 2 for bad
// input (no Go, an unsupported Go, not a package, a build error shown as Go prints it), and a
// replay command that names the run.

import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureWrites } from '../support/cli-capture.ts';
import { goCommand } from '../../sim/cli/command-go-cli.ts';

const fixture = (path: string): string => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));
const CLOCK = fixture('module/clock');
const BUILD_TIMEOUT_MS = 300_000;

const { out, err } = captureWrites();
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('rpcsim go test', () => {
  it('should exit 0 and print Go\'s output, a summary and the replay command when the tests pass', async () => {
    expect(await goCommand(['test', CLOCK, '--run', 'TestTimer', '-v', '--seed', '4'])).toBe(0);
    const text = out.join('');
    // A module layout (go.mod): a 1.5 s timer fires at 1.5 virtual s, as Go prints it.
    expect(text).toContain('--- PASS: TestTimerFiresOnTime (1.50s)\n');
    expect(text).toMatch(/rpcsim go test clock: PASS: 1 passed, 0 failed in 1\.500 virtual s, seed 4/);
    expect(text).toContain(`replay: npx rpcsim go test ${CLOCK} --seed 4 --run TestTimer -v\n`);
  }, BUILD_TIMEOUT_MS);

  it('should exit 1 and put the replay command before the verdict when a test fails', async () => {
    expect(await goCommand(['test', CLOCK, '--run', 'Always'])).toBe(1);
    const text = out.join('');
    expect(text).toContain('clock_test.go:18: this test fails on purpose\n');
    expect(text.indexOf('replay: npx rpcsim go test')).toBeLessThan(text.indexOf('FAIL: failed: TestAlwaysFails'));
    // Without -v, as go test prints it: the test's log under its --- FAIL line, no === RUN.
    expect(text).toContain('--- FAIL: TestAlwaysFails (0.00s)\n    clock_test.go:18: this test fails on purpose\nFAIL\n');
    expect(text).not.toContain('=== RUN');
    expect(text).toMatch(/^rpcsim go test clock: FAIL: failed: TestAlwaysFails \(0 passed, 1 failed\) in 0\.000 virtual s, seed 1 \(/m);
  }, BUILD_TIMEOUT_MS);

  it('should count the tests that passed without -v too, and say when none ran', async () => {
    expect(await goCommand(['test', CLOCK, '--run', 'TestTimer'])).toBe(0);
    expect(out.join('').split('rpcsim go test clock:')[0]).toBe('PASS\n');
    expect(out.join('')).toMatch(/^rpcsim go test clock: PASS: 1 passed, 0 failed in 1\.500 virtual s, seed 1 \(/m);
    out.length = 0;
    expect(await goCommand(['test', CLOCK, '--run', 'NoSuchTest'])).toBe(0);
    expect(out.join('')).toMatch(/^rpcsim go test clock: PASS: no tests to run in 0\.000 virtual s, seed 1 \(/m);
  }, BUILD_TIMEOUT_MS);

  it('should exit 2 with Go\'s own compiler message when the package does not build', async () => {
    expect(await goCommand(['test', fixture('gopath/src/broken')])).toBe(2);
    expect(err.join('')).toContain('broken.go:5:9: cannot use "forty-two" (untyped string constant) as int value in return statement');
  }, BUILD_TIMEOUT_MS);

  it('should exit 2 with vet\'s message, as go test does, when the package fails go test\'s vet checks', async () => {
    expect(await goCommand(['test', fixture('gopath/src/vetfail')])).toBe(2);
    expect(err.join('')).toContain('vetfail.go:8:9: fmt.Sprintf format %d has arg ok of wrong type bool\n');
    expect(err.join('')).toContain('fails the vet checks go test runs before its tests');
    expect(out).toEqual([]);
  }, BUILD_TIMEOUT_MS);

  it('should exit 2 in one line on stderr without a subcommand, or with one it does not know', async () => {
    expect(await goCommand([])).toBe(2);
    expect(await goCommand(['tset', CLOCK])).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual([
      'rpcsim: go needs a subcommand: give test or explore, e.g. rpcsim go test <package dir>; run `rpcsim help go`\n',
      'rpcsim: go: unknown subcommand "tset": give test or explore, e.g. rpcsim go test <package dir>; run `rpcsim help go`\n',
    ]);
  });

  it('should say how to write a value that starts with "-", and name go test or go explore in a bad seed\'s line', async () => {
    expect(await goCommand(['test', CLOCK, '--seed', '-1'])).toBe(2);
    expect(await goCommand(['explore', CLOCK, '--seeds', '-2'])).toBe(2);
    expect(await goCommand(['test', CLOCK, '--seed', 'abc'])).toBe(2);
    expect(await goCommand(['explore', CLOCK, '--seeds', '2', '--from', 'abc'])).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual([
      'rpcsim: go test: --seed -1: a value that starts with "-" reads as a flag; write --seed=-1 if you mean it\n',
      'rpcsim: go explore: --seeds -2: a value that starts with "-" reads as a flag; write --seeds=-2 if you mean it\n',
      'rpcsim: go test: bad seed "abc": a seed is a non-negative integer below 2^53 (decimal, or hex with 0x), e.g. --seed 42\n',
      'rpcsim: go explore: bad seed "abc": a seed is a non-negative integer below 2^53 (decimal, or hex with 0x), e.g. --from 42\n',
    ]);
  });

  it('should exit 2 in one line for a directory that is not a package', async () => {
    expect(await goCommand(['test', fixture('')])).toBe(2);
    expect(err).toEqual([`rpcsim: go test: ${fixture('')}: not a Go package (no .go files in it)\n`]);
  });

  it('should exit 2 in one line when there is no Go, and when the Go is not 1.19', async () => {
    vi.stubEnv('RPCSIM_GO', '/nonexistent/go');
    expect(await goCommand(['test', CLOCK])).toBe(2);
    expect(err[0]).toMatch(/^rpcsim: go test: no Go toolchain found .*install Go 1\.19/);
    const fake = join(mkdtempSync(join(tmpdir(), 'rpcsim-go-')), 'go');
    writeFileSync(fake, '#!/bin/sh\nprintf "go1.21.0\\n/usr/lib/go-1.21\\n"\n');
    chmodSync(fake, 0o755);
    vi.stubEnv('RPCSIM_GO', fake);
    expect(await goCommand(['test', CLOCK])).toBe(2);
    expect(err[1]).toBe("rpcsim: go test: go1.21.0 is not supported: rpcsim's net overlay is written for Go 1.19 (go1.19.x); put a Go 1.19 first on PATH or name it with RPCSIM_GO=/path/to/go\n");
  });

  it('should pass --env to the program: a Go reference bug switched on fails its test, and the replay keeps it', async () => {
    const viewservice = fileURLToPath(new URL('../../protocol/go/viewservice', import.meta.url));
    expect(await goCommand(['test', viewservice, '--env', 'RPCSIM_BUGS=vs-idle-promoted'])).toBe(1);
    const text = out.join('');
    expect(text).toMatch(/test_test\.go:\d+: uninitialized backup promoted to primary\n/);
    expect(text).toContain(`replay: npx rpcsim go test ${viewservice} --seed 1 --env RPCSIM_BUGS=vs-idle-promoted\n`);
    expect(await goCommand(['test', CLOCK, '--env', 'no-equals-sign'])).toBe(2);
    expect(err.at(-1)).toBe('rpcsim: go test: --env no-equals-sign: write it as NAME=VALUE, e.g. --env RPCSIM_BUGS=fresh-id-per-retry\n');
  }, BUILD_TIMEOUT_MS);

  it('should refuse a --run pattern Go cannot parse in one line on stderr, not run it as a failing test', async () => {
    expect(await goCommand(['test', CLOCK, '--run', 'TestTimer|(', '-v'])).toBe(2);
    expect(err).toEqual([expect.stringMatching(/^rpcsim: go test: --run 'TestTimer\|\(' is not a Go regexp \(error parsing regexp: missing closing \): `\(`\); give a pattern/)]);
    expect(out.join('')).toBe('');
    // Go's own syntax, which JavaScript's RegExp would refuse, still runs.
    expect(await goCommand(['test', CLOCK, '--run', '(?i)testtimer'])).toBe(0);
  }, BUILD_TIMEOUT_MS);

  it('should refuse a flag it does not use', async () => {
    expect(await goCommand(['test', CLOCK, '--jobs', '2'])).toBe(2);
    expect(err[0]).toMatch(/^rpcsim: go test: Unknown option '--jobs'/);
  });
});
