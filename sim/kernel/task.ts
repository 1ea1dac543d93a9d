// Goroutines. A task is an async function the kernel runs one step at a time: from the moment the
// kernel resumes it until it blocks again on a kernel primitive (a Waiter) or returns.

import type { SimEvent } from './event-queue.ts';
import type { Label } from './label.ts';
import type { SetLinks } from './linked-set.ts';
import type { Process } from './process.ts';

export type TaskState = 'new' | 'running' | 'blocked' | 'done' | 'dead';

/** A blocked task's ticket: only the kernel resolves it, through a scheduled wake event. */
export class Waiter<T = unknown> {
  resolve!: (value: T | PromiseLike<T>) => void;
  readonly promise: Promise<T>;
  /** Computes the value when the task resumes, not when the wake was scheduled: a socket read
   *  takes whatever is queued by then. Saves the reader an async loop around its wait. */
  produce: (() => T | PromiseLike<T>) | null = null;
  constructor(
    readonly task: Task,
    readonly reason: string,
  ) {
    this.promise = new Promise<T>((resolve) => {
      this.resolve = resolve;
    });
  }
}

export class Task implements SetLinks<Task> {
  state: TaskState = 'new';
  /** Counted in the kernel's runnable total: true from resume until it blocks or returns. */
  counted = false;
  waiter: Waiter | null = null;
  /** A wake that arrived while the task (or its process) was paused; replayed on resume. */
  held: SimEvent | null = null;
  /** A modelled debugger holds this one task (its process runs on). */
  paused = false;
  // Its place among its process's goroutines (Process.tasks).
  linkedPrev: Task | null = null;
  linkedNext: Task | null = null;
  linkedIn: object | null = null;
  /** "s1#2/accept": computed once, since every trace event carries it. */
  readonly label: string;
  /** `label` as trace events carry it. */
  readonly traceLabel: Label;

  constructor(
    readonly id: number,
    readonly name: string,
    readonly proc: Process,
    readonly body: () => unknown,
  ) {
    this.traceLabel = proc.taskTraceLabel(name);
    this.label = this.traceLabel.text;
  }

  get isHeld(): boolean {
    return this.paused || this.proc.state === 'paused';
  }
}
