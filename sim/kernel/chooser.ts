// The one door every nondeterministic decision goes through. A chooser answers `pick(kind, n)`
// with an integer in [0, n); strategies (seeded random, swarm, PCT, replay) are choosers. The
// decision kind names the question, and, for the seeded chooser, the stream that answers it.

import { assert } from './assert.ts';
import { streamFor, type RandomStream, type StreamName } from './rng.ts';

/** Every question the simulator may ask. Kept small and named so a decision log is readable. */
export const DECISION_KINDS = [
  'schedule.tie', // which of several same-instant events runs first
  'schedule.handoff', // which goroutine waiting on a mutex gets it
  'net.encode', // how long a caller takes to encode and write its registered request
  'net.wake', // latency before a socket or listener wakes a blocked reader or acceptor
  'fault.unreliable', // the 6.824 accept loop's rand.Int63()%1000 draws
  'fault.plan', // fault plans drawn from the seed
  'workload', // the test programs' own randomness (rand.Int(), nrand())
  'net.setup', // how long a caller takes from Dial returning to send's shutdown check
  'net.preempt', // whether a goroutine about to run finds its CPU held by another thread
  'net.slice', // how long it then waits for the CPU back
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** A kind's index in DECISION_KINDS. A switch, not a Map: every decision asks it twice (the
 *  stream that answers, the log that records), and comparing interned strings is cheaper than
 *  hashing them. test/kernel checks it against the list. */
export function decisionKindCode(kind: DecisionKind): number {
  switch (kind) {
    case 'schedule.tie':
      return 0;
    case 'schedule.handoff':
      return 1;
    case 'net.encode':
      return 2;
    case 'net.wake':
      return 3;
    case 'fault.unreliable':
      return 4;
    case 'fault.plan':
      return 5;
    case 'workload':
      return 6;
    case 'net.setup':
      return 7;
    case 'net.preempt':
      return 8;
    case 'net.slice':
      return 9;
  }
}

/** Each kind's stream, looked up once: pick() is on the hottest path of every run. */

function streamOf(kind: DecisionKind): StreamName {
  if (kind.startsWith('schedule.')) return 'schedule';
  if (kind.startsWith('net.')) return 'network';
  if (kind.startsWith('fault.')) return 'faults';
  return 'workload';
}
const STREAM_OF = new Map<DecisionKind, StreamName>(DECISION_KINDS.map((kind) => [kind, streamOf(kind)]));
const STREAM_INDEX = new Map<StreamName, number>([['schedule', 0], ['network', 1], ['faults', 2], ['workload', 3]]);
/** Per kind code, the index of its stream: one array read on the hot path instead of two maps. */
const STREAM_BY_CODE: readonly number[] = DECISION_KINDS.map((kind) => STREAM_INDEX.get(STREAM_OF.get(kind)!)!);
const STREAM_NAMES: readonly StreamName[] = ['schedule', 'network', 'faults', 'workload'];

export interface Chooser {
  /** An integer in [0, n). Never called with n < 2 by the kernel: a single option is no decision. */
  pick(kind: DecisionKind, n: number): number;
  /**
   * Optional: the same question when its options are goroutines, with their task ids (0 for a
   * kernel callback), for strategies that schedule by task (PCT). Answers are logged as `kind`,
   * so a replay needs only `pick`.
   */
  pickTask?(kind: 'schedule.tie' | 'schedule.handoff', taskIds: readonly number[]): number;
}

/** The default strategy: each kind of decision answered from its own seeded stream. */
export class SeededChooser implements Chooser {
  private readonly streams: RandomStream[];
  constructor(readonly seed: number) {
    this.streams = STREAM_NAMES.map((name) => streamFor(seed, name));
  }

  pick(kind: DecisionKind, n: number): number {
    return this.streams[STREAM_BY_CODE[decisionKindCode(kind)]!]!.below(n);
  }
}

export function assertValidChoice(kind: DecisionKind, n: number, value: number): void {
  // One cheap test on the hot path; the messages are built only when it fails.
  if (value >= 0 && value < n && Math.floor(value) === value && Math.floor(n) === n) return;
  assert(Number.isInteger(n) && n >= 1, `pick(${kind}, ${n}): n must be a positive integer`);
  assert(false, `pick(${kind}, ${n}) answered ${value}`);
}
