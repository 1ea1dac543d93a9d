// One test per catalogued student bug (STYLE.md rule 7): a pinned (scenario, seed) that fails
// with the bug switched on, with the Go test's own message, and passes with it off, so each check
// demonstrably can fail and the failure comes from the bug. The pins were found with
// `rpcsim explore <scenario> --bug NAME --seeds 2000` (the first failing seed that also passes
// without the bug), cheapest scenario first; re-find one the same way if a protocol change moves it.

import { describe, expect, it } from 'vitest';
import { BUGS, type BugName } from '../../protocol/index.ts';
import { runScenario, type FailureKind } from '../../scenarios/index.ts';

interface Pin {
  readonly scenario: string;
  readonly seed: number;
  readonly swarm?: boolean;
  readonly kind: FailureKind;
  /** The Go test's failure message (t.Fatalf / log.Fatalf), as the scenario reports it. */
  readonly reason: RegExp;
}

const PINS: ReadonlyMap<BugName, Pin> = new Map<BugName, Pin>([
  // viewservice Test1
  ['vs-ack-gate-ignored', { scenario: 'viewservice', seed: 1, kind: 'safety', reason: /^wanted primary \S+, got \S+$/ }],
  ['vs-restart-ignored', { scenario: 'viewservice', seed: 1, kind: 'safety', reason: /^expected primary=\S+, got \S+$/ }],
  ['vs-idle-promoted', { scenario: 'viewservice', seed: 1, kind: 'safety', reason: /^uninitialized backup promoted to primary$/ }],
  ['vs-dead-backup-kept', { scenario: 'viewservice', seed: 1, kind: 'safety', reason: /^wrong primary or backup$/ }],
  // pbservice server
  ['get-not-forwarded', { scenario: 'partition1', seed: 1, kind: 'safety', reason: /^Get to old primary succeeded and produced stale value$/ }],
  ['unreachable-backup-as-none', { scenario: 'partition2', seed: 1, kind: 'safety', reason: /^partitioned primary replied to a Get with a stale value$/ }],
  ['forward-apply-unserialised', { scenario: 'concurrent-same-append', seed: 1, kind: 'safety', reason: /^primary and backup had different values$/ }],
  ['dup-table-not-replicated', { scenario: 'repeated-crash-unreliable', seed: 1, kind: 'safety', reason: /^duplicate element in Append result$/ }],
  ['dup-table-not-in-snapshot', { scenario: 'repeated-crash-unreliable', seed: 272, kind: 'safety', reason: /^duplicate element in Append result$/ }],
  ['backup-reapplies-duplicates', { scenario: 'repeated-crash-unreliable', seed: 5, kind: 'safety', reason: /^duplicate element in Append result$/ }],
  ['backup-accepts-any-sender', { scenario: 'partition1', seed: 1, kind: 'safety', reason: /^Get to old primary succeeded and produced stale value$/ }],
  ['ignore-forward-result', { scenario: 'partition1', seed: 1, kind: 'safety', reason: /^Get to old primary succeeded and produced stale value$/ }],
  ['no-dup-detection', { scenario: 'at-most-once', seed: 1, kind: 'safety', reason: /^ck\.Get\(\) returned \d+ but expected 0123456789\d+$/ }],
  // pbservice clerk
  ['fresh-id-per-retry', { scenario: 'at-most-once', seed: 1, kind: 'safety', reason: /^ck\.Get\(\) returned \d+ but expected 0123456789\d+$/ }],
  ['clerk-asks-vs-every-op', { scenario: 'basic-fail', seed: 1, kind: 'safety', reason: /^too many viewserver RPCs$/ }],
]);

async function verdict(pin: Pin, bugs: ReadonlySet<BugName>): Promise<string> {
  const result = await runScenario(pin.scenario, { seed: pin.seed, bugs, trace: false, ...(pin.swarm === true ? { swarm: true } : {}) });
  return result.ok ? 'ok' : `${result.kind}: ${result.reason}`;
}

describe('the bug catalogue, each bug caught by a pinned seed', () => {
  it('should pin a failing seed for every catalogued bug', () => {
    expect(BUGS.map((bug) => bug.name).filter((name) => !PINS.has(name))).toEqual([]);
  });

  for (const [bug, pin] of PINS) {
    const where = `${pin.scenario} seed ${pin.seed}${pin.swarm === true ? ' (swarm)' : ''}`;
    it(`should fail ${where} with ${bug} (${pin.kind}: ${pin.reason.source}) and pass it without`, async () => {
      const withBug = await verdict(pin, new Set([bug]));
      expect(withBug.startsWith(`${pin.kind}: `), withBug).toBe(true);
      expect(withBug.slice(pin.kind.length + 2)).toMatch(pin.reason);
      expect(await verdict(pin, new Set())).toBe('ok');
    }, 60_000);
  }
});
