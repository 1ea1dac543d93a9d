// A run as Chrome trace-event JSON (what Perfetto UI and chrome://tracing open): one process per
// simulated process and one thread per goroutine; a message is a flow arrow from a 1 µs slice at
// its send to one at its receive; failed calls and fault marks are instant events carrying the
// Go error and its explanation; client operations are slices on a "clients" process.

import { failureLines, markLine, messageLines, opLine } from './page/element-text.ts';
import type { ViewModel } from './view-model.ts';

type ChromeEvent = Record<string, string | number | Record<string, string | number>>;

export function chromeTrace(model: ViewModel): { traceEvents: ChromeEvent[]; displayTimeUnit: string; metadata: Record<string, string | number> } {
  const events: ChromeEvent[] = [];
  const clientsPid = model.lanes.length + 1;
  model.lanes.forEach((lane, i) => events.push({ ph: 'M', name: 'process_name', pid: i + 1, tid: 0, args: { name: lane } }));
  model.tasks.forEach((task, i) => events.push({ ph: 'M', name: 'thread_name', pid: model.taskLane[i]! + 1, tid: i + 1, args: { name: task } }));
  const m = model.messages;
  m.sendMicros.forEach((t, i) => {
    const what = model.strings[m.what[i]!]!;
    const [sendLine, recvLine = ''] = messageLines(model, i);
    const from = m.from[i]!;
    events.push({ ph: 'X', name: `send ${what}`, cat: 'message', ts: t, dur: 1, pid: model.taskLane[from]! + 1, tid: from + 1, args: { line: sendLine!.trim(), conn: m.conn[i]! } });
    const to = m.to[i]!;
    if (to < 0) return;
    events.push({ ph: 's', name: what, cat: 'message', id: i + 1, ts: t, pid: model.taskLane[from]! + 1, tid: from + 1 });
    events.push({ ph: 'X', name: `recv ${what}`, cat: 'message', ts: m.recvMicros[i]!, dur: 1, pid: model.taskLane[to]! + 1, tid: to + 1, args: { line: recvLine.trim(), conn: m.conn[i]! } });
    events.push({ ph: 'f', bp: 'e', name: what, cat: 'message', id: i + 1, ts: m.recvMicros[i]!, pid: model.taskLane[to]! + 1, tid: to + 1 });
  });
  model.failures.forEach((f, i) => {
    const [line = '', why = ''] = failureLines(model, i);
    events.push({ ph: 'i', s: 't', name: `${f.method}: ${f.error}`, cat: 'error', ts: f.t, pid: model.taskLane[f.task]! + 1, tid: f.task + 1, args: { line: line.trim(), explanation: why, executed: f.executed } });
  });
  model.marks.forEach((mark, i) => events.push({ ph: 'i', s: 'p', name: mark.kind, cat: 'fault', ts: mark.t, pid: mark.lane + 1, tid: 0, args: { line: markLine(model, i).trim() } }));
  if (model.ops.length > 0) events.push({ ph: 'M', name: 'process_name', pid: clientsPid, tid: 0, args: { name: 'clients' } });
  for (const op of model.ops) {
    const end = op.returnMicros ?? model.meta.endMicros;
    events.push({ ph: 'X', name: `${op.kind}(${op.key})`, cat: op.violating ? 'op,violating' : 'op', ts: op.callMicros, dur: Math.max(1, end - op.callMicros), pid: clientsPid, tid: op.client + 1, args: { line: opLine(op) } });
  }
  return { traceEvents: events, displayTimeUnit: 'ms', metadata: { scenario: model.meta.scenario, seed: model.meta.seed, verdict: model.meta.verdict, replay: model.meta.replay } };
}
