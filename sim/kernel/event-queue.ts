// The kernel's agenda: pending events ordered by (time, seq). Events due at the current instant
// live in a separate list (`due`), so the common case, "wake this task now", costs no heap work,
// and so the kernel can see every same-time event at once and let the chooser order them.

import { assert } from './assert.ts';
import type { Task, Waiter } from './task.ts';

/** A kernel callback as an object: hot paths (socket readers) reuse one instead of a closure. */
export interface KernelCallback {
  run(): void;
  /** The goroutine whose work this callback does while that goroutine stays blocked (the lab's
   *  accept loop, an rpc caller's steps): its events carry the goroutine, so they are held while
   *  it is paused, and a scheduler choosing among them sees the goroutine's id, as if it had been
   *  woken itself. Such a callback has at most one event pending (the goroutine's one wake). */
  readonly goroutine?: Task;
}

/** One thing the kernel will do at a virtual time: resume a task, or run a kernel callback. */
export class SimEvent {
  constructor(
    readonly timeMicros: number,
    readonly seq: number,
    readonly task: Task | null,
    readonly waiter: Waiter | null,
    readonly value: unknown,
    readonly callback: (() => void) | KernelCallback | null,
  ) {}
}

function earlier(a: SimEvent, b: SimEvent): boolean {
  return a.timeMicros < b.timeMicros || (a.timeMicros === b.timeMicros && a.seq < b.seq);
}

/** A binary min-heap on (time, seq), bounded so that a runaway producer is caught, not absorbed. */
export class EventHeap {
  private readonly items: SimEvent[] = [];
  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.items.length;
  }

  peek(): SimEvent | undefined {
    return this.items[0];
  }

  push(event: SimEvent): void {
    const items = this.items;
    if (items.length >= this.capacity) assert(false, `event queue is full (${this.capacity} events): a task is scheduling without bound`);
    items.push(event);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent]!;
      if (!earlier(event, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = event;
  }

  pop(): SimEvent | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    const n = items.length;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && earlier(items[right]!, items[left]!)) child = right;
      if (!earlier(items[child]!, last)) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = last;
    return top;
  }
}
