// What a branch may do at a picked element, as data: the faults the scenario can honour (crash,
// kill, pause or restart one of its fault targets at that moment) and, on a message, dropping
// that call's request or reply. A drop names its call the way a hand-written plan does: the
// sender's nth request of that method ("when s2 sends its 186th PBServer.Forward"), counted here
// over the drawn messages exactly as the fault executor counts send events, and the server that
// receives it. Pure: the branch form draws these, and node tests check them.

import { planEntryProblem, planRefusal, type FaultCapability } from '../../faults/capability.ts';
import type { FaultAction, PlannedFault } from '../../faults/plan.ts';
import type { ViewModel } from '../view-model.ts';

export const PROCESS_FAULTS = ['crash', 'kill', 'pause', 'restart'] as const;
export type ProcessFault = (typeof PROCESS_FAULTS)[number];
/** How long a branch's pause lasts: long enough for the viewservice to notice (DeadPings). */
export const BRANCH_PAUSE_MICROS = 500_000;

/** One call, as a plan names it. */
export interface CallRef {
  /** Process names ("s2", not "s2#2": a trigger counts every incarnation of a name). */
  readonly sender: string;
  readonly receiver: string;
  readonly method: string;
  readonly nth: number;
  /** Which arrow was picked. */
  readonly picked: 'request' | 'reply';
}

export type BranchChoice =
  | { readonly kind: 'drop'; readonly message: 'request' | 'reply'; readonly call: CallRef; readonly label: string }
  | { readonly kind: ProcessFault; readonly label: string };

export function processName(label: string): string {
  const hash = label.indexOf('#');
  return hash < 0 ? label : label.slice(0, hash);
}

const FRAME = /^(.+) #(\d+) (request|response)$/;

/** The call message `i` belongs to, or null (not an RPC frame, or its server is unknown). */
export function callOfMessage(model: ViewModel, i: number): CallRef | null {
  const m = model.messages;
  const frame = FRAME.exec(model.strings[m.what[i]!] ?? '');
  if (frame === null) return null;
  const [, method, seq, half] = frame as unknown as [string, string, string, string];
  const requestWhat = `${method} #${seq} request`;
  let request = i;
  if (half === 'response') {
    request = -1;
    for (let j = i - 1; j >= 0; j--) {
      if (m.conn[j] === m.conn[i] && model.strings[m.what[j]!] === requestWhat) {
        request = j;
        break;
      }
    }
    if (request < 0) return null;
  }
  const laneOfTask = (task: number): string => model.lanes[model.taskLane[task]!]!;
  const sender = processName(laneOfTask(m.from[request]!));
  const receiverLabel = half === 'response' ? laneOfTask(m.from[i]!) : m.to[request]! >= 0 ? laneOfTask(m.to[request]!) : m.peerLane[request]! >= 0 ? model.lanes[m.peerLane[request]!]! : null;
  if (receiverLabel === null) return null;
  // The executor's trigger counts the sender's writes of "<method> #<seq> request", any seq.
  let nth = 0;
  for (let j = 0; j <= request; j++) {
    const what = model.strings[m.what[j]!]!;
    if (what.startsWith(`${method} #`) && what.endsWith(' request') && processName(laneOfTask(m.from[j]!)) === sender) nth++;
  }
  return { sender, receiver: processName(receiverLabel), method, nth, picked: half === 'response' ? 'reply' : 'request' };
}

/** The choices a branch form offers at element `key` (drops first on a message), or why none. */
export function branchChoices(model: ViewModel, key: string, capability: FaultCapability): { choices: BranchChoice[]; refusal: string | null } {
  const refusal = planRefusal(capability);
  if (refusal !== null) return { choices: [], refusal };
  const choices: BranchChoice[] = [];
  const call = key[0] === 'm' ? callOfMessage(model, Number(key.slice(1))) : null;
  if (call !== null && capability.actions.includes('drop')) {
    const other = call.picked === 'request' ? 'reply' : 'request';
    choices.push({ kind: 'drop', message: call.picked, call, label: `drop this ${call.picked}` });
    choices.push({ kind: 'drop', message: other, call, label: `drop its ${other}` });
  }
  for (const kind of PROCESS_FAULTS) if (capability.actions.includes(kind)) choices.push({ kind, label: `${kind}…` });
  return { choices, refusal: choices.length === 0 ? `${capability.scenario} can carry out none of ${['drop', ...PROCESS_FAULTS].join(', ')}` : null };
}

/** The plan entry a choice makes (`target` and `atMicros` for a process fault), or why it cannot run. */
export function branchEntry(choice: BranchChoice, target: string, atMicros: number, capability: FaultCapability, index: number): { entry: PlannedFault } | { problem: string } {
  let entry: PlannedFault;
  if (choice.kind === 'drop') {
    const { sender, receiver, method, nth } = choice.call;
    if (!capability.targets.includes(receiver)) return { problem: `the call goes to ${receiver}, which is not one of ${capability.scenario}'s fault targets (${capability.targets.join(', ')})` };
    entry = { when: { on: 'send', target: sender, method, nth }, fault: { type: 'drop', target: receiver, message: choice.message } };
  } else {
    if (!Number.isSafeInteger(atMicros) || atMicros < 0) return { problem: 'the time must be a number of seconds, 0 or more' };
    const fault: FaultAction = choice.kind === 'pause' ? { type: 'pause', target, forMicros: BRANCH_PAUSE_MICROS } : { type: choice.kind, target };
    entry = { at: atMicros, fault };
  }
  const problem = planEntryProblem(capability, index, entry);
  return problem === null ? { entry } : { problem };
}
