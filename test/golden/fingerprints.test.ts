// Golden traces: one fixed seed of every scenario, and the demo's seed, pinned by fingerprint.
// A run is a pure function of (code, scenario, bug, seed), so these change only when the code
// changes what happens: a new decision, an event more or less, a different latency. That is
// sometimes the point of a change; then read the diff of a run before and after, and update with
// `npx vitest run test/golden -u`. A change meant to be invisible (a speed-up, a refactor) must
// leave every line here alone, and the README's quoted outputs (the demo's fingerprint
// 8fd47aab40a2e691) with them.

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
      "viewservice seed 1: ok · 1550 trace events · 7bdf60e44d3cf1a6
      basic-fail seed 1: ok · 3470 trace events · ade7724af7061a60
      at-most-once seed 1: ok · 2676 trace events · 0eeb6b2a21dddc90
      fail-put seed 1: ok · 1604 trace events · ea560ee86f71482e
      concurrent-same-append seed 1: ok · 3755 trace events · ee2b040e69e49480
      concurrent-same-unreliable seed 1: ok · 14840 trace events · ab246f058af675bf
      repeated-crash seed 1: ok · 143255 trace events · bed617ae900ac904
      repeated-crash-unreliable seed 1: ok · 60192 trace events · 30d41eef47d2aefd
      partition1 seed 1: ok · 1022 trace events · 1c6db9f79ad2b505
      partition2 seed 1: ok · 1425 trace events · 0040b52d1c30b66b
      forward-crash seed 1: ok · 1857 trace events · 04521739f2eb59e7
      kv-faults seed 1: ok · 9204 trace events · a26c9a82b9877ac0
      breakpoint-race seed 1: ok · 1609 trace events · 8f8f78c1901c3e7f"
    `);
  }, 60_000);

  it("should give the demo's run (forward-crash seed 5) the fingerprint the README quotes", async () => {
    expect(await fingerprint('forward-crash', 5)).toMatch(/ · 8fd47aab40a2e691$/);
  });
});
