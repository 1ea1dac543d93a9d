// Fault plans as fast-check arbitraries, for users' own property tests:
//   fc.assert(fc.asyncProperty(arbFaultPlan({ targets: ['s1', 's2'] }), async (plan) => ...))
// Plans shrink toward fewer faults (the array shrinks), later faults (a time is drawn as an
// offset back from the horizon, and offsets shrink to 0), and simpler ones (kinds are listed
// simplest first, trigger counts shrink to 1, durations to their minimum).

import fc from 'fast-check';
import type { FaultAction, FaultPlan, FaultType, PlannedFault, Trigger } from './plan.ts';

export interface FaultPlanShape {
  /** Process names faults may hit, e.g. ['s1', 's2', 's3']. */
  readonly targets: readonly string[];
  /** Faults happen in [startMicros, horizonMicros]. */
  readonly startMicros?: number;
  readonly horizonMicros?: number;
  readonly maxFaults?: number;
  /** Which kinds to draw, simplest first (the order shrinking moves toward). */
  readonly kinds?: readonly FaultType[];
  /** RPC methods triggers may watch; none means timed faults only. */
  readonly triggerMethods?: readonly string[];
  readonly maxPauseMicros?: number;
}

export const SIMPLEST_FIRST: readonly FaultType[] = ['kill', 'crash', 'pause', 'partition', 'restart', 'unreliable'];

export function arbFaultAction(shape: FaultPlanShape): fc.Arbitrary<FaultAction> {
  const target = fc.constantFrom(...shape.targets);
  const duration = fc.integer({ min: 100_000, max: shape.maxPauseMicros ?? 2_000_000 });
  const kinds = shape.kinds ?? SIMPLEST_FIRST;
  return fc.constantFrom(...kinds).chain((type): fc.Arbitrary<FaultAction> => {
    switch (type) {
      case 'crash':
      case 'kill':
      case 'restart':
        return target.map((t) => ({ type, target: t }));
      case 'pause':
      case 'partition':
        return fc.tuple(target, duration).map(([t, forMicros]) => ({ type, target: t, forMicros }));
      case 'unreliable':
        return fc.tuple(target, fc.boolean()).map(([t, off]) => ({ type, target: t, on: !off }));
      case 'drop':
        return fc.tuple(target, fc.constantFrom('request' as const, 'reply' as const)).map(([t, message]) => ({ type, target: t, message }));
    }
  });
}

export function arbTrigger(shape: FaultPlanShape): fc.Arbitrary<Trigger> {
  const methods = shape.triggerMethods ?? [];
  return fc.record({
    on: fc.constantFrom('receive' as const, 'serve' as const, 'send' as const),
    target: fc.constantFrom(...shape.targets),
    method: fc.constantFrom(...methods),
    nth: fc.integer({ min: 1, max: 20 }),
  });
}

export function arbPlannedFault(shape: FaultPlanShape): fc.Arbitrary<PlannedFault> {
  const start = shape.startMicros ?? 0;
  const horizon = shape.horizonMicros ?? 10_000_000;
  const timed = fc
    .tuple(fc.integer({ min: 0, max: horizon - start }), arbFaultAction(shape))
    .map(([back, fault]): PlannedFault => ({ at: horizon - back, fault }));
  if ((shape.triggerMethods ?? []).length === 0) return timed;
  const triggered = fc.tuple(arbTrigger(shape), arbFaultAction(shape)).map(([when, fault]): PlannedFault => ({ when, fault }));
  return fc.oneof(timed, triggered);
}

export function arbFaultPlan(shape: FaultPlanShape): fc.Arbitrary<FaultPlan> {
  return fc.array(arbPlannedFault(shape), { minLength: 0, maxLength: shape.maxFaults ?? 4 });
}
