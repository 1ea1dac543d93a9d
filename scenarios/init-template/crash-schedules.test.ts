// A fast-check property over crash schedules, run on your servers in the simulator: any plan of
// kills, crashes, pauses and partitions that leaves a primary or its backup standing must keep
// the kv-faults workload linearizable and live. A failure is shrunk to the smallest schedule that
// still fails; replay it with `npx rpcsim run kv-faults --impl . --seed N --plan FILE`.

import { describe, expect, it } from 'vitest';
import { KV_FAULTS_WINDOW, arbFaultPlan, describePlan, fc, isSurvivable, runScenario } from 'rpcsim';
import { implementation } from './index.ts';

describe('my pbservice under crash schedules', () => {
  it('should stay linearizable and live under random survivable fault plans', async () => {
    const plans = arbFaultPlan({ targets: ['s1', 's2', 's3'], ...KV_FAULTS_WINDOW, maxFaults: 4 }).filter((plan) => isSurvivable(plan));
    await fc.assert(
      fc.asyncProperty(plans, fc.integer({ min: 1, max: 1_000_000 }), async (plan, seed) => {
        const result = await runScenario('kv-faults', { seed, faults: plan, impl: implementation, trace: false });
        expect(result.ok ? 'ok' : `${result.kind}: ${result.reason} under ${describePlan(plan)}`).toBe('ok');
      }),
      { numRuns: 12 },
    );
  }, 60_000);
});
