// Faults in the eleven 2015 tests: each pbservice lab test names its servers as fault targets,
// so --swarm draws faults on top of the test's own script (pauses shorter than the DeadPings
// window, which the reference survives, while the test runs; and, in the tests whose steps allow
// it, one restart mid-call on a typed trigger) and --plan strikes the lab servers.

import { describe, expect, it } from 'vitest';
import { SCENARIOS, runScenario } from '../../scenarios/index.ts';
import { HARMLESS_PAUSE_MICROS } from '../../sim/faults/survivable.ts';
import type { FaultPlan } from '../../sim/faults/index.ts';

const LAB = SCENARIOS.filter((s) => s.description.startsWith('Test') && s.name !== 'viewservice');

describe('faults in the lab tests', () => {
  it('should give every pbservice lab test fault targets, survivable kinds and a window inside the test', () => {
    expect(LAB.map((s) => s.name).sort((a, b) => a.localeCompare(b))).toHaveLength(10);
    for (const scenario of LAB) {
      expect(scenario.faultTargets?.length, scenario.name).toBeGreaterThan(0);
      expect(scenario.faultKinds, scenario.name).toEqual(['pause']);
      expect(scenario.faultWindow!.horizonMicros, scenario.name).toBeLessThan(scenario.boundMicros / 2);
    }
  });

  it('should draw short pauses of the declared servers under swarm, and pass with the reference', async () => {
    let struck = 0;
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const result = await runScenario('partition1', { seed, swarm: true, trace: true });
      expect(result.ok, `seed ${seed}: ${result.ok ? '' : result.reason}`).toBe(true);
      for (const planned of result.faults) {
        expect(planned.fault.type).toBe('pause');
        expect(['s1', 's2']).toContain(planned.fault.target);
        if (planned.fault.type === 'pause') expect(planned.fault.forMicros).toBeLessThanOrEqual(HARMLESS_PAUSE_MICROS);
      }
      struck += result.trace.filter((e) => e.type === 'pause').length;
    }
    expect(struck).toBeGreaterThan(0); // the pauses land while the test runs, not after it
  });

  it('should declare mid-call restarts only in the tests whose checks survive them', () => {
    const withRestarts = LAB.filter((s) => (s.midCallRestarts ?? []).length > 0).map((s) => s.name);
    expect(withRestarts.sort((a, b) => a.localeCompare(b))).toEqual(['basic-fail', 'concurrent-same', 'concurrent-same-append', 'concurrent-same-unreliable', 'fail-put']);
  });

  it('should restart a lab server mid-call under swarm, behind the test\'s own handle, and pass with the reference', async () => {
    const kinds = new Set<string>();
    // Seeds whose draws include both kinds: restart alone (1, 5) and crash then restart (9, 15).
    for (const seed of [1, 5, 9, 15]) {
      const result = await runScenario('basic-fail', { seed, swarm: true, trace: true });
      expect(result.ok, `seed ${seed}: ${result.ok ? '' : result.reason}`).toBe(true);
      const restart = result.faults.find((p) => p.fault.type === 'restart');
      expect(restart, `seed ${seed}`).toBeDefined();
      expect(restart).toMatchObject({ when: { on: 'serve', target: 's2', method: 'PBServer.Forward' } });
      kinds.add(result.faults.some((p) => p.fault.type === 'crash') ? 'crash+restart' : 'restart');
      // The fresh s2 runs: a second process of that name started, and it served after the fault.
      const struck = result.trace.findIndex((e) => e.type === 'fault' && e.text.startsWith('restart s2'));
      expect(struck).toBeGreaterThan(0);
      expect(result.trace.slice(struck).some((e) => e.proc === 's2#2' && e.type === 'rpc-serve')).toBe(true);
    }
    expect([...kinds].sort()).toEqual(['crash+restart', 'restart']);
  });

  it('should carry out a --plan on a lab server: a crash of the primary fails the test that needs it', async () => {
    const plan: FaultPlan = [{ at: 1_500_000, fault: { type: 'crash', target: 's1' } }];
    const result = await runScenario('fail-put', { seed: 1, faults: plan, trace: false });
    expect(result.faults).toEqual(plan);
    expect(result.ok).toBe(false);
  });
});
