// The implementation interface: what the 2015 tests need from a viewservice and a pbservice, and
// nothing more. The scenarios drive whatever implementation they are given through these types;
// the reference (protocol/reference.ts) is one implementation, a student's own code (`rpcsim
// init`, then `--impl DIR`) is another. Each method is named as in the Go lab skeleton, so this
// file reads next to viewservice/{server,client}.go and pbservice/{server,client}.go.
//
// The test harness starts each server in a process of its own (so `crash`, `pause` and the
// 6.824 `kill` act on it alone) and calls StartServer inside it: the goroutines StartServer
// starts with `go(...)` belong to that server.

import type { View } from './viewservice/common.ts';

export type { View } from './viewservice/common.ts';
export { DeadPings, EMPTY_VIEW, PingInterval } from './viewservice/common.ts';
export { ErrNoKey, ErrWrongServer, OK, nrand, type Err } from './pbservice/common.ts';

// ---- viewservice ---------------------------------------------------------------------------

/** What the tests keep of a running view server (viewservice/server.go's *ViewServer). */
export interface ViewServer {
  /** Kill(): set dead and close the listener (which also removes the socket file). */
  Kill(): void;
  /** GetRPCCount(): RPCs accepted so far, one per connection (call() dials afresh each time).
   *  TestBasicFail's "Count RPCs to viewserver" reads it. */
  GetRPCCount(): number;
}

/** viewservice/client.go's *Clerk: every RPC goes through call(), which never times out. */
export interface ViewClerk {
  /** Ping(viewnum) (View, error): on failure the empty view and the error `Ping(<n>) failed`. */
  Ping(viewnum: number): Promise<{ view: View; error: string | null }>;
  /** Get() (View, bool): the current view without volunteering; ok=false when call() failed. */
  Get(): Promise<{ view: View; ok: boolean }>;
  /** Primary() string: the current primary, or "" when call() failed. */
  Primary(): Promise<string>;
}

export interface ViewService {
  /** StartServer(me): remove the old socket file, listen on `me`, start the accept loop and the
   *  tick goroutine (tick(), then sleep PingInterval, until dead). */
  StartServer(me: string): ViewServer;
  /** MakeClerk(me, server): a clerk named `me` talking to the view server at `server`. */
  MakeClerk(me: string, server: string): ViewClerk;
}

// ---- pbservice -----------------------------------------------------------------------------

/** What the tests keep of a running key/value server (pbservice/server.go's *PBServer). */
export interface PBServer {
  /** kill(): set dead and close the listener. Handlers already running carry on and may still
   *  call and reply; the accept and tick loops stop at their next isdead() check. */
  kill(): void;
  /** setunreliable(what): from now on the accept loop drops 10% of requests unread and loses the
   *  reply of 18% more (the staff accept loop; use rpcsim's `acceptLoop`, which does exactly it). */
  setunreliable(what: boolean): void;
}

/** pbservice/client.go's *Clerk. Each operation keeps trying until it succeeds. */
export interface PBClerk {
  /** Get(key): the key's value from the current primary; "" if the key is not present. */
  Get(key: string): Promise<string>;
  /** Put(key, value): the key's value becomes `value`, once, however often it is retried. */
  Put(key: string, value: string): Promise<void>;
  /** Append(key, value): `value` is appended to the key's value, once, however often it is retried. */
  Append(key: string, value: string): Promise<void>;
}

export interface PBService {
  /** StartServer(vshost, me): a server at `me` that learns views from the view server at
   *  `vshost` by pinging it in tick(); it starts the accept loop and the tick goroutine. */
  StartServer(vshost: string, me: string): PBServer;
  /** MakeClerk(vshost, me): a clerk that finds the primary through the view server at `vshost`.
   *  The tests pass me = "". */
  MakeClerk(vshost: string, me: string): PBClerk;
}

/** A whole lab: what a module passed to `--impl` exports (as `viewservice` and `pbservice`). */
export interface Implementation {
  readonly viewservice: ViewService;
  readonly pbservice: PBService;
}
