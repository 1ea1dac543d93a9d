// Golden traces: one fixed seed of every scenario, and the demo's seed, pinned by fingerprint.
// A run is a pure function of (code, scenario, bug, seed), so these change only when the code
// changes what happens: a new decision, an event more or less, a different latency. That is
// sometimes the point of a change; then read the diff of a run before and after, and update with
// `npx vitest run test/golden -u`. A change meant to be invisible (a speed-up, a refactor) must
// leave every line here alone, and the README's quoted outputs (the demo's fingerprint
// 244a8078d01e8202) with them.

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
      "viewservice seed 1: ok · 1550 trace events · 52f3061e147f1d70
      basic-fail seed 1: ok · 3500 trace events · c7a591f135ae8687
      at-most-once seed 1: ok · 2675 trace events · 4aa6cdd52ea07c83
      fail-put seed 1: ok · 1604 trace events · 0719c803b5627fd9
      concurrent-same-append seed 1: ok · 3735 trace events · e22017c28215ca88
      concurrent-same-unreliable seed 1: ok · 14237 trace events · 4924b83270fe9a34
      repeated-crash seed 1: ok · 144635 trace events · 6a13d3be41e6cfbc
      repeated-crash-unreliable seed 1: ok · 53521 trace events · 091d9636cb21ae20
      partition1 seed 1: ok · 1022 trace events · e6634a43744f41b9
      partition2 seed 1: ok · 1425 trace events · 13dbbed6a7f35398
      forward-crash seed 1: ok · 1857 trace events · 9a23997614bc7a00
      kv-faults seed 1: ok · 9160 trace events · 9e79eafbe3f3fcc1
      breakpoint-race seed 1: ok · 1074 trace events · e411201cc3305442"
    `);
  }, 60_000);

  it("should give the demo's run (forward-crash seed 5) the fingerprint the README quotes", async () => {
    expect(await fingerprint('forward-crash', 5)).toMatch(/ · 244a8078d01e8202$/);
  });
});
