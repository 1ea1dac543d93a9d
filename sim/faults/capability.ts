// What a scenario can do to its servers, and whether a fault plan asks only for that: the one
// check behind both `--plan` on the command line and a branch made in a page, so a plan the page
// runs is a plan the CLI runs too. A plan strikes the scenario's fault targets (or those of its
// own plan) with the kinds of fault its fleet can carry out; a drop's trigger may name a client.

import { triggerMayNameAnyProcess, type FaultPlan, type PlannedFault } from './plan.ts';

export interface FaultCapability {
  readonly scenario: string;
  /** Servers a plan may strike: the declared fault targets and those the scenario's own plan names. */
  readonly targets: readonly string[];
  /** The fault kinds the scenario's fleet can carry out. */
  readonly actions: readonly string[];
}

/** Why the scenario cannot take any plan, or null. */
export function planRefusal(capability: FaultCapability): string | null {
  if (capability.targets.length > 0) return null;
  return `${capability.scenario} declares no fault targets, so a plan would strike nothing`;
}

/** Why entry `index` of a plan cannot be honoured ("entry 2 targets ..."), or null. */
export function planEntryProblem(capability: FaultCapability, index: number, planned: PlannedFault): string | null {
  const { scenario, targets, actions } = capability;
  // "Not one of its targets", not "does not have": a story's script may act on servers (kill s1)
  // that no plan may strike.
  const known = `its fault targets are ${targets.join(', ')}`;
  if (!actions.includes(planned.fault.type)) return `entry ${index} is a ${planned.fault.type}, which ${scenario} cannot carry out; it takes ${actions.join(', ')}`;
  if (!targets.includes(planned.fault.target)) return `entry ${index} targets "${planned.fault.target}", which is not a fault target of ${scenario}; ${known}`;
  if ('when' in planned && !triggerMayNameAnyProcess(planned) && !targets.includes(planned.when.target)) {
    return `entry ${index} waits on "${planned.when.target}", which is not a fault target of ${scenario}; ${known}`;
  }
  return null;
}

/** The first problem with `plan`, or null. */
export function planProblem(capability: FaultCapability, plan: FaultPlan): string | null {
  const refusal = planRefusal(capability);
  if (refusal !== null) return refusal;
  for (const [i, planned] of plan.entries()) {
    const problem = planEntryProblem(capability, i, planned);
    if (problem !== null) return problem;
  }
  return null;
}
