// Go's output without -v, made from a -v run's output: what the user sees of `rpcsim go test`
// without -v must read as `go test` prints it.

import { describe, expect, it } from 'vitest';
import { QuietOutput } from '../../sim/golang/quiet-output.ts';

const VERBOSE = [
  '=== RUN   TestA',
  'Test: something ...',
  '    a_test.go:10: a log line of a test that passes',
  '  ... Passed',
  '--- PASS: TestA (1.00s)',
  '=== RUN   TestB',
  '    b_test.go:20: first complaint',
  '        which runs on',
  'printed by the test itself',
  '    b_test.go:21: second complaint',
  '--- FAIL: TestB (2.00s)',
  'FAIL',
  'exit status 1',
].join('\n');

const QUIET = [
  'Test: something ...',
  '  ... Passed',
  'printed by the test itself',
  '--- FAIL: TestB (2.00s)',
  '    b_test.go:20: first complaint',
  '        which runs on',
  '    b_test.go:21: second complaint',
  'FAIL',
  'exit status 1',
].join('\n');

describe('QuietOutput', () => {
  it('should drop -v lines and a passing test\'s log, and put a failing test\'s log under its --- FAIL line', () => {
    const quiet = new QuietOutput();
    expect(quiet.push(VERBOSE) + quiet.end()).toBe(QUIET);
  });

  it('should give the same text whatever pieces the output arrives in', () => {
    const quiet = new QuietOutput();
    let shown = '';
    for (let i = 0; i < VERBOSE.length; i += 7) shown += quiet.push(VERBOSE.slice(i, i + 7));
    expect(shown + quiet.end()).toBe(QUIET);
  });
});
