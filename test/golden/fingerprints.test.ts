// Golden traces: one fixed seed of every scenario, and the demo's seed, pinned by fingerprint.
// A run is a pure function of (code, scenario, bug, seed), so these change only when the code
// changes what happens: a new decision, an event more or less, a different latency. That is
// sometimes the point of a change; then read the diff of a run before and after, and update with
// `npx vitest run test/golden -u`. A change meant to be invisible (a speed-up, a refactor) must
// leave every line here alone, and the README's quoted outputs (the demo's fingerprint
// 8c53b4e738e45fbd) with them.

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
      "viewservice seed 1: ok · 1550 trace events · 15b8fde9b1d2f6fb
      basic-fail seed 1: ok · 3450 trace events · ba84d706821cd9f8
      at-most-once seed 1: ok · 2676 trace events · b2a88e7183d09983
      fail-put seed 1: ok · 1604 trace events · 9badfd2e733e63c8
      concurrent-same-append seed 1: ok · 3755 trace events · 6b73131876d15f96
      concurrent-same-unreliable seed 1: ok · 14347 trace events · a08ee5af6bfb80b5
      repeated-crash seed 1: ok · 142485 trace events · d5c6c78a57835424
      repeated-crash-unreliable seed 1: ok · 57742 trace events · 4894f42896295336
      partition1 seed 1: ok · 1022 trace events · ae7a7662a95c0eac
      partition2 seed 1: ok · 1405 trace events · da2d03f56e8b611b
      forward-crash seed 1: ok · 1857 trace events · 639aa99930f2893b
      kv-faults seed 1: ok · 9204 trace events · 39e53136e6f993c4
      breakpoint-race seed 1: ok · 1596 trace events · 07121142da3914ec"
    `);
  }, 60_000);

  it("should give the demo's run (forward-crash seed 5) the fingerprint the README quotes", async () => {
    expect(await fingerprint('forward-crash', 5)).toMatch(/ · 8c53b4e738e45fbd$/);
  });
});
