// Reading the breakpoint lesson's key events off a trace: the Append the primary was serving when
// it died, its Forward to the backup (sent? run by the backup? answered?), the primary's death,
// what the client's call() saw, and which server finally answered the client. Everything here is
// found in the journal; nothing is taken from the simulator's insides or written in by hand.

import type { TraceEvent } from '../../sim/trace/events.ts';
import { triggerMatches } from '../../sim/faults/executor.ts';
import type { Trigger } from '../../sim/faults/plan.ts';

export const PRIMARY = 's1';
export const BACKUP = 's2';
const FORWARD = 'PBServer.Forward';
const PUT_APPEND = 'PBServer.PutAppend';

type Of<K extends TraceEvent['type']> = TraceEvent & { readonly type: K };

/** The events of one run that the lesson talks about; null where the run has no such event. */
export interface RaceEvents {
  /** The client operation in question (an Append). */
  readonly op: Of<'op-call'> | null;
  /** The primary reads that Append's request: where the breakpoint is set. */
  readonly received: Of<'recv'> | null;
  readonly forwardSent: Of<'send'> | null;
  /** The backup starts running the Forward (it applies the write unless it rejects it). */
  readonly forwardRun: Of<'rpc-serve'> | null;
  /** The backup's reply to the Forward could not be written (the primary is gone). */
  readonly forwardReplyLost: Of<'error'> | null;
  /** The primary's call(backup, "PBServer.Forward", ...) returns (not if it died inside it). */
  readonly forwardReturned: Of<'rpc-return'> | null;
  readonly primaryDied: Of<'crash'> | null;
  /** What the client's call() to the primary returned. */
  readonly clientSaw: Of<'rpc-return'> | null;
  /** The client's call that finally succeeded, served by the backup (now primary). */
  readonly retryRun: Of<'rpc-serve'> | null;
  readonly opReturned: Of<'op-return'> | null;
}

function processOf(event: TraceEvent): string {
  const hash = event.proc.indexOf('#');
  return hash < 0 ? event.proc : event.proc.slice(0, hash);
}

function isRequest(event: TraceEvent, method: string): event is Of<'send'> | Of<'recv'> {
  return (event.type === 'send' || event.type === 'recv') && event.what.startsWith(`${method} #`) && event.what.endsWith('request');
}

/** The trigger "when s1 receives its nth PBServer.PutAppend". */
export function appendReceived(nth: number): Trigger {
  return { on: 'receive', target: PRIMARY, method: PUT_APPEND, nth };
}

/** Which of s1's PutAppend requests it was serving when it died: the last it read before dying
 *  (the lesson has one client, so at most one is in flight). null if s1 never died or read none. */
export function inFlightAppend(trace: readonly TraceEvent[]): number | null {
  let count = 0;
  for (const event of trace) {
    if (event.type === 'crash' && processOf(event) === PRIMARY) return count === 0 ? null : count;
    if (event.type === 'recv' && processOf(event) === PRIMARY && isRequest(event, PUT_APPEND)) count++;
  }
  return null;
}

function first<K extends TraceEvent['type']>(trace: readonly TraceEvent[], from: number, type: K, test: (e: Of<K>) => boolean): Of<K> | null {
  for (let i = Math.max(0, from); i < trace.length; i++) {
    const event = trace[i]!;
    if (event.type === type && test(event as Of<K>)) return event as Of<K>;
  }
  return null;
}

function indexOf(trace: readonly TraceEvent[], event: TraceEvent | null): number {
  return event === null ? -1 : trace.indexOf(event);
}

/** The key events of the Append that `trigger` (its nth receipt at s1) picks out. */
export function raceEvents(trace: readonly TraceEvent[], trigger: Trigger): RaceEvents {
  let seen = 0;
  const at = trace.findIndex((event) => triggerMatches(trigger, event) && ++seen === trigger.nth);
  const received = at < 0 ? null : (trace[at] as Of<'recv'>);
  let op: Of<'op-call'> | null = null;
  for (let i = at; i >= 0 && op === null; i--) if (trace[i]!.type === 'op-call') op = trace[i] as Of<'op-call'>;
  // The handler's Forward: s1's next Forward request, unless s1 reads another PutAppend first.
  let forwardSent: Of<'send'> | null = null;
  for (let i = at + 1; at >= 0 && i < trace.length; i++) {
    const event = trace[i]!;
    if (processOf(event) !== PRIMARY) continue;
    if (event.type === 'recv' && isRequest(event, PUT_APPEND)) break;
    if (event.type === 'send' && isRequest(event, FORWARD)) {
      forwardSent = event;
      break;
    }
  }
  const conn = forwardSent?.conn;
  const opReturned = first(trace, indexOf(trace, op), 'op-return', (e) => op !== null && e.client === op.client);
  let retryRun: Of<'rpc-serve'> | null = null;
  for (let i = indexOf(trace, opReturned); i > at && retryRun === null; i--) {
    const event = trace[i]!;
    if (event.type === 'rpc-serve' && event.method === PUT_APPEND && processOf(event) === BACKUP) retryRun = event;
  }
  return {
    op,
    received,
    forwardSent,
    forwardRun: first(trace, at, 'rpc-serve', (e) => e.conn === conn && e.method === FORWARD),
    forwardReplyLost: first(trace, at, 'error', (e) => e.conn === conn && processOf(e) === BACKUP),
    forwardReturned: first(trace, at, 'rpc-return', (e) => e.conn === conn && processOf(e) === PRIMARY),
    primaryDied: first(trace, 0, 'crash', (e) => processOf(e) === PRIMARY),
    clientSaw: first(trace, at, 'rpc-return', (e) => received !== null && e.conn === received.conn && processOf(e) !== PRIMARY),
    retryRun,
    opReturned,
  };
}
