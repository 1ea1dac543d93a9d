// Weather a primary/backup service is meant to survive: state is lost only if every copy dies
// before a new one is made, so destructive faults (crash, kill, restart) are limited in number
// and spaced out. Swarm draws keep to it, so a stall under such a plan is a real liveness bug.

import type { FaultAction, FaultPlan } from './plan.ts';

export interface SurvivableRule {
  readonly maxDestructive: number;
  readonly minGapMicros: number;
}

export const PRIMARY_BACKUP_RULE: SurvivableRule = { maxDestructive: 2, minGapMicros: 1_500_000 };

/** Pauses this short cannot make a viewservice declare a server dead (DeadPings × PingInterval). */
export const HARMLESS_PAUSE_MICROS = 200_000;

/** Faults after which the rest of the system may treat the server as gone: it dies, restarts
 *  empty, is cut off from the viewservice, or is silent long enough to be declared dead. */
export function isDestructive(action: FaultAction): boolean {
  switch (action.type) {
    case 'crash':
    case 'kill':
    case 'restart':
    case 'partition':
      return true;
    case 'pause':
      return action.forMicros > HARMLESS_PAUSE_MICROS;
    case 'unreliable':
    case 'drop':
      return false;
  }
}

/** When a destructive fault's loss is over: a pause or partition lasts its duration. */
export function lossEndMicros(at: number, action: FaultAction): number {
  return action.type === 'pause' || action.type === 'partition' ? at + action.forMicros : at;
}

/** True if the plan's destructive faults are all timed, few enough, and each starts at least
 *  `minGapMicros` after the previous one's loss is over (a pause still running is a loss). */
export function isSurvivable(plan: FaultPlan, rule: SurvivableRule = PRIMARY_BACKUP_RULE): boolean {
  const losses: { at: number; end: number }[] = [];
  for (const planned of plan) {
    if (!isDestructive(planned.fault)) continue;
    if (!('at' in planned)) return false;
    losses.push({ at: planned.at, end: lossEndMicros(planned.at, planned.fault) });
  }
  losses.sort((a, b) => a.at - b.at);
  return losses.length <= rule.maxDestructive && losses.every((loss, i) => i === 0 || loss.at - losses[i - 1]!.end >= rule.minGapMicros);
}
