// The journal: the run's single, append-only record of trace events. It can be switched off for
// speed-sensitive exploration, in which case listeners (checkers, triggers) still see events.

import type { TraceBody, TraceEvent } from './events.ts';

export type TraceListener = (event: TraceEvent) => void;

export class Journal {
  readonly events: TraceEvent[] = [];
  private readonly listeners: TraceListener[] = [];

  constructor(readonly recording: boolean = true) {}

  get active(): boolean {
    return this.recording || this.listeners.length > 0;
  }

  onEvent(listener: TraceListener): void {
    this.listeners.push(listener);
  }

  /** Stamps `body` in place (callers pass a fresh literal): one allocation per event, not two. */
  record(t: number, proc: string, task: string, body: TraceBody): void {
    if (!this.active) return;
    const event = body as { t: number; proc: string; task: string } & TraceBody;
    event.t = t;
    event.proc = proc;
    event.task = task;
    if (this.recording) this.events.push(event as TraceEvent);
    for (const listener of this.listeners) listener(event);
  }
}
