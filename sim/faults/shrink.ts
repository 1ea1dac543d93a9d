// Shrinking a failing fault plan to a small one that still fails (delta debugging, greedy):
// drop faults one at a time, then move each timed fault as late as it will go (binary search),
// then shorten pauses and partitions. Each candidate is judged by re-running it, so every step
// keeps a plan that really fails; the result replays exactly because runs are deterministic.

import type { FaultPlan, PlannedFault } from './plan.ts';

export interface ShrinkOptions {
  /** Faults may not move past this time. */
  readonly horizonMicros: number;
  /** Upper bound on re-runs, so shrinking always ends. */
  readonly maxRuns?: number;
  /** Called after each re-run, for a progress line. */
  readonly onStep?: (runs: number, plan: FaultPlan) => void;
}

export interface ShrinkResult {
  readonly plan: FaultPlan;
  readonly runs: number;
}

type StillFails = (plan: FaultPlan) => Promise<boolean>;

export async function shrinkPlan(start: FaultPlan, stillFails: StillFails, options: ShrinkOptions): Promise<ShrinkResult> {
  const maxRuns = options.maxRuns ?? 200;
  let runs = 0;
  const test = async (candidate: FaultPlan): Promise<boolean> => {
    if (runs >= maxRuns) return false;
    runs++;
    const fails = await stillFails(candidate);
    options.onStep?.(runs, candidate);
    return fails;
  };
  let plan = await dropFaults(start, test);
  plan = await delayFaults(plan, test, options.horizonMicros);
  plan = await shortenDurations(plan, test);
  return { plan, runs };
}

async function dropFaults(plan: FaultPlan, test: StillFails): Promise<FaultPlan> {
  let current = [...plan];
  for (let i = current.length - 1; i >= 0; i--) {
    const without = current.filter((_, j) => j !== i);
    if (await test(without)) current = without;
  }
  return current;
}

function replaceAt(plan: FaultPlan, index: number, fault: PlannedFault): FaultPlan {
  return plan.map((p, i) => (i === index ? fault : p));
}

async function delayFaults(plan: FaultPlan, test: StillFails, horizonMicros: number): Promise<FaultPlan> {
  let current = plan;
  for (let i = 0; i < current.length; i++) {
    const planned = current[i]!;
    if (!('at' in planned)) continue;
    // Binary search for the latest time that still fails, to millisecond precision.
    let failing = planned.at;
    let passing = horizonMicros + 1;
    while (passing - failing > 1_000) {
      const mid = Math.floor((failing + passing) / 2);
      const candidate = replaceAt(current, i, { ...planned, at: mid });
      if (await test(candidate)) failing = mid;
      else passing = mid;
    }
    current = replaceAt(current, i, { ...planned, at: failing });
  }
  return current;
}

async function shortenDurations(plan: FaultPlan, test: StillFails): Promise<FaultPlan> {
  let current = plan;
  for (let i = 0; i < current.length; i++) {
    const planned = current[i]!;
    const fault = planned.fault;
    if (fault.type !== 'pause' && fault.type !== 'partition') continue;
    for (const forMicros of [100_000, 500_000, 1_000_000]) {
      if (forMicros >= fault.forMicros) break;
      const candidate = replaceAt(current, i, { ...planned, fault: { ...fault, forMicros } });
      if (await test(candidate)) {
        current = candidate;
        break;
      }
    }
  }
  return current;
}
