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
    assert(this.locked, 'fatal error: sync: unlock of unlocked mutex');
    const live = this.waiters.filter((w) => w.task.state === 'blocked');
    this.waiters.length = 0;
    this.waiters.push(...live);
    if (live.length === 0) {
      this.locked = false;
      return;
    }
    const chooser = this.kernel.chooser;
    const index =
      live.length === 1
        ? 0
        : chooser.pickTask
          ? chooser.pickTask('schedule.handoff', live.map((w) => w.task.id))
          : chooser.pick('schedule.handoff', live.length);
    const [next] = this.waiters.splice(index, 1);
    this.kernel.wake(next!, undefined); // the mutex stays locked: it passes to `next`
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
