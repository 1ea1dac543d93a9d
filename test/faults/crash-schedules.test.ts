// The worked example a user can copy: fast-check properties over random crash schedules, run in
// the simulator, with failures shrunk to the smallest schedule that still fails.
//
//   fc.assert(fc.asyncProperty(arbFaultPlan(shape), async (plan) =>
//     (await runScenario('kv-faults', { seed: 1, faults: plan })).ok))

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbFaultPlan, describePlan, isSurvivable, type FaultPlan, type FaultPlanShape } from '../../sim/faults/index.ts';
import { runScenario } from '../../scenarios/index.ts';
import { KV_FAULTS_WINDOW } from '../../scenarios/stories/kv-faults.ts';
import type { BugName } from '../../protocol/index.ts';

const TARGETS = ['s1', 's2', 's3'];

const timedShape: FaultPlanShape = { targets: TARGETS, ...KV_FAULTS_WINDOW, maxFaults: 4 };

describe('crash schedules › the correct implementation', () => {
  it('should stay linearizable and live under random survivable fault plans', async () => {
    await fc.assert(
      fc.asyncProperty(arbFaultPlan(timedShape).filter((plan) => isSurvivable(plan)), fc.integer({ min: 1, max: 1_000_000 }), async (plan, seed) => {
        const result = await runScenario('kv-faults', { seed, faults: plan, trace: false });
        expect(result.ok ? 'ok' : `${result.kind}: ${result.reason} under ${describePlan(plan)}`).toBe('ok');
      }),
      { numRuns: 12 },
    );
    // Twelve kv-faults runs take 2-4 s on a quiet 2-core machine, more on a shared one.
  }, 30_000);
});

/** Runs the property for one bug; returns the shrunk counterexample plan. */
async function shrunkCounterexample(bug: BugName, shape: FaultPlanShape, seed: number): Promise<FaultPlan | null> {
  const details = await fc.check(
    fc.asyncProperty(arbFaultPlan(shape), async (plan) => {
      const result = await runScenario('kv-faults', { seed, faults: plan, bugs: new Set([bug]), trace: false });
      return result.ok;
    }),
    { numRuns: 60, seed: 42, endOnFailure: false },
  );
  return details.counterexample?.[0] ?? null;
}

describe('crash schedules › catalogued bugs', () => {
  const cases: readonly { bug: BugName; kinds: FaultPlanShape['kinds'] }[] = [
    { bug: 'get-not-forwarded', kinds: ['partition', 'pause', 'crash'] },
    { bug: 'ignore-forward-result', kinds: ['unreliable', 'crash', 'kill'] },
    { bug: 'unreachable-backup-as-none', kinds: ['partition', 'pause', 'crash'] },
    { bug: 'no-dup-detection', kinds: ['unreliable', 'crash'] },
    { bug: 'dup-table-not-replicated', kinds: ['unreliable', 'kill', 'crash'] },
    { bug: 'fresh-id-per-retry', kinds: ['unreliable', 'crash'] },
  ];
  for (const { bug, kinds } of cases) {
    it(`should catch ${bug} and shrink its schedule to at most three faults`, async () => {
      const shape: FaultPlanShape = { targets: TARGETS, ...KV_FAULTS_WINDOW, maxFaults: 6, ...(kinds ? { kinds } : {}) };
      const plan = await shrunkCounterexample(bug, shape, 7);
      expect(plan, `no failing plan found for ${bug}`).not.toBeNull();
      expect(plan!.length).toBeLessThanOrEqual(3);
      // The shrunk plan replays exactly: it fails again, the same way, with the same trace.
      const again = await runScenario('kv-faults', { seed: 7, faults: plan!, bugs: new Set([bug]) });
      const twice = await runScenario('kv-faults', { seed: 7, faults: plan!, bugs: new Set([bug]) });
      expect(again.ok).toBe(false);
      expect(JSON.stringify(twice.trace)).toBe(JSON.stringify(again.trace));
    }, 120_000);
  }
});
