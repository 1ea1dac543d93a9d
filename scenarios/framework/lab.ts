// The lab's constructors as the Go tests call them, on the implementation under test (t.impl),
// with the bookkeeping a scenario needs: every server runs in a process of its own with a short
// name for the trace (vs, s1, s2, s3), and key/value clerks count their completed operations and
// record them in the run's history.

import { spawnProcess, type Process } from '../../sim/index.ts';
import { DeadPings, PingInterval, type PBClerk, type PBServer, type View, type ViewClerk as VsClerk, type ViewServer } from '../../protocol/implementation.ts';
import type { TestContext } from './context.ts';

export const Second = 1_000_000;
export const Millisecond = 1_000;
/** Every 2015 test starts with runtime.GOMAXPROCS(4): four threads on the machine's two CPUs. */
export const LAB_GOMAXPROCS = 4;
export { DeadPings, PingInterval };

/** viewservice.StartServer(vshost), in its own process named "vs". */
export function StartViewServer(t: TestContext, vshost: string): ViewServer {
  return spawnProcess('vs', () => t.impl.viewservice.StartServer(vshost)).value;
}

/** A running pbservice server as the tests hold it: its socket path, its process (for crash and
 *  pause), and the lab's kill() and setunreliable(). A fault plan's restart puts a fresh server
 *  behind the same handle: the test names a server by its path, so its later kill() and
 *  setunreliable() reach whichever server runs there now. */
export class ServerHandle {
  private running: { readonly proc: Process; readonly server: PBServer };

  constructor(
    readonly me: string,
    /** The viewservice it was started with, so a restart can start it the same way. */
    readonly vshost: string,
    proc: Process,
    server: PBServer,
  ) {
    this.running = { proc, server };
  }

  get proc(): Process {
    return this.running.proc;
  }

  kill(): void {
    this.running.server.kill();
  }

  setunreliable(what: boolean): void {
    this.running.server.setunreliable(what);
  }

  /** The fresh server a restart started at this path. */
  replaceWith(proc: Process, server: PBServer): void {
    this.running = { proc, server };
  }
}

/** pbservice.StartServer(vshost, me) in a new process named `name`, with no bookkeeping. */
export function spawnServer(t: TestContext, vshost: string, me: string, name: string): { proc: Process; value: PBServer } {
  return spawnProcess(name, () => t.impl.pbservice.StartServer(vshost, me));
}

/** pbservice.StartServer(vshost, me), in its own process named `name` (e.g. "s1"); the run's
 *  fault plan can reach it by that name (see TestContext.serverStarted). */
export function StartServer(t: TestContext, vshost: string, me: string, name: string): ServerHandle {
  const { proc, value } = spawnServer(t, vshost, me, name);
  const server = new ServerHandle(me, vshost, proc, value);
  t.serverStarted(name, server);
  return server;
}

/** viewservice.MakeClerk(me, server), uncounted: the tests' own view polling. */
export function MakeVsClerk(t: TestContext, me: string, server: string): VsClerk {
  return t.impl.viewservice.MakeClerk(me, server);
}

/** A pbservice clerk that counts what it completes and records it in the run's history. */
export class KvClerk {
  private readonly clientId: number;

  constructor(
    private readonly t: TestContext,
    private readonly ck: PBClerk,
  ) {
    this.clientId = t.newClientId();
  }

  async Get(key: string): Promise<string> {
    const op = this.t.calling(this.clientId, 'get', key, '');
    const value = await this.ck.Get(key);
    this.t.returned(op, value);
    return value;
  }

  async Put(key: string, value: string): Promise<void> {
    const op = this.t.calling(this.clientId, 'put', key, value);
    await this.ck.Put(key, value);
    this.t.returned(op);
  }

  async Append(key: string, value: string): Promise<void> {
    const op = this.t.calling(this.clientId, 'append', key, value);
    await this.ck.Append(key, value);
    this.t.returned(op);
  }
}

/** pbservice.MakeClerk(vshost, me). */
export function MakeClerk(t: TestContext, vshost: string, me: string): KvClerk {
  return new KvClerk(t, t.impl.pbservice.MakeClerk(vshost, me));
}

/** A viewservice clerk whose Ping, Get and Primary count as the viewservice test's operations. */
export class ViewClerk {
  constructor(
    private readonly t: TestContext,
    private readonly ck: VsClerk,
    readonly me: string,
  ) {}

  async Ping(viewnum: number): Promise<{ view: View; error: string | null }> {
    const result = await this.ck.Ping(viewnum);
    this.t.countOperation();
    return result;
  }

  async Get(): Promise<{ view: View; ok: boolean }> {
    const result = await this.ck.Get();
    this.t.countOperation();
    return result;
  }

  async Primary(): Promise<string> {
    const primary = await this.ck.Primary();
    this.t.countOperation();
    return primary;
  }
}

/** viewservice.MakeClerk(me, server), counted. */
export function MakeViewClerk(t: TestContext, me: string, server: string): ViewClerk {
  return new ViewClerk(t, t.impl.viewservice.MakeClerk(me, server), me);
}
