// The trace's own text line for anything the page draws, rebuilt from the view model's columns
// and rendered by the same function as `rpcsim run --full`, so the page and the terminal agree.

import { formatMicros, renderTextLine } from '../../trace/render-text.ts';
import type { ClientOp, ViewModel } from '../view-model.ts';

export function messageLines(model: ViewModel, i: number): string[] {
  const m = model.messages;
  const what = model.strings[m.what[i]!]!;
  const from = model.tasks[m.from[i]!]!;
  const send = renderTextLine({ t: m.sendMicros[i]!, proc: model.lanes[model.taskLane[m.from[i]!]!]!, task: from, type: 'send', conn: m.conn[i]!, what });
  const to = m.to[i]!;
  if (to < 0) return [send, `${' '.repeat(12)}(never read: lost when its connection closed or its reader died)`];
  const recv = renderTextLine({ t: m.recvMicros[i]!, proc: model.lanes[model.taskLane[to]!]!, task: model.tasks[to]!, type: 'recv', conn: m.conn[i]!, what });
  return [send, recv];
}

export function failureLines(model: ViewModel, i: number): string[] {
  const f = model.failures[i]!;
  const task = model.tasks[f.task]!;
  const line = renderTextLine({ t: f.t, proc: model.lanes[model.taskLane[f.task]!]!, task, type: 'rpc-return', conn: f.conn, method: f.method, seq: f.seq, error: f.error });
  return [line, `why: ${f.explain}`];
}

export function opLine(op: ClientOp): string {
  const args = op.kind === 'get' ? JSON.stringify(op.key) : `${JSON.stringify(op.key)}, ${JSON.stringify(op.value)}`;
  const result = op.returnMicros === null ? ' never returned' : op.kind === 'get' ? ` -> ${JSON.stringify(op.value)}` : ' ok';
  const span = `[${formatMicros(op.callMicros).trim()}, ${op.returnMicros === null ? '∞' : formatMicros(op.returnMicros).trim()}]`;
  return `${span} client ${op.client} ${op.kind}(${args})${result}${op.violating ? '  ← part of the non-linearizable sub-history' : ''}`;
}

export function markLine(model: ViewModel, i: number): string {
  const mark = model.marks[i]!;
  return `${formatMicros(mark.t)} ${model.lanes[mark.lane]!.padEnd(22)} ${mark.text}`;
}
