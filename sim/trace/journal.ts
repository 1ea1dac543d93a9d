// The journal: the run's single, append-only record of trace events. It can be switched off for
// speed-sensitive exploration, in which case listeners (checkers, triggers) still see events.
//
// A busy run records millions of events, and keeping each as a live object made the garbage
// collector trace and copy every one of them again and again: with the journal on, an RPC cost
// twice what it did with it off. So the journal stores the socket and RPC events, nearly all of
// a run, in typed-array columns (see event-columns.ts) that the collector never looks inside,
// and builds the event objects only when someone reads `events`. Rare events (logs, faults,
// client operations) are kept as the objects they are.

import { textOf, type Label } from '../kernel/label.ts';
import { EventColumns } from './event-columns.ts';
import type { TraceBody, TraceEvent } from './events.ts';

export type TraceListener = (event: TraceEvent) => void;

export class Journal {
  private readonly columns = new EventColumns();
  private readonly listeners: TraceListener[] = [];
  private decoded: TraceEvent[] = [];

  constructor(readonly recording: boolean = true) {}

  get active(): boolean {
    return this.recording || this.listeners.length > 0;
  }

  get length(): number {
    return this.columns.length;
  }

  /** Every recorded event, in order. Built on first read and extended on later ones, so the
   *  same event is the same object each time (callers index traces by identity). */
  get events(): readonly TraceEvent[] {
    if (this.columns.released && this.decoded.length < this.columns.length) throw new Error('this trace was released: it can no longer be read');
    for (let i = this.decoded.length; i < this.columns.length; i++) this.decoded.push(this.columns.decode(i));
    return this.decoded;
  }

  /** The run is over and nobody will read its trace (a benchmark, a passing run nobody looks
   *  at): its column buffers go to the next journal in this process instead of the collector. */
  release(): void {
    this.columns.release();
  }

  onEvent(listener: TraceListener): void {
    this.listeners.push(listener);
  }

  // The hot socket and RPC kinds without a body object, when only the columns want them: with
  // a listener they build the same literal a caller of record() would and go through it. They
  // name who acted by Label, whose id in the columns' string table is looked up once.

  recordFrame(t: number, proc: Label, task: Label, type: 'send' | 'recv', conn: number, what: string | Label): void {
    if (this.listeners.length > 0) this.record(t, proc.text, task.text, { type, conn, what: textOf(what) });
    else if (this.recording) this.columns.appendFrame(t, proc, task, type, conn, what);
  }

  recordConnect(t: number, proc: Label, task: Label, type: 'dial' | 'accept', path: string | Label, conn: number): void {
    if (this.listeners.length > 0) this.record(t, proc.text, task.text, { type, path: textOf(path), conn });
    else if (this.recording) this.columns.appendConnect(t, proc, task, type, path, conn);
  }

  recordClose(t: number, proc: Label, task: Label, conn: number, unread: number): void {
    if (this.listeners.length > 0) this.record(t, proc.text, task.text, { type: 'close', conn, unread });
    else if (this.recording) this.columns.appendClose(t, proc, task, conn, unread);
  }

  recordRpcServe(t: number, proc: Label, task: Label, conn: number, method: string | Label, seq: number): void {
    if (this.listeners.length > 0) this.record(t, proc.text, task.text, { type: 'rpc-serve', conn, method: textOf(method), seq });
    else if (this.recording) this.columns.appendRpc(t, proc, task, conn, method, seq, null);
  }

  recordRpcReturn(t: number, proc: Label, task: Label, conn: number, method: string | Label, seq: number, error: string | Label): void {
    if (this.listeners.length > 0) this.record(t, proc.text, task.text, { type: 'rpc-return', conn, method: textOf(method), seq, error: textOf(error) });
    else if (this.recording) this.columns.appendRpc(t, proc, task, conn, method, seq, error);
  }

  /** `body` is a fresh literal: it becomes the listeners' event, stamped in place. */
  record(t: number, proc: string, task: string, body: TraceBody): void {
    if (this.recording) this.columns.append(t, proc, task, body);
    if (this.listeners.length === 0) return;
    const event = body as { t: number; proc: string; task: string } & TraceBody;
    event.t = t;
    event.proc = proc;
    event.task = task;
    for (const listener of this.listeners) listener(event);
  }
}
