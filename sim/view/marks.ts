// Which trace events a diagram marks on a lane: a process's crash, pause and resume, and every
// fault injected from outside (kill, restart, partition, ...), placed on the lane of the server it
// names (a dropped message: on the server that loses it). The fault's own words are the mark's text.

import type { TraceEvent } from '../trace/events.ts';
import type { Mark, MarkKind } from './view-model.ts';

/** The event types that become marks: a test holds a page's drawn marks against these. */
export const MARK_TYPES: ReadonlySet<TraceEvent['type']> = new Set(['crash', 'pause', 'resume', 'fault']);

const FAULT_VERBS: ReadonlyMap<string, MarkKind> = new Map([
  ['crash', 'crash'],
  ['kill', 'kill'],
  ['restart', 'restart'],
  ['pause', 'pause'],
  ['partition', 'partition'],
  ['drop', 'drop'],
]);

/** A drop's line names its server last: "drop the reply of s2's PBServer.Forward #0 call to s1 (conn 439)". */
const DROP_SERVER = / call to (\S+) \(conn \d+\)$/;

export function markOf(event: TraceEvent, laneOf: (proc: string) => number, lanes: readonly string[]): Mark | null {
  switch (event.type) {
    case 'crash':
      return { t: event.t, lane: laneOf(event.proc), kind: 'crash', text: `${event.proc} crashed: its goroutines stop, its sockets close` };
    case 'pause':
      return { t: event.t, lane: laneOf(event.proc), kind: 'pause', text: `${event.proc} paused (SIGSTOP)` };
    case 'resume':
      return { t: event.t, lane: laneOf(event.proc), kind: 'resume', text: `${event.proc} resumed` };
    case 'fault': {
      // "kill s1 at 1.665188 s", "crash s3 when s3 starts serving ...": the verb, then the server.
      const [verb = '', second = ''] = event.text.split(' ');
      const target = verb === 'drop' ? (DROP_SERVER.exec(event.text)?.[1] ?? '') : second;
      const named = lanes.includes(target) ? target : lanes.find((lane) => lane.startsWith(`${target}#`));
      return { t: event.t, lane: laneOf(named ?? event.proc), kind: FAULT_VERBS.get(verb) ?? 'fault', text: `FAULT ${event.text}` };
    }
    default:
      return null;
  }
}
