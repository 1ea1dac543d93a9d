// Golden traces: one fixed seed of every scenario, and the demo's seed, pinned by fingerprint.
// A run is a pure function of (code, scenario, bug, seed), so these change only when the code
// changes what happens: a new decision, an event more or less, a different latency. That is
// sometimes the point of a change; then read the diff of a run before and after, and update with
// `npx vitest run test/golden -u`. A change meant to be invisible (a speed-up, a refactor) must
// leave every line here alone, and the README's quoted outputs (the demo's fingerprint
// 161d9d3e26f60aac) with them.

import { describe, expect, it } from 'vitest';
import { traceHash } from '../../sim/index.ts';
import { SCENARIOS, runScenario } from '../../scenarios/index.ts';

/** concurrent-same makes ~75,000 Puts a seed (seconds of wall time): the lab test runs it. */
const SKIPPED = new Set(['concurrent-same']);

async function fingerprint(name: string, seed: number): Promise<string> {
  const result = await runScenario(name, { seed });
  const verdict = result.ok ? 'ok' : `${result.kind}: ${result.reason}`;
  return `${name} seed ${seed}: ${verdict} · ${result.trace.length} trace events · ${traceHash(result.trace)}`;
}

describe('golden traces', () => {
  it('should give every scenario the same trace on seed 1 as when it was pinned', async () => {
    const lines: string[] = [];
    for (const scenario of SCENARIOS) if (!SKIPPED.has(scenario.name)) lines.push(await fingerprint(scenario.name, 1));
    expect(lines.join('\n')).toMatchInlineSnapshot(`
      "viewservice seed 1: ok · 1550 trace events · 0acfd3ad206ad523
      basic-fail seed 1: ok · 3500 trace events · 557c3c985525bf5e
      at-most-once seed 1: ok · 2673 trace events · 919047552f04398f
      fail-put seed 1: ok · 1594 trace events · c2e17d296c743387
      concurrent-same-append seed 1: ok · 3755 trace events · cac6458db3964d33
      concurrent-same-unreliable seed 1: ok · 14576 trace events · 4cba0caec5e151dc
      repeated-crash seed 1: ok · 136713 trace events · 329faeef029e2bdd
      repeated-crash-unreliable seed 1: ok · 68058 trace events · 8c8e68b464d831d6
      partition1 seed 1: ok · 1022 trace events · 126bb9127b5bd348
      partition2 seed 1: ok · 1405 trace events · 7f92f465df4f7beb
      forward-crash seed 1: ok · 1857 trace events · 1ae59543737ea3c1
      kv-faults seed 1: ok · 9160 trace events · d275b7a8a01f3a9a
      breakpoint-race seed 1: ok · 1052 trace events · 41cd4ab0336db96a
      unreachable-new-backup seed 1: ok · 737 trace events · 4800c7896dcc47f3
      lossy-backup-forwards seed 1: ok · 5733 trace events · 79740e032df26445
      restarted-backup seed 1: ok · 929 trace events · 72f74964205d2fc6
      slow-backup-lost-replies seed 1: ok · 2747 trace events · 512625856a8dadfb
      dead-primary-no-backup seed 1: ok · 433 trace events · 437c7a7cd5c4463a"
    `);
  }, 60_000);

  it("should give the demo's run (forward-crash seed 5) the fingerprint the README quotes", async () => {
    expect(await fingerprint('forward-crash', 5)).toMatch(/ · 161d9d3e26f60aac$/);
  });
});
