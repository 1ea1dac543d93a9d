// Builds a page's ViewModel from a trace: one pass to name lanes and pair every send with the
// receive that read it (per connection and frame, first in first out, as a stream delivers),
// then the failed calls with their explanations, the fault marks and the client operations.

import type { TraceEvent } from '../trace/events.ts';
import { explainCallFailures, explainLine } from '../trace/explain.ts';
import { renderTextLine } from '../trace/render-text.ts';
import { clientOperations } from './client-ops.ts';
import { markOf } from './marks.ts';
import type { FailedCall, Mark, MessageColumns, ViewMeta, ViewModel } from './view-model.ts';

class Interner {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();
  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(text);
      this.ids.set(text, id);
    }
    return id;
  }
}

interface Pairing {
  readonly messages: MessageColumns;
  /** conn → message indices, to link a failure to what crossed its connection. */
  readonly byConn: Map<number, number[]>;
}

function pairMessages(trace: readonly TraceEvent[], taskId: (event: TraceEvent) => number, laneId: (proc: string) => number, strings: Interner): Pairing {
  const messages: MessageColumns = { sendMicros: [], recvMicros: [], from: [], to: [], conn: [], what: [], peerLane: [] };
  const unread = new Map<string, number[]>();
  const byConn = new Map<number, number[]>();
  const ends = new Map<number, string[]>(); // conn → [dialer, acceptor]
  for (const event of trace) {
    if (event.type === 'dial' || event.type === 'accept') {
      const pair = ends.get(event.conn) ?? [];
      pair.push(event.proc);
      ends.set(event.conn, pair);
    } else if (event.type === 'send') {
      const peer = ends.get(event.conn)?.find((proc) => proc !== event.proc);
      messages.peerLane.push(peer === undefined ? -1 : laneId(peer));
      const index = messages.sendMicros.length;
      messages.sendMicros.push(event.t);
      messages.recvMicros.push(-1);
      messages.from.push(taskId(event));
      messages.to.push(-1);
      messages.conn.push(event.conn);
      messages.what.push(strings.id(event.what));
      const key = `${event.conn}|${event.what}`;
      const queue = unread.get(key);
      if (queue === undefined) unread.set(key, [index]);
      else queue.push(index);
      const onConn = byConn.get(event.conn);
      if (onConn === undefined) byConn.set(event.conn, [index]);
      else onConn.push(index);
    } else if (event.type === 'recv') {
      const index = unread.get(`${event.conn}|${event.what}`)?.shift();
      if (index === undefined) continue; // a read of something never sent: not drawn
      messages.recvMicros[index] = event.t;
      messages.to[index] = taskId(event);
    }
  }
  return { messages, byConn };
}

/** The text lines that explain a failed call: its connection's events, and the server's death. */
function evidenceFor(trace: readonly TraceEvent[], conns: ReadonlySet<number>): Map<number, string[]> {
  const lines = new Map<number, string[]>();
  const procsOn = new Map<number, Set<string>>();
  const crashes = new Map<string, TraceEvent>();
  for (const event of trace) {
    if (event.type === 'crash') crashes.set(event.proc, event);
    if (!('conn' in event) || !conns.has(event.conn)) continue;
    const list = lines.get(event.conn) ?? [];
    list.push(renderTextLine(event));
    lines.set(event.conn, list);
    const procs = procsOn.get(event.conn) ?? new Set<string>();
    procs.add(event.proc);
    procsOn.set(event.conn, procs);
  }
  for (const [conn, list] of lines) {
    for (const proc of procsOn.get(conn) ?? []) {
      const crash = crashes.get(proc);
      if (crash !== undefined) list.push(renderTextLine(crash));
    }
    // In time order: the lines start with the time, padded to a fixed width.
    list.sort((a, b) => (a.slice(0, 11) < b.slice(0, 11) ? -1 : a.slice(0, 11) > b.slice(0, 11) ? 1 : 0));
  }
  return lines;
}

export function buildViewModel(trace: readonly TraceEvent[], meta: ViewMeta): ViewModel {
  const strings = new Interner();
  const lanes = new Interner();
  const tasks = new Interner();
  const taskLane: number[] = [];
  const taskId = (event: TraceEvent): number => {
    const before = tasks.list.length;
    const id = tasks.id(event.task);
    if (id === before) taskLane.push(lanes.id(event.proc));
    return id;
  };
  for (const event of trace) taskId(event);
  const { messages, byConn } = pairMessages(trace, taskId, (proc) => lanes.id(proc), strings);
  const explained = explainCallFailures(trace);
  const evidence = evidenceFor(trace, new Set(explained.map((f) => f.event.conn)));
  const failures: FailedCall[] = explained.map((failure) => ({
    t: failure.event.t,
    task: taskId(failure.event),
    conn: failure.event.conn,
    method: failure.event.method,
    seq: failure.event.seq,
    error: failure.event.error,
    executed: failure.executed,
    explain: explainLine(failure),
    evidence: (evidence.get(failure.event.conn) ?? []).filter((line, i, all) => all.indexOf(line) === i),
    related: byConn.get(failure.event.conn) ?? [],
  }));
  const marks: Mark[] = [];
  for (const event of trace) {
    const mark = markOf(event, (proc) => lanes.id(proc), lanes.list);
    if (mark !== null) marks.push(mark);
  }
  const { ops, verdict } = clientOperations(trace);
  let maxLatencyMicros = 0;
  messages.recvMicros.forEach((recv, i) => {
    if (recv >= 0) maxLatencyMicros = Math.max(maxLatencyMicros, recv - messages.sendMicros[i]!);
  });
  return { meta, strings: strings.list, lanes: lanes.list, tasks: tasks.list, taskLane, messages, failures, marks, ops, verdict, maxLatencyMicros };
}
