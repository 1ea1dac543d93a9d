// The starting implementation `rpcsim init` writes is the reference without its bug switches:
// on every scenario's seed 1 it gives the very trace the reference gives, so a user starts from
// code that passes, and a change they make is the only difference they see.

import { describe, expect, it } from 'vitest';
import { traceHash } from '../../sim/index.ts';
import { SCENARIOS, runScenario } from '../../scenarios/index.ts';
import { implementation } from '../../scenarios/init-template/index.ts';

/** concurrent-same makes ~75,000 Puts a seed (seconds of wall time): the lab test runs it. */
const SKIPPED = new Set(['concurrent-same']);

describe('the rpcsim init template', () => {
  it('should give the trace of the reference on seed 1 of every scenario', async () => {
    const differ: string[] = [];
    for (const scenario of SCENARIOS) {
      if (SKIPPED.has(scenario.name)) continue;
      const mine = await runScenario(scenario.name, { seed: 1, impl: implementation });
      const reference = await runScenario(scenario.name, { seed: 1 });
      expect(mine.ok, `${scenario.name}: ${mine.ok ? '' : mine.reason}`).toBe(true);
      if (traceHash(mine.trace) !== traceHash(reference.trace)) differ.push(scenario.name);
    }
    expect(differ).toEqual([]);
  }, 120_000);
});
