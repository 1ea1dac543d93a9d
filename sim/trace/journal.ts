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

  record(t: number, proc: string, task: string, body: TraceBody): void {
    if (!this.active) return;
    const event = { t, proc, task, ...body } as TraceEvent;
    if (this.recording) this.events.push(event);
    for (const listener of this.listeners) listener(event);
  }
}
