// The lab's constructors as the Go tests call them, with the bookkeeping a scenario needs:
// every server and clerk gets this run's bugs, servers get short process names for the trace
// (vs, s1, s2, s3), and key/value clerks count their completed operations and record them in
// the run's history.

import { pbservice, viewservice } from '../../protocol/index.ts';
import type { TestContext } from './context.ts';

export const Second = 1_000_000;
export const Millisecond = 1_000;
/** Every 2015 test starts with runtime.GOMAXPROCS(4): four threads on the machine's two CPUs. */
export const LAB_GOMAXPROCS = 4;
export const { PingInterval, DeadPings } = viewservice;

/** viewservice.StartServer(vshost), in its own process named "vs". */
export function StartViewServer(t: TestContext, vshost: string): viewservice.ViewServer {
  return viewservice.StartServer(vshost, t.options('vs'));
}

/** pbservice.StartServer(vshost, me), in its own process named `name` (e.g. "s1"). */
export function StartServer(t: TestContext, vshost: string, me: string, name: string): pbservice.PBServer {
  return pbservice.StartServer(vshost, me, t.options(name));
}

/** A pbservice clerk that counts what it completes and records it in the run's history. */
export class KvClerk {
  private readonly clientId: number;

  constructor(
    private readonly t: TestContext,
    private readonly ck: pbservice.Clerk,
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
  return new KvClerk(t, pbservice.MakeClerk(vshost, me, t.options()));
}

/** A viewservice clerk whose Ping, Get and Primary count as the viewservice test's operations. */
export class ViewClerk {
  constructor(
    private readonly t: TestContext,
    private readonly ck: viewservice.Clerk,
    readonly me: string,
  ) {}

  async Ping(viewnum: number): Promise<{ view: viewservice.View; error: string | null }> {
    const result = await this.ck.Ping(viewnum);
    this.t.countOperation();
    return result;
  }

  async Get(): Promise<{ view: viewservice.View; ok: boolean }> {
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
  return new ViewClerk(t, viewservice.MakeClerk(me, server), me);
}
