// Starting and stopping processes. The four ways to stop a server are distinct:
// `kill` is the 6.824 server's own method (listener closed and unlinked, handlers run on),
// `crashProcess` is process death, a restart is a fresh process under the same name, and
// `pauseProcess` is SIGSTOP or a debugger (nothing runs, sockets still buffer, time goes on).

import type { Process } from '../kernel/process.ts';
import type { Task } from '../kernel/task.ts';
import { world } from './active.ts';

/** Starts a process named `name` and runs `init` inside it (its goroutines belong to it). */
export function spawnProcess<T>(name: string, init: () => T): { proc: Process; value: T } {
  const w = world();
  const proc = w.kernel.newProcess(name);
  const value = w.kernel.within(proc, () => {
    w.note({ type: 'spawn' });
    return init();
  });
  return { proc, value };
}

export function currentProcess(): Process {
  return world().kernel.currentProcess();
}

export function crashProcess(proc: Process): void {
  const w = world();
  if (!proc.alive) return;
  w.kernel.within(proc, () => w.note({ type: 'crash' }));
  w.kernel.crash(proc);
}

export function pauseProcess(proc: Process): void {
  const w = world();
  w.kernel.within(proc, () => w.note({ type: 'pause' }));
  w.kernel.pause(proc);
}

export function resumeProcess(proc: Process): void {
  const w = world();
  w.kernel.within(proc, () => w.note({ type: 'resume' }));
  w.kernel.resume(proc);
}

/** A debugger breakpoint holding one goroutine: it does not run; its process does. */
export function pauseTask(task: Task): void {
  world().kernel.pauseTask(task);
}

export function resumeTask(task: Task): void {
  world().kernel.resumeTask(task);
}

export function fault(text: string): void {
  world().note({ type: 'fault', text });
}
