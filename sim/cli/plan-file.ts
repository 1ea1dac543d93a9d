// Fault plans on disk (`--plan FILE`): the JSON of a FaultPlan, as `shrink` writes it or a user
// writes by hand. Reading checks every field and names the first thing wrong, in one line.

import { readFileSync, writeFileSync } from 'node:fs';
import type { FaultAction, FaultPlan, PlannedFault, Trigger } from '../faults/plan.ts';
import { UsageError, fileReadError } from './usage-error.ts';

const ACTIONS = new Set(['crash', 'kill', 'restart', 'pause', 'partition', 'unreliable', 'drop']);

/** The fields each fault type reads: any other field is a typo or a field of another type, and
 *  the run would go on without it, so it is refused rather than ignored. */
const FAULT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  crash: [], kill: [], restart: [], pause: ['forMicros'], partition: ['forMicros'], unreliable: ['on'], drop: ['message'],
};
const TRIGGER_FIELDS = ['on', 'target', 'method', 'nth'];

export function writePlanFile(path: string, plan: FaultPlan): void {
  writeFileSync(path, JSON.stringify(plan, null, 2) + '\n');
}

export function readPlanFile(path: string): FaultPlan {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw fileReadError('fault plan', path, error);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`${path} is not JSON: a fault plan is a JSON array like [{"at": 2000000, "fault": {"type": "crash", "target": "s1"}}]`);
  }
  return checkPlan(path, data);
}

/** A fault plan read from JSON (a --plan file, or a trace file's header), checked entry by entry. */
export function checkPlan(where: string, data: unknown): FaultPlan {
  if (!Array.isArray(data)) throw new UsageError(`${where}: a fault plan is a JSON array of {at|when, fault} entries`);
  return data.map((entry, i) => checkEntry(where, i, entry));
}

function checkEntry(path: string, index: number, entry: unknown): PlannedFault {
  const where = `${path}: entry ${index}`;
  if (typeof entry !== 'object' || entry === null) throw new UsageError(`${where} is not an object`);
  const e = entry as Record<string, unknown>;
  if ('at' in e && 'when' in e) throw new UsageError(`${where} has both "at" and "when": give one (a virtual time in microseconds, or a trigger)`);
  refuseUnknownFields(where, 'an entry', e, ['at', 'when', 'fault']);
  const fault = checkAction(where, e['fault']);
  if (typeof e['at'] === 'number' && Number.isSafeInteger(e['at']) && e['at'] >= 0) return { at: e['at'], fault };
  if (typeof e['when'] === 'object' && e['when'] !== null) return { when: checkTrigger(where, e['when'] as Record<string, unknown>), fault };
  // Present but of the wrong kind ("at": "3000000"): say what it is, not that it is missing.
  if ('at' in e) throw new UsageError(`${where}: "at" is ${JSON.stringify(e['at'])}; it must be a whole number of virtual microseconds, 0 or more, e.g. "at": 3000000`);
  if ('when' in e) throw new UsageError(`${where}: "when" is ${JSON.stringify(e['when'])}; it must be a trigger object like {"on": "send", "target": "s2", "method": "PBServer.Forward", "nth": 1}`);
  throw new UsageError(`${where} needs "at" (virtual microseconds, a whole number) or "when" (a trigger)`);
}

function checkAction(where: string, value: unknown): FaultAction {
  if (typeof value !== 'object' || value === null) throw new UsageError(`${where}: "fault" must be an object like {"type": "crash", "target": "s1"}`);
  const a = value as Record<string, unknown>;
  if (typeof a['type'] !== 'string' || !ACTIONS.has(a['type'])) throw new UsageError(`${where}: fault type must be one of ${[...ACTIONS].join(', ')}`);
  if (typeof a['target'] !== 'string' || a['target'].length === 0) throw new UsageError(`${where}: fault needs a "target" server name, e.g. "s1"`);
  if ((a['type'] === 'pause' || a['type'] === 'partition') && !(Number.isSafeInteger(a['forMicros']) && (a['forMicros'] as number) > 0)) {
    throw new UsageError(`${where}: a ${a['type']} needs "forMicros", a positive whole number of virtual microseconds`);
  }
  if (a['type'] === 'unreliable' && typeof a['on'] !== 'boolean') throw new UsageError(`${where}: "unreliable" needs "on": true or false`);
  if (a['type'] === 'drop' && a['message'] !== 'request' && a['message'] !== 'reply') {
    throw new UsageError(`${where}: a drop needs "message": "request" or "reply" (which half of the next call to ${a['target']} to lose)`);
  }
  refuseUnknownFields(where, `a ${a['type']}`, a, ['type', 'target', ...FAULT_FIELDS[a['type']]!]);
  return a as unknown as FaultAction;
}

function checkTrigger(where: string, t: Record<string, unknown>): Trigger {
  const ok = (t['on'] === 'receive' || t['on'] === 'serve' || t['on'] === 'send') && typeof t['target'] === 'string' && typeof t['method'] === 'string' && Number.isSafeInteger(t['nth']) && (t['nth'] as number) >= 1;
  if ('nth' in t && !(Number.isSafeInteger(t['nth']) && (t['nth'] as number) >= 1)) throw new UsageError(`${where}: "nth" is ${JSON.stringify(t['nth'])}; it must be a whole number, 1 or more (the 1st, 2nd, ... matching message)`);
  if (!ok) throw new UsageError(`${where}: "when" needs on (receive|serve|send), target, method and nth ≥ 1`);
  refuseUnknownFields(where, '"when"', t, TRIGGER_FIELDS);
  return t as unknown as Trigger;
}

function refuseUnknownFields(where: string, what: string, value: Record<string, unknown>, known: readonly string[]): void {
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown === undefined) return;
  throw new UsageError(`${where}: ${what} takes no "${unknown}" (its fields: ${known.join(', ')}); remove it or fix its name`);
}
