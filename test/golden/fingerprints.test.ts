// Golden traces: one fixed seed of every scenario, and the demo's seed, pinned by fingerprint.
// A run is a pure function of (code, scenario, bug, seed), so these change only when the code
// changes what happens: a new decision, an event more or less, a different latency. That is
// sometimes the point of a change; then read the diff of a run before and after, and update with
// `npx vitest run test/golden -u`. A change meant to be invisible (a speed-up, a refactor) must
// leave every line here alone, and the README's quoted outputs (the demo's fingerprint
// f40b081b2e97cd69) with them.

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
      "viewservice seed 1: ok · 1550 trace events · 9ba80693ac38eead
      basic-fail seed 1: ok · 3500 trace events · 3e610cf34dc74875
      at-most-once seed 1: ok · 2675 trace events · 8d292f708280d91a
      fail-put seed 1: ok · 1604 trace events · ae777187334ed5f5
      concurrent-same-append seed 1: ok · 3705 trace events · 75d55b0df6d8112f
      concurrent-same-unreliable seed 1: ok · 13695 trace events · 822d8bf0c6c9b63a
      repeated-crash seed 1: ok · 148365 trace events · 643089268074af2c
      repeated-crash-unreliable seed 1: ok · 67795 trace events · a3554cfda98e6d67
      partition1 seed 1: ok · 1022 trace events · 3afdfea260d25eb4
      partition2 seed 1: ok · 1405 trace events · 1c7c3274994126de
      forward-crash seed 1: ok · 1857 trace events · 70b147194a7e95cb
      kv-faults seed 1: ok · 9204 trace events · ed569bd9e0e6f3eb
      breakpoint-race seed 1: ok · 1232 trace events · 81960cb0d6d80166"
    `);
  }, 60_000);

  it("should give the demo's run (forward-crash seed 5) the fingerprint the README quotes", async () => {
    expect(await fingerprint('forward-crash', 5)).toMatch(/ · f40b081b2e97cd69$/);
  });
});
