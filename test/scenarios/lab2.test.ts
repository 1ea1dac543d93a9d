// Every 2015 test, in simulated time, passes against the correct protocol on a few seeds; and a
// run is a pure function of its seed (same seed, same trace).

import { describe, expect, it } from 'vitest';
import { traceHash } from '../../sim/index.ts';
import { SCENARIOS, runScenario } from '../../scenarios/index.ts';

const SEEDS = [1, 2, 3];
/** concurrent-same makes ~75,000 Puts in its 5 s (about 4 s of wall time a seed): one seed. */
const SEEDS_OF = new Map<string, readonly number[]>([['concurrent-same', [1]]]);

describe('the 2015 lab tests against the correct protocol', () => {
  for (const scenario of SCENARIOS) {
    const seeds = SEEDS_OF.get(scenario.name) ?? SEEDS;
    it(`should pass ${scenario.name} on seeds ${seeds.join(', ')}`, async () => {
      for (const seed of seeds) {
        const result = await runScenario(scenario.name, { seed, trace: false });
        const verdict = result.ok ? 'ok' : `${result.kind}: ${result.reason}`;
        expect(verdict, `${scenario.name} seed ${seed}`).toBe('ok');
        expect(result.opCount).toBeGreaterThan(0);
      }
    }, 120_000);
  }

  it('should give the same trace for the same seed', async () => {
    const first = await runScenario('partition1', { seed: 7 });
    const second = await runScenario('partition1', { seed: 7 });
    expect(traceHash(second.trace)).toBe(traceHash(first.trace));
    expect(second.decisions.length).toBe(first.decisions.length);
  }, 60_000);
});
