// Carries out a fault plan during a run. Timed faults are kernel callbacks at their instant;
// triggered faults watch the journal and strike in the very step that matched, so "crash s2 when
// it receives its 1st Forward" crashes it after the read and before any handler runs.

import { assert, unreachable } from '../kernel/assert.ts';
import type { TraceEvent } from '../trace/events.ts';
import type { World } from '../world.ts';
import { describePlannedFault, triggerMayNameAnyProcess, type FaultAction, type FaultPlan, type PlannedFault, type Trigger } from './plan.ts';
import type { FaultTargets } from './targets.ts';
import { armDrop } from './drop.ts';

export function checkPlan(plan: FaultPlan, targets: FaultTargets): string | null {
  const names = new Set(targets.names());
  for (const planned of plan) {
    if (!names.has(planned.fault.target)) return `fault "${describePlannedFault(planned)}" names unknown server ${planned.fault.target} (known: ${[...names].join(', ')})`;
    if ('when' in planned && !triggerMayNameAnyProcess(planned) && !names.has(planned.when.target)) return `trigger of "${describePlannedFault(planned)}" names unknown server ${planned.when.target}`;
  }
  return null;
}

/**
 * Installs `plan` on `world`. Returns what has not struck so far: call it after the run to tell
 * a user whose plan names a method that is never called, or a time past the run's end, that an
 * entry did nothing (a drop counts once it has taken its message, not when it is armed).
 */
export function installFaultPlan(world: World, plan: FaultPlan, targets: FaultTargets): () => readonly PlannedFault[] {
  const problem = checkPlan(plan, targets);
  assert(problem === null, problem ?? '');
  const struck = new Set<PlannedFault>();
  const unstruck = (): readonly PlannedFault[] => plan.filter((planned) => !struck.has(planned));
  const triggered: { planned: PlannedFault & { when: Trigger }; seen: number; fired: boolean }[] = [];
  for (const planned of plan) {
    if ('at' in planned) {
      assert(planned.at >= world.kernel.nowMicros, `fault at ${planned.at} µs is in the past`);
      world.kernel.at(planned.at - world.kernel.nowMicros, () => strike(world, planned, targets, struck));
    } else triggered.push({ planned, seen: 0, fired: false });
  }
  if (triggered.length === 0) return unstruck;
  world.journal.onEvent((event) => {
    for (const watch of triggered) {
      if (watch.fired || !triggerMatches(watch.planned.when, event)) continue;
      if (++watch.seen === watch.planned.when.nth) {
        watch.fired = true;
        strike(world, watch.planned, targets, struck);
      }
    }
  });
  return unstruck;
}

function processName(label: string): string {
  const hash = label.indexOf('#');
  return hash < 0 ? label : label.slice(0, hash);
}

/** Whether `event` is one `trigger` counts (exported for the debugger breakpoint, breakpoint.ts). */
export function triggerMatches(trigger: Trigger, event: TraceEvent): boolean {
  if (processName(event.proc) !== trigger.target) return false;
  switch (trigger.on) {
    case 'receive':
      return event.type === 'recv' && event.what.startsWith(`${trigger.method} #`) && event.what.endsWith('request');
    case 'send':
      return event.type === 'send' && event.what.startsWith(`${trigger.method} #`) && event.what.endsWith('request');
    case 'serve':
      return event.type === 'rpc-serve' && event.method === trigger.method;
    default:
      return unreachable(trigger.on, 'trigger');
  }
}

function strike(world: World, planned: PlannedFault, targets: FaultTargets, struck: Set<PlannedFault>): void {
  world.within(world.faultProcess, () => {
    // A drop is only armed here; its trace line is written when it takes a message.
    if (planned.fault.type === 'drop') armDrop(world, planned.fault, () => struck.add(planned));
    else {
      struck.add(planned);
      world.note({ type: 'fault', text: describePlannedFault(planned) });
      apply(world, planned.fault, targets);
    }
  });
}

function apply(world: World, action: FaultAction, targets: FaultTargets): void {
  switch (action.type) {
    case 'crash': return targets.crash(action.target);
    case 'kill': return targets.kill(action.target);
    case 'restart': return targets.restart(action.target);
    case 'unreliable': return targets.setUnreliable(action.target, action.on);
    case 'pause':
      targets.pause(action.target);
      world.kernel.at(action.forMicros, () => world.within(world.faultProcess, () => targets.resume(action.target)));
      return;
    case 'partition':
      targets.partition(action.target);
      world.kernel.at(action.forMicros, () => world.within(world.faultProcess, () => targets.heal(action.target)));
      return;
    case 'drop':
      return armDrop(world, action);
    default:
      return unreachable(action, 'fault');
  }
}
