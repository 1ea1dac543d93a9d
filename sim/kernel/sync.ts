// Go's sync.Mutex and sync.WaitGroup on kernel waiters. Lock never yields when the mutex is free
// (as in Go); an unlock with waiters hands the mutex to one of them, chosen by the chooser,
// because Go does not promise which waiting goroutine wins.

import { assert } from './assert.ts';
import type { Kernel } from './kernel.ts';
import type { Waiter } from './task.ts';

const DONE: Promise<void> = Promise.resolve();

export class Mutex {
  private locked = false;
  private readonly waiters: Waiter<void>[] = [];
  constructor(private readonly kernel: Kernel) {}

  lock(): Promise<void> {
    if (!this.locked) {
      this.locked = true;
      return DONE;
    }
    const waiter = this.kernel.block<void>('mutex');
    this.waiters.push(waiter);
    return waiter.promise;
  }

  unlock(): void {
    if (!this.locked) assert(false, 'fatal error: sync: unlock of unlocked mutex');
    // Waiters whose goroutine died (its process crashed) leave the queue, the others keep their
    // order; in place, since an unlock with a hundred waiters is a hot path (no filter, no splice).
    const waiters = this.waiters;
    let live = 0;
    for (let i = 0; i < waiters.length; i++) {
      const waiter = waiters[i]!;
      if (waiter.task.state === 'blocked') waiters[live++] = waiter;
    }
    while (waiters.length > live) waiters.pop();
    if (live === 0) {
      this.locked = false;
      return;
    }
    const chooser = this.kernel.chooser;
    const index =
      live === 1
        ? 0
        : chooser.pickTask
          ? chooser.pickTask('schedule.handoff', waiters.map((w) => w.task.id))
          : chooser.pick('schedule.handoff', live);
    const next = waiters[index]!;
    for (let i = index + 1; i < live; i++) waiters[i - 1] = waiters[i]!;
    waiters.pop();
    this.kernel.wake(next, undefined); // the mutex stays locked: it passes to `next`
  }
}

export class WaitGroup {
  private count = 0;
  private readonly waiters: Waiter<void>[] = [];
  constructor(private readonly kernel: Kernel) {}

  add(delta: number): void {
    this.count += delta;
    assert(this.count >= 0, 'sync: negative WaitGroup counter');
    if (this.count === 0) {
      for (const waiter of this.waiters) this.kernel.wake(waiter, undefined);
      this.waiters.length = 0;
    }
  }

  done(): void {
    this.add(-1);
  }

  wait(): Promise<void> {
    if (this.count === 0) return DONE;
    const waiter = this.kernel.block<void>('waitgroup');
    this.waiters.push(waiter);
    return waiter.promise;
  }
}
