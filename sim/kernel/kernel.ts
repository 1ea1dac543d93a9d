// The discrete-event kernel: a virtual clock in integer microseconds, an agenda of events, and
// goroutines run one at a time to quiescence. The kernel pops one event, resumes the one task it
// wakes (or runs a kernel callback), and runs nothing else until that task is blocked again on a
// kernel primitive or finished: the task's last step hands back by queueing the next round as
// one microtask. Same-instant events are ordered by the chooser.

import { assert } from './assert.ts';
import type { Chooser } from './chooser.ts';
import { EventHeap, SimEvent, type KernelCallback } from './event-queue.ts';
import { Label } from './label.ts';
import { Process } from './process.ts';
import { Task, Waiter } from './task.ts';
import { whenMicrotasksRunDry } from './stuck-watch.ts';

export interface RunLimits {
  readonly maxVirtualMicros: number;
  readonly maxEvents: number;
}

export type StopReason = 'main-returned' | 'quiescent' | 'time-bound' | 'event-bound' | 'task-failed' | 'stuck-task';

export interface TaskFailure {
  readonly task: Task;
  readonly error: unknown;
}

const EVENT_QUEUE_CAPACITY = 4_000_000;
const NEVER: Promise<never> = new Promise<never>(() => {});
/** Who acts between tasks, in trace events. */
const KERNEL_LABEL = new Label('kernel');

// Hot paths test first and build an assert's message only when it fails: an argument is built
// before the call, and a message per wake is measurable.
function wholeDelay(micros: number): boolean {
  return micros >= 0 && Number.isInteger(micros);
}
/** A settled promise: `then` on it queues one microtask. */
const SETTLED: Promise<void> = Promise.resolve();

/** What a step run by Kernel.stepBlocked returns to leave its task waiting. */
export const KEEP_BLOCKED: unique symbol = Symbol('keep blocked');

/** A blocked task's next stretch of work, run by Kernel.stepBlocked. */
export interface BlockedStep<T> {
  /** The value to resume the task with, or KEEP_BLOCKED. */
  step(): T | typeof KEEP_BLOCKED;
}

export class Kernel {
  nowMicros = 0;
  eventsFired = 0;
  current: Task | null = null;
  failure: TaskFailure | null = null;
  stuckTask: Task | null = null;
  finished = false;
  /** Rounds of the run loop: one to start, then one per hand-back from a task (a cost figure). */
  rounds = 0;

  private seq = 0;
  private runnable = 0;
  private nextTaskId = 1;
  private nextProcessId = 1;
  private readonly incarnations = new Map<string, number>();
  private readonly heap = new EventHeap(EVENT_QUEUE_CAPACITY);
  private due: SimEvent[] = [];
  private dueHead = 0;
  private spawning: Process | null = null;
  private actor: Label | null = null;
  private readonly outerActors: (Label | null)[] = [];
  private mainTask: Task | null = null;
  private limits: RunLimits | null = null;
  private stopWith: ((reason: StopReason) => void) | null = null;
  private failWith: ((error: unknown) => void) | null = null;
  /** The loop is running events right now (a task blocking meanwhile needs no hand-back). */
  private looping = false;
  /** A hand-back is queued: the loop runs again in a microtask. */
  private loopQueued = false;
  private readonly loopRound = (): void => this.loop();

  constructor(readonly chooser: Chooser) {}

  // ---- processes and tasks ------------------------------------------------------------------

  newProcess(name: string): Process {
    const incarnation = (this.incarnations.get(name) ?? 0) + 1;
    this.incarnations.set(name, incarnation);
    return new Process(this.nextProcessId++, name, incarnation);
  }

  /** Runs `init` synchronously "inside" `proc`, so the goroutines it starts belong to `proc`. */
  within<T>(proc: Process, init: () => T): T {
    const outer = this.enter(proc);
    try {
      return init();
    } finally {
      this.leave(outer);
    }
  }

  /**
   * within() without a closure, for hot callbacks: act for `proc` until leave(the result).
   * `actor` is the label trace events carry meanwhile: a callback that stands in for a Go
   * goroutine (rpc's input loop, ServeConn) records under that goroutine's name.
   */
  enter(proc: Process, actor: Label | null = null): Process | null {
    const outer = this.spawning;
    this.outerActors.push(this.actor);
    this.spawning = proc;
    this.actor = actor;
    return outer;
  }

  /**
   * For a callback that acts for `proc` in place of a goroutine: true if it may run now. If the
   * process is paused, the callback is kept and scheduled again when the process resumes.
   */
  mayRunFor(proc: Process, callback: KernelCallback): boolean {
    if (proc.state === 'running') return true;
    if (proc.state === 'paused') proc.heldCallbacks.push(callback);
    return false;
  }

  leave(outer: Process | null): void {
    this.spawning = outer;
    this.actor = this.outerActors.pop() ?? null;
  }

  /** The process a primitive called right now acts for. */
  currentProcess(): Process {
    const proc = this.spawning ?? this.current?.proc;
    assert(proc !== undefined, 'no current process: call this from inside a simulated task');
    return proc;
  }

  /** The label trace events carry for whoever acts right now. */
  actorLabel(): string {
    return this.actorTraceLabel().text;
  }

  /** actorLabel, with the journal's id for it cached (see Label). */
  actorTraceLabel(): Label {
    if (this.spawning !== null) return this.actor ?? this.spawning.traceLabel;
    return this.current?.traceLabel ?? KERNEL_LABEL;
  }

  /** `go fn()`: a new goroutine in `proc`, started at the current instant (after the caller's step). */
  go(proc: Process, name: string, body: () => unknown): Task {
    const task = new Task(this.nextTaskId++, name, proc, body);
    if (!proc.alive) {
      task.state = 'dead';
      return task;
    }
    proc.addTask(task);
    this.schedule(new SimEvent(this.nowMicros, this.seq++, task, null, undefined, null));
    return task;
  }

  setMain(task: Task): void {
    this.mainTask = task;
  }

  /** The running task, for a primitive about to block it (`reason` names the primitive). */
  runningTask(reason: string): Task {
    const task = this.current;
    if (task === null || !task.counted) assert(false, `${reason}: a kernel primitive was called outside a running task`);
    return task;
  }

  /** Blocks the running task; the returned waiter's promise resolves when someone wakes it. */
  block<T>(reason: string): Waiter<T> {
    const task = this.runningTask(reason);
    if (task.waiter !== null) assert(false, `${task.label}: waits on two kernel primitives at once; start a goroutine with go() instead`);
    task.counted = false;
    if (--this.runnable === 0) this.handBack();
    const waiter = new Waiter<T>(task, reason);
    if (task.state === 'dead' || this.finished) {
      // Its process died while it ran (or the run is over): it never resumes.
      (waiter as { promise: Promise<T> }).promise = NEVER;
      return waiter;
    }
    task.state = 'blocked';
    task.waiter = waiter as Waiter;
    return waiter;
  }

  /** Schedules `waiter`'s task to resume with `value` after `delayMicros` of virtual time. */
  wake<T>(waiter: Waiter<T>, value: T, delayMicros = 0): void {
    if (!wholeDelay(delayMicros)) assert(false, `wake delay must be a whole number of microseconds, got ${delayMicros}`);
    this.schedule(new SimEvent(this.nowMicros + delayMicros, this.seq++, waiter.task, waiter as Waiter, value, null));
  }

  /** Schedules `waiter`'s task to resume after `delayMicros`; its `produce` gives the value then. */
  wakeToProduce<T>(waiter: Waiter<T>, delayMicros: number): void {
    if (waiter.produce === null) assert(false, `${waiter.reason}: wakeToProduce needs a waiter that produces its value`);
    if (!wholeDelay(delayMicros)) assert(false, `wake delay must be a whole number of microseconds, got ${delayMicros}`);
    this.schedule(new SimEvent(this.nowMicros + delayMicros, this.seq++, waiter.task, waiter as Waiter, undefined, null));
  }

  /**
   * From a kernel callback: resumes `waiter`'s task in this same event, as if the callback's
   * event had been its wake. A callback resumes at most one task this way (one task runs per
   * event); anyone else it wakes gets an event of their own through wake().
   */
  resumeNow<T>(waiter: Waiter<T>, value: T): boolean {
    if (this.runnable > 0) return false;
    this.resumeWaiting(waiter.task, waiter as Waiter, value, null);
    return true;
  }

  /**
   * From a callback event that stands in for a wake of `waiter`'s task (the callback's
   * `goroutine`): runs `step` as that task, synchronously, while the task stays blocked on
   * `waiter`. Meanwhile the kernel counts the task as running, exactly as if the wake had resumed
   * it (it is the current task, it names trace events, another goroutine it wakes gets an event of
   * its own), but no promise is resolved and no microtask runs. `step` returns the value to
   * resume the task with, or KEEP_BLOCKED to leave it waiting; if it throws, the task's wait
   * throws the error (uncaught, the task fails with it). For a goroutine whose next stretch of
   * work is short and synchronous, where a resume and a block would cost more than the work: the
   * rpc client's send check and its write, the lab accept loop's turns.
   */
  stepBlocked<T>(waiter: Waiter<T>, work: BlockedStep<T>): void {
    const task = waiter.task;
    if (task.waiter !== waiter || this.runnable > 0) assert(false, `${task.label}: stepBlocked needs the task blocked on this waiter, and no task running`);
    this.current = task;
    task.counted = true;
    task.state = 'running';
    this.runnable++;
    let value: T | typeof KEEP_BLOCKED;
    try {
      value = work.step();
    } catch (error) {
      task.waiter = null;
      waiter.resolve(Promise.reject(error));
      return;
    }
    if (value !== KEEP_BLOCKED) {
      task.waiter = null;
      waiter.resolve(value);
      return;
    }
    if (task.state === 'running') task.state = 'blocked';
    task.counted = false;
    if (--this.runnable === 0) this.handBack();
  }

  /** Runs a kernel callback at `nowMicros + delayMicros` (for the goroutine it stands in for, if any). */
  at(delayMicros: number, callback: (() => void) | KernelCallback): void {
    if (!wholeDelay(delayMicros)) assert(false, `callback delay must be a whole number of microseconds, got ${delayMicros}`);
    const goroutine = typeof callback === 'function' ? null : (callback.goroutine ?? null);
    this.schedule(new SimEvent(this.nowMicros + delayMicros, this.seq++, goroutine, null, undefined, callback));
  }

  sleep(micros: number): Promise<void> {
    const waiter = this.block<void>('sleep');
    this.wake(waiter, undefined, micros);
    return waiter.promise;
  }

  // ---- stopping and holding -------------------------------------------------------------------

  crash(proc: Process): void {
    if (proc.state === 'crashed') return;
    proc.state = 'crashed';
    proc.heldCallbacks.length = 0;
    for (const task of proc.tasks) {
      task.state = 'dead';
      task.waiter = null;
      task.held = null;
    }
    proc.dropAll();
    for (const fd of [...proc.fds]) fd.closeOnCrash();
    proc.fds.clear();
  }

  pause(proc: Process): void {
    if (proc.state === 'running') proc.state = 'paused';
  }

  resume(proc: Process): void {
    if (proc.state !== 'paused') return;
    proc.state = 'running';
    for (const task of proc.tasks) this.release(task);
    for (const callback of proc.heldCallbacks.splice(0)) this.at(0, callback);
  }

  pauseTask(task: Task): void {
    task.paused = true;
  }

  resumeTask(task: Task): void {
    task.paused = false;
    this.release(task);
  }

  private release(task: Task): void {
    const held = task.held;
    if (held === null || task.isHeld) return;
    task.held = null;
    this.schedule(new SimEvent(this.nowMicros, this.seq++, task, held.waiter, held.value, held.callback));
  }

  // ---- the run loop -------------------------------------------------------------------------

  /**
   * Runs events until a stop condition. The loop itself never awaits: it runs kernel callbacks
   * and resumes tasks until one resumed task is left running (it continues in a microtask), then
   * returns; that task's block or return hands back (handBack). A task that awaits something
   * else never hands back: once the microtask queue runs dry with it still running, the
   * watch below stops the run as 'stuck-task'.
   */
  run(limits: RunLimits): Promise<StopReason> {
    assert(!this.finished && this.limits === null, 'a kernel runs once');
    this.limits = limits;
    return new Promise<StopReason>((resolve, reject) => {
      this.stopWith = resolve;
      this.failWith = reject;
      this.loop();
      if (!this.finished) this.watchForStuckTask();
    });
  }

  /** A task blocked or returned and none is left running: queue the next round of the loop. */
  private handBack(): void {
    if (this.looping || this.loopQueued || this.finished || this.limits === null) return;
    this.loopQueued = true;
    void SETTLED.then(this.loopRound);
  }

  private loop(): void {
    this.loopQueued = false;
    if (this.finished) return;
    this.rounds++;
    this.looping = true;
    try {
      const limits = this.limits!;
      while (this.runnable === 0) {
        if (this.failure !== null) return this.stop('task-failed');
        if (this.mainTask !== null && this.mainTask.state === 'done') return this.stop('main-returned');
        const next = this.peekTime();
        if (next === undefined) return this.stop('quiescent');
        if (next > limits.maxVirtualMicros) return this.stop('time-bound');
        if (this.eventsFired >= limits.maxEvents) return this.stop('event-bound');
        const event = this.takeNext();
        this.eventsFired++;
        this.nowMicros = event.timeMicros;
        const callback = event.callback;
        if (callback === null) this.fire(event);
        else if (event.task !== null) this.runFor(event.task, event, callback as KernelCallback);
        else if (typeof callback === 'function') callback();
        else callback.run();
      }
    } catch (error) {
      this.finished = true;
      this.failWith!(error);
    } finally {
      this.looping = false;
    }
  }

  private stop(reason: StopReason): void {
    this.finished = true;
    this.stopWith!(reason);
  }

  /** Called back once the microtask queue has run dry: a run still going then has a task that
   *  awaits something no kernel event will ever resolve (a run is one unbroken microtask chain). */
  private watchForStuckTask(): void {
    whenMicrotasksRunDry(() => {
      if (this.finished) return;
      if (this.runnable > 0) {
        this.stuckTask = this.current;
        this.stop('stuck-task');
      } else this.watchForStuckTask();
    });
  }

  /** A callback that stands in for `task`: held while the task is, dropped once it is gone. */
  private runFor(task: Task, event: SimEvent, callback: KernelCallback): void {
    if (task.state === 'dead' || task.state === 'done') return;
    if (!task.isHeld) return callback.run();
    if (task.held !== null) assert(false, `${task.label}: two events held for one goroutine (a stand-in has at most one pending)`);
    task.held = event;
  }

  private fire(event: SimEvent): void {
    this.resumeWaiting(event.task!, event.waiter, event.value, event);
  }

  /** `event` is the wake being fired, if it is one (kept as is if the task is held). */
  private resumeWaiting(task: Task, waiter: Waiter | null, value: unknown, event: SimEvent | null): void {
    if (task.state === 'dead' || task.state === 'done') return;
    if (waiter !== null && task.waiter !== waiter) return; // a wake for a wait that already ended
    if (task.isHeld) {
      task.held = event ?? new SimEvent(this.nowMicros, this.seq++, task, waiter, value, null);
      return;
    }
    this.current = task;
    task.counted = true;
    task.state = 'running';
    this.runnable++;
    if (waiter === null) this.start(task);
    else {
      task.waiter = null;
      waiter.resolve(waiter.produce === null ? value : waiter.produce());
    }
  }

  private start(task: Task): void {
    let result: unknown;
    try {
      result = task.body();
    } catch (error) {
      this.finish(task, error);
      return;
    }
    if (result instanceof Promise) {
      result.then(
        () => this.finish(task, undefined),
        (error: unknown) => this.finish(task, error ?? new Error('task rejected with no reason')),
      );
    } else this.finish(task, undefined);
  }

  private finish(task: Task, error: unknown): void {
    if (task.counted) {
      task.counted = false;
      if (--this.runnable === 0) this.handBack();
    }
    const died = task.state === 'dead';
    if (!died) task.state = 'done';
    task.proc.removeTask(task);
    if (error !== undefined && !died && this.failure === null) this.failure = { task, error };
  }

  // ---- the agenda ---------------------------------------------------------------------------

  /** Events due now join `due`; takeNext moves every heap event of an instant there at once,
   *  so while `due` is being drained the heap holds only later events. */
  private schedule(event: SimEvent): void {
    const head = this.heap.peek();
    if (event.timeMicros === this.nowMicros && (head === undefined || head.timeMicros > this.nowMicros)) this.due.push(event);
    else this.heap.push(event);
  }

  private peekTime(): number | undefined {
    if (this.dueHead < this.due.length) return this.nowMicros;
    return this.heap.peek()?.timeMicros;
  }

  private dueTaskIds(): number[] {
    const ids: number[] = [];
    for (let i = this.dueHead; i < this.due.length; i++) ids.push(this.due[i]!.task?.id ?? 0);
    return ids;
  }

  private takeNext(): SimEvent {
    if (this.dueHead >= this.due.length) {
      if (this.due.length > 0) {
        this.due = [];
        this.dueHead = 0;
      }
      const first = this.heap.pop()!;
      // Most instants hold one event: it runs without passing through `due` (which stays empty,
      // ready for anything scheduled at this instant while it runs).
      if (this.heap.peek()?.timeMicros !== first.timeMicros) return first;
      this.due.push(first);
      while (this.heap.peek()?.timeMicros === first.timeMicros) this.due.push(this.heap.pop()!);
    }
    const count = this.due.length - this.dueHead;
    if (count === 1) return this.due[this.dueHead++]!;
    const index = this.chooser.pickTask
      ? this.chooser.pickTask('schedule.tie', this.dueTaskIds())
      : this.chooser.pick('schedule.tie', count);
    const due = this.due;
    const head = this.dueHead++;
    const chosen = due[head + index]!;
    // Take it out and keep the others' order (splice would build an array for the one taken).
    for (let i = head + index; i > head; i--) due[i] = due[i - 1]!;
    return chosen;
  }
}
