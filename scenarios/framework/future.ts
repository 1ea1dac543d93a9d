// A goroutine whose result can be awaited, with or without a timeout: the Go tests' pattern of
// a goroutine that sends on a channel and a `select` between that channel and `time.After(d)`.
// Built on the kernel's WaitGroup and sleep, so the kernel decides which case wins.

import { WaitGroup, go, sleep } from '../../sim/index.ts';

export type Outcome<T> = { readonly done: true; readonly value: T } | { readonly done: false };

export class Future<T> {
  private outcome: Outcome<T> = { done: false };
  private readonly wakers = new Set<() => void>();

  private constructor() {}

  /** `go func() { ch <- fn() }()` */
  static go<T>(fn: () => Promise<T>, name: string): Future<T> {
    const future = new Future<T>();
    go(async () => {
      const value = await fn();
      future.outcome = { done: true, value };
      for (const wake of [...future.wakers]) wake();
    }, name);
    return future;
  }

  get done(): boolean {
    return this.outcome.done;
  }

  /** `<-ch`: blocks until the goroutine has returned. */
  async wait(): Promise<T> {
    if (!this.outcome.done) await this.whenSettledOr(null);
    const outcome = this.outcome;
    if (!outcome.done) throw new Error('Future.wait woke before its goroutine finished');
    return outcome.value;
  }

  /** `select { case v := <-ch: ...; case <-time.After(d): }` */
  async waitFor(timeoutMicros: number): Promise<Outcome<T>> {
    if (this.outcome.done) return this.outcome;
    const first = await this.whenSettledOr(timeoutMicros);
    return first === 'value' ? this.outcome : { done: false };
  }

  /** Blocks until the goroutine returns or the timer fires; says which came first. */
  private async whenSettledOr(timeoutMicros: number | null): Promise<'value' | 'timeout'> {
    const ready = new WaitGroup();
    ready.add(1);
    const race: { first: 'value' | 'timeout' | null } = { first: null };
    const fire = (which: 'value' | 'timeout'): void => {
      if (race.first !== null) return;
      race.first = which;
      this.wakers.delete(onValue);
      ready.done();
    };
    const onValue = (): void => fire('value');
    this.wakers.add(onValue);
    if (timeoutMicros !== null) {
      go(async () => {
        await sleep(timeoutMicros);
        fire('timeout');
      }, 'time.After');
    }
    await ready.wait();
    return race.first ?? 'value';
  }
}
