// Fault plans drawn from the seed, before the run, through the world's chooser (kind
// 'fault.plan'), so a replay of the decision log redraws the same plan. Swarm testing (Groce et
// al.): the seed first picks a fault *mix* (how many faults, which kinds, how unreliable, how
// spread the latencies), then the plan; different seeds explore very different weather.

import type { Chooser } from '../kernel/chooser.ts';
import type { NetTiming } from '../net/timing.ts';
import { SIMPLEST_FIRST, type FaultPlanShape } from './arbitraries.ts';
import type { FaultAction, FaultPlan, FaultType, PlannedFault } from './plan.ts';
import { HARMLESS_PAUSE_MICROS, isDestructive, lossEndMicros, PRIMARY_BACKUP_RULE, type SurvivableRule } from './survivable.ts';

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
    case 'drop':
      return { type, target, message: chooser.pick('fault.plan', 2) === 0 ? 'request' : 'reply' };
  }
}

/** Draws a timed plan; a destructive fault that would break `rule` becomes a pause instead. */
export function drawFaultPlan(chooser: Chooser, shape: FaultPlanShape, mix: Pick<FaultMix, 'faultCount' | 'kinds'>, rule: SurvivableRule = PRIMARY_BACKUP_RULE): FaultPlan {
  const start = shape.startMicros ?? 0;
  const horizon = shape.horizonMicros ?? 10_000_000;
  const drawn: { at: number; fault: FaultAction }[] = [];
  for (let i = 0; i < mix.faultCount; i++) drawn.push({ at: between(chooser, start, horizon), fault: drawAction(chooser, shape, mix.kinds) });
  drawn.sort((a, b) => a.at - b.at);
  const lossEnds: number[] = [];
  return drawn.map((planned): PlannedFault => {
    if (!isDestructive(planned.fault)) return planned;
    const lastEnd = lossEnds[lossEnds.length - 1];
    if (lossEnds.length < rule.maxDestructive && (lastEnd === undefined || planned.at - lastEnd >= rule.minGapMicros)) {
      lossEnds.push(lossEndMicros(planned.at, planned.fault));
      return planned;
    }
    return { at: planned.at, fault: { type: 'pause', target: planned.fault.target, forMicros: HARMLESS_PAUSE_MICROS } };
  });
}
