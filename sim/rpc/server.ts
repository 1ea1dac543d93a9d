// Go net/rpc's server, as in net/rpc/server.go (Go 1.19): ServeConn reads requests one after
// another and runs each in its own goroutine; when a read fails it waits for the running handlers
// to send their responses, then closes the connection. A response that cannot be written (the
// reply was dropped, the client is gone) is simply lost. ServeConn only ever blocks in Read or in
// that wait, so here it is kernel callbacks (Endpoint.watchReadable, and the last handler to
// finish), not a goroutine: `go rpcs.ServeConn(conn)` and `rpcs.serveConn(conn)` both start it.

import { assert } from '../kernel/assert.ts';
import type { Endpoint } from '../net/endpoint.ts';
import { GoError } from '../net/errors.ts';
import type { KernelCallback } from '../kernel/event-queue.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Process } from '../kernel/process.ts';
import type { Network } from '../net/network.ts';
import { copyWireValue } from '../net/wire.ts';
import { world } from '../runtime/active.ts';
import { methodLabels, type MethodLabels, type RequestFrame, type ResponseFrame } from './frames.ts';

/** A handler mutates `reply` like a Go method with a *Reply argument; a string return is its error. */
export type RpcHandler = (args: never, reply: never) => Promise<string | void> | string | void;

/** A registered method: the receiver's function, and its trace strings. */
interface Registered {
  readonly run: Method;
  readonly labels: MethodLabels;
}

export class RpcServer {
  private readonly methods = new Map<string, Registered>();

  /** rpcs.Register(receiver): exposes `service.method` for each listed method of `receiver`. */
  register(service: string, receiver: object, methods: readonly string[]): void {
    for (const method of methods) {
      const fn = (receiver as Record<string, unknown>)[method];
      assert(typeof fn === 'function', `${service}.${method} is not a method`);
      const name = `${service}.${method}`;
      this.methods.set(name, { run: (fn as Method).bind(receiver), labels: methodLabels(name) });
    }
  }

  /** ServeConn(conn): serves requests on `conn` until a read fails, then closes it. Returns at once. */
  serveConn(conn: Endpoint): void {
    const { kernel, net } = world();
    const proc = kernel.currentProcess();
    proc.addStandIn(); // the ServeConn goroutine, until it closes the connection
    new ConnServer(this.methods, kernel, net, conn, proc).run();
  }
}

type Method = (args: unknown, reply: unknown) => Promise<string | void> | string | void;

/** One connection's ServeConn: its read loop, its running handlers, and the close after the last. */
class ConnServer implements KernelCallback {
  private handlers = 0;
  private reading = true;

  constructor(
    private readonly methods: ReadonlyMap<string, Registered>,
    private readonly kernel: Kernel,
    private readonly net: Network,
    private readonly conn: Endpoint,
    private readonly proc: Process,
  ) {}

  /** The socket is readable (a KernelCallback): one turn of the loop, acting for the process. */
  run(): void {
    if (!this.kernel.mayRunFor(this.proc, this)) return; // dead, or paused until resumed
    const outer = this.kernel.enter(this.proc, this.proc.taskTraceLabel('ServeConn'));
    try {
      this.input();
    } finally {
      this.kernel.leave(outer);
    }
  }

  /** Every request that has arrived, each to a handler goroutine; on a failed read, wind down. */
  input(): void {
    const conn = this.conn;
    for (;;) {
      const frame = conn.readNow();
      if (frame === undefined) {
        conn.watchReadable(this);
        return;
      }
      if (frame instanceof GoError) break;
      const request = frame as RequestFrame;
      const handler = this.methods.get(request.method);
      if (handler === undefined) {
        respond(conn, request, `rpc: can't find method ${request.method}`, {}, methodLabels(request.method));
        continue;
      }
      this.handlers++;
      this.kernel.go(this.proc, request.method, () => this.handle(handler, request));
    }
    this.reading = false;
    if (this.handlers === 0) this.closeConn();
  }

  /** A handler goroutine's body. Not an async function: a handler that never waits (most of
   *  them) then replies and ends in the step it started in, with no promise to settle. */
  private handle(handler: Registered, request: RequestFrame): Promise<void> | void {
    let waits = false;
    try {
      if (this.net.tracing) this.net.traceRpcServe(this.conn.conn, handler.labels.name, request.seq);
      const reply = {};
      const error = handler.run(request.args, reply);
      if (error instanceof Promise) {
        waits = true;
        return this.replyWhenDone(handler, request, reply, error);
      }
      respond(this.conn, request, error ?? '', reply, handler.labels);
    } finally {
      if (!waits) this.handlerDone();
    }
  }

  private async replyWhenDone(handler: Registered, request: RequestFrame, reply: object, pending: Promise<string | void>): Promise<void> {
    try {
      respond(this.conn, request, (await pending) ?? '', reply, handler.labels);
    } finally {
      this.handlerDone();
    }
  }

  /** handlers.Wait() then Close(): the last handler out closes a connection whose reads failed. */
  private handlerDone(): void {
    if (--this.handlers === 0 && !this.reading && this.proc.alive) this.closeConn();
  }

  /** ServeConn's last line: close the connection, and the goroutine is gone. */
  private closeConn(): void {
    this.conn.close();
    this.proc.removeStandIn();
  }
}

function respond(conn: Endpoint, request: RequestFrame, error: string, reply: unknown, labels: MethodLabels): void {
  const response: ResponseFrame = { seq: request.seq, method: request.method, error, reply: copyWireValue(reply) };
  conn.writeOwned(response, labels.frame(request.seq, 'response'));
}
