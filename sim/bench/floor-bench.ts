// The floor: the same workloads as kernel-bench and rpc-bench on the leanest simulator that still
// runs async tasks on a virtual clock: a binary heap of (time, seq) events and tasks blocked on
// plain promises, no tracing, no network, no chooser. `rpc.vs_floor` and `kernel.vs_floor` divide
// rpcsim's rates by these, measured in the same run, so progress reads as a ratio on a noisy
// machine. An RPC here is two events: the request reaches the server task, the reply reaches the
// client task; each event resumes one task and waits for it to block again.

/** Events ordered by virtual time, then by the order they were scheduled (a deterministic heap). */
class EventHeap {
  private readonly at: number[] = [];
  private readonly seq: number[] = [];
  private readonly fns: (() => void)[] = [];
  private next = 0;

  get size(): number {
    return this.fns.length;
  }

  push(at: number, fn: () => void): void {
    let i = this.fns.length;
    this.at.push(at);
    this.seq.push(this.next++);
    this.fns.push(fn);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Removes the earliest event; returns its time and leaves its callback in `popped`. */
  pop(): number {
    const at = this.at[0]!;
    this.popped = this.fns[0]!;
    const last = this.fns.length - 1;
    this.swap(0, last);
    this.at.pop();
    this.seq.pop();
    this.fns.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < last && this.before(l, m)) m = l;
      if (r < last && this.before(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return at;
  }

  popped: () => void = () => {};

  private before(a: number, b: number): boolean {
    return this.at[a]! < this.at[b]! || (this.at[a] === this.at[b] && this.seq[a]! < this.seq[b]!);
  }

  private swap(a: number, b: number): void {
    [this.at[a], this.at[b]] = [this.at[b]!, this.at[a]!];
    [this.seq[a], this.seq[b]] = [this.seq[b]!, this.seq[a]!];
    [this.fns[a], this.fns[b]] = [this.fns[b]!, this.fns[a]!];
  }
}

/**
 * A virtual clock that runs one task at a time. There is no loop: a task that blocks hands off
 * to the next event at once (`yieldToLoop`), whose callback resolves the promise another task
 * waits on, so an event costs one promise resolution and one microtask hop.
 */
class FloorSim {
  now = 0;
  events = 0;
  private readonly heap = new EventHeap();
  private rng = 1;
  private finished: (() => void) | null = null;

  at(delay: number, fn: () => void): void {
    this.heap.push(this.now + delay, fn);
  }

  randomInt(n: number): number {
    // xorshift32: the floor's stand-in for the kernel's seeded generator.
    let x = this.rng;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.rng = x >>> 0;
    return this.rng % n;
  }

  /** Called by a task as it blocks (or by an event that woke no task): runs the next event. */
  yieldToLoop(): void {
    if (this.heap.size === 0) {
      this.finished?.();
      return;
    }
    this.now = this.heap.pop();
    this.events++;
    this.heap.popped();
  }

  sleep(delay: number): Promise<void> {
    return new Promise<void>((resolve) => {
      this.at(delay, resolve);
      this.yieldToLoop();
    });
  }

  /** Starts `body` as a task when the run starts: its first step is an event at time 0. */
  spawn(body: () => Promise<void>): void {
    this.at(0, () => void body().then(() => this.yieldToLoop()));
  }

  run(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.finished = resolve;
      this.yieldToLoop();
    });
  }
}

/** kernel-bench's goroutines on the floor: 100 tasks, 2,000 sleeps each. Returns the events. */
export async function floorKernelWorkload(): Promise<number> {
  const sim = new FloorSim();
  for (let g = 0; g < 100; g++) {
    sim.spawn(async () => {
      for (let i = 0; i < 2_000; i++) await sim.sleep(i % 4 === 0 ? 1 : 1 + sim.randomInt(50));
    });
  }
  await sim.run();
  return sim.events;
}

interface Request {
  readonly key: string;
  readonly value: string;
  readonly reply: (err: string) => void;
}

/** rpc-bench's calls on the floor: 3 server tasks, 10 client tasks, 2,000 calls each. Returns the calls. */
export async function floorRpcWorkload(): Promise<number> {
  const sim = new FloorSim();
  const LATENCY_MICROS = 10;
  let calls = 0;
  const servers = Array.from({ length: 3 }, () => ({ inbox: [] as Request[], wake: null as (() => void) | null, kv: new Map<string, string>() }));
  for (const server of servers) {
    sim.spawn(async () => {
      for (;;) {
        while (server.inbox.length === 0) {
          await new Promise<void>((resolve) => {
            server.wake = resolve;
            sim.yieldToLoop();
          });
        }
        const request = server.inbox.shift()!;
        server.kv.set(request.key, request.value);
        sim.at(LATENCY_MICROS, () => request.reply('OK'));
      }
    });
  }
  const call = (server: (typeof servers)[number], key: string, value: string): Promise<string> =>
    new Promise<string>((reply) => {
      sim.at(LATENCY_MICROS, () => {
        server.inbox.push({ key, value, reply });
        const wake = server.wake;
        server.wake = null;
        if (wake !== null) wake();
        else sim.yieldToLoop();
      });
      sim.yieldToLoop();
    });
  for (let c = 0; c < 10; c++) {
    sim.spawn(async () => {
      for (let i = 0; i < 2_000; i++) {
        if ((await call(servers[sim.randomInt(servers.length)]!, `k${c}`, `v${i}`)) === 'OK') calls++;
      }
    });
  }
  await sim.run();
  return calls;
}
