// Processes (nodes). A process owns goroutines and file descriptors. It can be paused (SIGSTOP or
// a debugger: its tasks do not run, time goes on) and crashed (every task stops, every fd closes).

import type { KernelCallback } from './event-queue.ts';
import type { Task } from './task.ts';

export type ProcessState = 'running' | 'paused' | 'crashed';

/** A file descriptor the kernel must close when its process dies. */
export interface FileDescriptor {
  closeOnCrash(): void;
}

export class Process {
  state: ProcessState = 'running';
  readonly tasks = new Set<Task>();
  readonly fds = new Set<FileDescriptor>();
  /** Socket callbacks (rpc input loops, ServeConn) that came due while the process was paused:
   *  they stand in for goroutines, so they wait for the resume as a held goroutine would. */
  readonly heldCallbacks: KernelCallback[] = [];
  /** Go goroutines run here as socket callbacks instead of tasks (rpc input loops, ServeConns)
   *  and still alive: the timing model counts them among the goroutines that want a CPU. */
  standIns = 0;
  /** "s1" for the first incarnation, "s1#2" after a restart. */
  readonly label: string;

  constructor(
    readonly id: number,
    readonly name: string,
    /** 1 for the first process of this name, 2 after one restart, and so on. */
    readonly incarnation: number,
  ) {
    this.label = incarnation === 1 ? name : `${name}#${incarnation}`;
  }

  private readonly taskLabels = new Map<string, string>();

  /** "s1/ServeConn", built once per process and task name: RPC servers start thousands. */
  taskLabel(taskName: string): string {
    let label = this.taskLabels.get(taskName);
    if (label === undefined) {
      label = `${this.label}/${taskName}`;
      this.taskLabels.set(taskName, label);
    }
    return label;
  }

  /** Goroutines alive in this process as Go would count them: tasks plus stand-ins. */
  get goroutines(): number {
    return this.tasks.size + this.standIns;
  }

  get alive(): boolean {
    return this.state !== 'crashed';
  }
}
