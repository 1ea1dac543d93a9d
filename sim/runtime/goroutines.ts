// Goroutines, time and locks for simulated programs, named as in Go: `go(fn)`, `sleep(d)`,
// `new Mutex()`, `new WaitGroup()`, `println(...)`. Every one goes through the kernel, so the
// kernel, not the JavaScript event loop, decides every interleaving.

import { Mutex as KernelMutex, WaitGroup as KernelWaitGroup } from '../kernel/sync.ts';
import type { Task } from '../kernel/task.ts';
import { world } from './active.ts';

/** `go fn()`: start a goroutine in the current process. */
export function go(fn: () => unknown, name = 'go'): Task {
  const { kernel } = world();
  return kernel.go(kernel.currentProcess(), name, fn);
}

/** time.Sleep, in virtual microseconds. */
export function sleep(micros: number): Promise<void> {
  return world().kernel.sleep(micros);
}

/** Virtual time since the run began, in microseconds. */
export function nowMicros(): number {
  return world().kernel.nowMicros;
}

export class Mutex extends KernelMutex {
  constructor() {
    super(world().kernel);
  }
}

export class WaitGroup extends KernelWaitGroup {
  constructor() {
    super(world().kernel);
  }
}

/** fmt.Println from the current process: one `log` event in the journal. */
export function println(...parts: unknown[]): void {
  world().note({ type: 'log', text: parts.map(String).join(' ') });
}

/** A uniform integer in [0, n) from the workload stream: the program's own math/rand. */
export function randomInt(n: number): number {
  return n <= 1 ? 0 : world().recorder.pick('workload', n);
}

/** Trace narration from a scenario ("# partition s1 from the viewservice"). */
export function note(text: string): void {
  world().note({ type: 'note', text });
}
