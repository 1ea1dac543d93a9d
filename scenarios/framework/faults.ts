// Which faults a run gets, and what they act on. The plan is the caller's, or the scenario's
// default, or (swarm mode) drawn from the seed with a fault mix drawn first; its targets are the
// scenario's fleet, looked up when each fault strikes, since servers start during the run.

import { SeededChooser, fault } from '../../sim/index.ts';
import { drawFaultPlan, drawSwarmMix, type FaultPlan, type FaultTargets, type FaultType } from '../../sim/faults/index.ts';
import type { FaultCapability } from '../../sim/faults/capability.ts';
import type { NetTiming } from '../../sim/net/timing.ts';
import type { TestContext } from './context.ts';
import type { Scenario } from './scenario.ts';
import { drawMidCallRestart } from './mid-call.ts';

export interface Weather {
  readonly plan: FaultPlan;
  readonly timing: Partial<NetTiming>;
  readonly unreliable: boolean;
}

const CALM: Omit<Weather, 'plan'> = { timing: {}, unreliable: false };

export function resolveFaults(scenario: Scenario, options: { seed: number; faults?: FaultPlan; swarm?: boolean }): Weather {
  if (options.swarm !== true) return { ...CALM, plan: options.faults ?? scenario.defaultFaults ?? [] };
  // A chooser of its own for the weather, seeded by the run's seed: the same seed gives the same
  // weather, and the run's own decision streams are left exactly as they would be without it.
  const chooser = new SeededChooser(options.seed);
  const mix = drawSwarmMix(chooser);
  const targets = scenario.faultTargets ?? [];
  // The mix is always drawn, so the weather (timing, unreliability) is the seed's even when the
  // caller brings its own plan (shrink's candidates, a --plan file). A scenario that names no
  // fault targets keeps its own plan: only its weather changes.
  const kinds = scenario.faultKinds === undefined ? mix.kinds : mix.kinds.filter((kind) => scenario.faultKinds!.includes(kind));
  const shape = { targets, ...faultWindowOf(scenario), ...(scenario.maxPauseMicros === undefined ? {} : { maxPauseMicros: scenario.maxPauseMicros }) };
  const drawn = targets.length === 0 ? (scenario.defaultFaults ?? []) : kinds.length === 0 ? [] : drawFaultPlan(chooser, shape, { faultCount: mix.faultCount, kinds });
  // Drawn after the plan, so a scenario without mid-call restarts keeps the plans it always drew.
  const plan = options.faults ?? [...drawn, ...(targets.length === 0 ? [] : drawMidCallRestart(chooser, scenario.midCallRestarts ?? []))];
  return { plan, timing: mix.timing, unreliable: mix.unreliable };
}

/** Every kind of fault: what a scenario's fleet carries out unless it says otherwise. */
export const ALL_FAULT_ACTIONS: readonly FaultType[] = ['crash', 'kill', 'restart', 'pause', 'partition', 'unreliable', 'drop'];

/** Servers the scenario's own plan strikes or waits on (a plan of them is one it can honour). */
export function ownPlanTargets(scenario: Scenario): string[] {
  return [...new Set((scenario.defaultFaults ?? []).flatMap((p) => ('when' in p ? [p.fault.target, p.when.target] : [p.fault.target])))];
}

/** What a plan given to this scenario (by --plan, or a branch in a page) may ask of it. */
export function faultCapability(scenario: Scenario): FaultCapability {
  return { scenario: scenario.name, targets: [...new Set([...(scenario.faultTargets ?? []), ...ownPlanTargets(scenario)])], actions: scenario.faultActions ?? ALL_FAULT_ACTIONS };
}

export function faultWindowOf(scenario: Scenario): { startMicros: number; horizonMicros: number } {
  return scenario.faultWindow ?? { startMicros: 2_000_000, horizonMicros: Math.floor(scenario.boundMicros / 2) };
}

export function fleetTargets(t: TestContext, scenario: Scenario, plan: FaultPlan): FaultTargets {
  const declared = scenario.faultTargets ?? [...new Set(plan.map((p) => p.fault.target))];
  const via = (verb: (fleet: FaultTargets) => void, target: string): void => {
    if (t.fleet === null || !t.fleet.names().includes(target)) fault(`${target} is not running: nothing to do`);
    else verb(t.fleet);
  };
  return {
    names: () => declared,
    crash: (target) => via((f) => f.crash(target), target),
    kill: (target) => via((f) => f.kill(target), target),
    restart: (target) => via((f) => f.restart(target), target),
    pause: (target) => via((f) => f.pause(target), target),
    resume: (target) => via((f) => f.resume(target), target),
    partition: (target) => via((f) => f.partition(target), target),
    heal: (target) => via((f) => f.heal(target), target),
    setUnreliable: (target, on) => via((f) => f.setUnreliable(target, on), target),
  };
}
