// The 6.824 pbservice accept loop (staff code, spec §3.1), line for line. While unreliable, each
// accepted connection gets two independent draws from the process's math/rand: below 100 of
// 1000 the request is dropped (closed unread); else below 200 the reply is dropped
// (shutdown(SHUT_WR) on a dup'd fd, then served). Net shares: 10% / 18% / 72%.
//
// The loop's goroutine only ever blocks in Accept, so after its first wait it parks for good, and
// its later turns run from its wake events (Listener.watchAcceptable, at the latency a blocked
// acceptor would be woken) as that goroutine, without resuming it (Kernel.stepBlocked). It stays
// among its process's live goroutines; its events carry it, so pausing it holds them and a
// scheduler sees its id; the kernel counts it as running during a turn, as it would a resumed
// goroutine. Resuming it for every accepted connection cost a promise and two microtasks an RPC.

import type { KernelCallback } from '../kernel/event-queue.ts';
import { KEEP_BLOCKED, type BlockedStep, type Kernel } from '../kernel/kernel.ts';
import type { Task, Waiter } from '../kernel/task.ts';
import type { Endpoint } from '../net/endpoint.ts';
import type { Listener } from '../net/listener.ts';
import { GoError } from '../net/errors.ts';
import { world } from '../runtime/active.ts';
import { println } from '../runtime/goroutines.ts';
import type { RpcServer } from './server.ts';

export interface AcceptingServer {
  readonly me: string;
  isdead(): boolean;
  isunreliable(): boolean;
  kill(): void;
  /** Called once per accepted connection (the viewservice counts RPCs this way). */
  onAccept?(): void;
}

/** rand.Int63() % 1000 from the process-global source, on the fault stream. */
function int63Mod1000(): number {
  return world().recorder.pick('fault.unreliable', 1000);
}

/** `for isdead() == false { conn, err := l.Accept(); ... }`, run as the calling goroutine (start it with go()). */
export function acceptLoop(server: AcceptingServer, listener: Listener, rpcs: RpcServer, kind = 'PBServer'): Promise<void> {
  return new AcceptLoop(world().kernel, server, listener, rpcs, kind).start();
}

/** One turn of the loop, for the connection (or error) Accept returned. */
function serveAccepted(server: AcceptingServer, conn: Endpoint | GoError, rpcs: RpcServer, kind: string): void {
  if (!(conn instanceof GoError) && !server.isdead()) {
    server.onAccept?.();
    if (server.isunreliable() && int63Mod1000() < 100) {
      conn.close(); // discard the request
    } else if (server.isunreliable() && int63Mod1000() < 200) {
      // c1.File() (a second fd, never closed), then shutdown(SHUT_WR): process the request but
      // force discard of reply.
      const error = conn.dropReply();
      if (error !== null) println(`shutdown: ${error.message}`);
      rpcs.serveConn(conn); // go rpcs.ServeConn(conn): ServeConn runs as socket callbacks
    } else {
      rpcs.serveConn(conn); // go rpcs.ServeConn(conn)
    }
  } else if (!(conn instanceof GoError)) {
    conn.close();
  }
  if (conn instanceof GoError && !server.isdead()) {
    println(`${kind}(${server.me}) accept: ${conn.message}`);
    server.kill();
  }
}

class AcceptLoop implements KernelCallback, BlockedStep<void> {
  readonly goroutine: Task;
  /** The goroutine, parked while its later turns run from its wake events; woken when the loop ends. */
  private parked: Waiter<void> | null = null;

  constructor(
    private readonly kernel: Kernel,
    private readonly server: AcceptingServer,
    private readonly listener: Listener,
    private readonly rpcs: RpcServer,
    private readonly kind: string,
  ) {
    this.goroutine = kernel.runningTask('acceptLoop (start it as a goroutine: go(() => acceptLoop(...)))');
  }

  /** The goroutine's own first step: turns until Accept would wait, then it parks. */
  start(): Promise<void> {
    if (this.turns()) return Promise.resolve();
    this.parked = this.kernel.block<void>('accept');
    return this.parked.promise;
  }

  /** The listener has a connection (or closed): the goroutine's next turns (a KernelCallback). */
  run(): void {
    this.kernel.stepBlocked(this.parked!, this);
  }

  /** Those turns, as the goroutine (a BlockedStep): it resumes, and returns, once the loop is over. */
  step(): void | typeof KEEP_BLOCKED {
    return this.turns() ? undefined : KEEP_BLOCKED;
  }

  /** True once the loop is over; false when Accept would wait (this callback is then armed). */
  private turns(): boolean {
    while (!this.server.isdead()) {
      const conn = this.listener.acceptNow();
      if (conn === undefined) {
        this.listener.watchAcceptable(this);
        return false;
      }
      serveAccepted(this.server, conn, this.rpcs, this.kind);
    }
    return true;
  }
}
