// The child processes of a parallel exploration: each is started once, loads its own copy of the
// target, and runs the batches of runs it is sent, replying with one verdict per run. This file
// owns the processes and their queues; which runs to send, and when, is pool.ts's business.

import { fork, type ChildProcess } from 'node:child_process';
import type { SeedRun, SeedVerdict } from './seed-run.ts';
import type { ToChild, FromChild } from './child.ts';

interface Child {
  readonly process: ChildProcess;
  /** Runs sent and not yet answered (run, skipped or given back). */
  outstanding: number;
  /** Asked to give back the runs it has not started, and not yet answered. */
  askedBack: boolean;
}

export class ChildPool {
  private readonly children: Child[] = [];
  private verdictListener: (verdict: SeedVerdict) => void = () => {};
  private givenBackListener: (indexes: readonly number[]) => void = () => {};
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private closing = false;

  constructor(moduleUrl: string, count: number) {
    for (let i = 0; i < count; i++) {
      // Plain `node` options: the boot file loads TypeScript itself, and a parent's --inspect or
      // test-runner flags must not follow the children.
      const proc = fork(new URL('./child-boot.mjs', import.meta.url), [moduleUrl], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      const child: Child = { process: proc, outstanding: 0, askedBack: false };
      this.children.push(child);
      proc.on('message', (message: FromChild) => {
        if (message.type === 'returned') {
          child.askedBack = false;
          child.outstanding -= message.indexes.length;
          this.givenBackListener(message.indexes);
        } else {
          child.outstanding--;
          if (message.type === 'verdict') this.verdictListener(message.verdict);
        }
        this.poke();
      });
      proc.on('error', (error) => this.fail(new Error(`explore child process ${i + 1} failed: ${error.message}`)));
      proc.on('exit', (code, signal) => {
        if (!this.closing) this.fail(new Error(`explore child process ${i + 1} exited (${signal ?? `code ${code}`}) before the exploration ended`));
      });
    }
  }

  onVerdict(listener: (verdict: SeedVerdict) => void): void {
    this.verdictListener = listener;
  }

  /** Runs a child hands back unstarted (see takeBack). */
  onGivenBack(listener: (indexes: readonly number[]) => void): void {
    this.givenBackListener = listener;
  }

  /** True while some child has runs it has not answered. */
  get busy(): boolean {
    return this.children.some((child) => child.outstanding > 0);
  }

  /** The caller has run out of runs: every child holding more than the run it is on gives back
   *  the later half of the others (a child on a slower or busier core falls behind). */
  takeBack(): void {
    this.throwIfFailed();
    for (const child of this.children) {
      if (child.outstanding <= 1 || child.askedBack) continue;
      child.askedBack = true;
      this.send(child, { type: 'give-back' });
    }
  }

  /** Resolves at the next message from a child (or its failure). */
  async nextMessage(): Promise<void> {
    this.throwIfFailed();
    await new Promise<void>((resolve) => (this.wake = resolve));
    this.throwIfFailed();
  }

  /**
   * Tops every child up to two batches of `size` runs, taking runs from `next` until it has none,
   * but never beyond its fair share of what is left (`untaken` runs not handed out, plus those
   * the children hold, over `jobs` processes): near the end a child holding more than its share
   * would leave the others idle while it works through its queue.
   */
  refill(size: number, jobs: number, untaken: () => number, next: () => { index: number; run: SeedRun } | null): void {
    this.throwIfFailed();
    for (const child of this.children) {
      for (;;) {
        const share = Math.floor((untaken() + this.outstanding()) / jobs);
        const room = Math.min(2 * size, share) - child.outstanding;
        if (room <= 0) break;
        const items: { index: number; run: SeedRun }[] = [];
        const wanted = Math.min(size, room);
        for (let item = next(); item !== null; item = items.length < wanted ? next() : null) items.push(item);
        if (items.length === 0) return;
        child.outstanding += items.length;
        this.send(child, { type: 'batch', items });
      }
    }
  }

  /** Runs sent to children and not yet answered. */
  private outstanding(): number {
    let total = 0;
    for (const child of this.children) total += child.outstanding;
    return total;
  }

  /** Runs at or past `limit` are not wanted any more: children skip the ones still queued. */
  cutoff(limit: number): void {
    for (const child of this.children) if (child.outstanding > 0) this.send(child, { type: 'cutoff', limit });
  }

  close(): void {
    this.closing = true;
    for (const child of this.children) child.process.kill();
  }

  private send(child: Child, message: ToChild): void {
    child.process.send(message);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.poke();
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private throwIfFailed(): void {
    if (this.failure !== null) throw this.failure;
  }
}
