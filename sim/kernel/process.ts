// Processes (nodes). A process owns goroutines and file descriptors. It can be paused (SIGSTOP or
// a debugger: its tasks do not run, time goes on) and crashed (every task stops, every fd closes).

import type { KernelCallback } from './event-queue.ts';
import { Label } from './label.ts';
import { LinkedSet, type SetLinks } from './linked-set.ts';
import type { Task } from './task.ts';

/** Live goroutines summed over a set of processes (see Process.countIn). */
export interface GoroutineTally {
  alive: number;
}

export type ProcessState = 'running' | 'paused' | 'crashed';

/** A file descriptor the kernel must close when its process dies. */
export interface FileDescriptor extends SetLinks<FileDescriptor> {
  closeOnCrash(): void;
}

export class Process {
  state: ProcessState = 'running';
  readonly tasks = new LinkedSet<Task>();
  readonly fds = new LinkedSet<FileDescriptor>();
  /** Socket callbacks (rpc input loops, ServeConn) that came due while the process was paused:
   *  they stand in for goroutines, so they wait for the resume as a held goroutine would. (A
   *  callback that names its goroutine, KernelCallback.goroutine, is held on that goroutine
   *  instead, in Task.held.) */
  readonly heldCallbacks: KernelCallback[] = [];
  /** Go goroutines run here as socket callbacks instead of tasks (rpc input loops, ServeConns)
   *  and still alive: the timing model counts them among the goroutines that want a CPU. */
  private standIns = 0;
  /** The running total this process adds its live goroutines to (a network's, once it listens
   *  or dials): kept as goroutines start and end, so nobody walks every process to count them. */
  private tally: GoroutineTally | null = null;
  /** "s1" for the first incarnation, "s1#2" after a restart. */
  readonly label: string;
  /** `label` as trace events carry it. */
  readonly traceLabel: Label;

  constructor(
    readonly id: number,
    readonly name: string,
    /** 1 for the first process of this name, 2 after one restart, and so on. */
    readonly incarnation: number,
  ) {
    this.label = incarnation === 1 ? name : `${name}#${incarnation}`;
    this.traceLabel = new Label(this.label);
  }

  private readonly taskLabels = new Map<string, Label>();

  /** "s1/ServeConn" as trace events carry it, built once per process and task name: RPC
   *  servers start thousands. */
  taskTraceLabel(taskName: string): Label {
    let label = this.taskLabels.get(taskName);
    if (label === undefined) {
      label = new Label(`${this.label}/${taskName}`);
      this.taskLabels.set(taskName, label);
    }
    return label;
  }

  /** Goroutines alive in this process as Go would count them: tasks plus stand-ins. */
  get goroutines(): number {
    return this.tasks.size + this.standIns;
  }

  /** Adds this process's live goroutines, now and from now on, to `tally` (once). */
  countIn(tally: GoroutineTally): void {
    if (this.tally !== null || !this.alive) return;
    this.tally = tally;
    tally.alive += this.goroutines;
  }

  addTask(task: Task): void {
    this.tasks.add(task);
    if (this.tally !== null) this.tally.alive++;
  }

  /** A task returned (its process may have dropped it already, by crashing). */
  removeTask(task: Task): void {
    if (this.tasks.delete(task) && this.tally !== null) this.tally.alive--;
  }

  /** A goroutine that runs as socket callbacks started (rpc's input loop, ServeConn). A dead
   *  process's last step may still start one: it is not alive, so it is not counted. */
  addStandIn(): void {
    if (!this.alive) return;
    this.standIns++;
    if (this.tally !== null) this.tally.alive++;
  }

  removeStandIn(): void {
    if (!this.alive) return;
    this.standIns--;
    if (this.tally !== null) this.tally.alive--;
  }

  /** The process died: none of its goroutines run any more. */
  dropAll(): void {
    if (this.tally !== null) this.tally.alive -= this.goroutines;
    this.standIns = 0;
    this.tasks.clear();
  }

  get alive(): boolean {
    return this.state !== 'crashed';
  }
}
