// Fault plans drawn from the seed, before the run, through the world's chooser (kind
// 'fault.plan'), so a replay of the decision log redraws the same plan. Swarm testing (Groce et
// al.): the seed first picks a fault *mix* (how many faults, which kinds, how unreliable, how
// spread the latencies), then the plan; different seeds explore very different weather.

import type { Chooser } from '../kernel/chooser.ts';
import type { NetTiming } from '../net/timing.ts';
import { SIMPLEST_FIRST, type FaultPlanShape } from './arbitraries.ts';
import type { FaultAction, FaultPlan, FaultType, PlannedFault } from './plan.ts';

export interface FaultMix {
  readonly faultCount: number;
  readonly kinds: readonly FaultType[];
  /** Servers start unreliable (the 6.824 accept-loop drops). */
  readonly unreliable: boolean;
  readonly timing: Partial<NetTiming>;
}

function between(chooser: Chooser, min: number, max: number): number {
  return max <= min ? min : min + chooser.pick('fault.plan', max - min + 1);
}

export function drawSwarmMix(chooser: Chooser): FaultMix {
  const kinds = SIMPLEST_FIRST.filter((kind) => kind !== 'unreliable' && chooser.pick('fault.plan', 2) === 1);
  return {
    faultCount: between(chooser, 0, 6),
    kinds: kinds.length > 0 ? kinds : ['crash'],
    unreliable: chooser.pick('fault.plan', 3) === 0,
    timing: { wakeMicrosMin: between(chooser, 1, 20), wakeMicrosMax: between(chooser, 40, 2_000) },
  };
}

function drawAction(chooser: Chooser, shape: FaultPlanShape, kinds: readonly FaultType[]): FaultAction {
  const type = kinds[chooser.pick('fault.plan', kinds.length)]!;
  const target = shape.targets[chooser.pick('fault.plan', shape.targets.length)]!;
  switch (type) {
    case 'crash':
    case 'kill':
    case 'restart':
      return { type, target };
    case 'pause':
    case 'partition':
      return { type, target, forMicros: between(chooser, 100_000, shape.maxPauseMicros ?? 2_000_000) };
    case 'unreliable':
      return { type, target, on: chooser.pick('fault.plan', 2) === 0 };
  }
}

export function drawFaultPlan(chooser: Chooser, shape: FaultPlanShape, mix: Pick<FaultMix, 'faultCount' | 'kinds'>): FaultPlan {
  const start = shape.startMicros ?? 0;
  const horizon = shape.horizonMicros ?? 10_000_000;
  const plan: PlannedFault[] = [];
  for (let i = 0; i < mix.faultCount; i++) {
    plan.push({ at: between(chooser, start, horizon), fault: drawAction(chooser, shape, mix.kinds) });
  }
  return plan.sort((a, b) => ('at' in a && 'at' in b ? a.at - b.at : 0));
}
