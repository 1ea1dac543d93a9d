// Processes (nodes). A process owns goroutines and file descriptors. It can be paused (SIGSTOP or
// a debugger: its tasks do not run, time goes on) and crashed (every task stops, every fd closes).

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

  constructor(
    readonly id: number,
    readonly name: string,
    /** 1 for the first process of this name, 2 after one restart, and so on. */
    readonly incarnation: number,
  ) {}

  get label(): string {
    return this.incarnation === 1 ? this.name : `${this.name}#${this.incarnation}`;
  }

  get alive(): boolean {
    return this.state !== 'crashed';
  }
}
