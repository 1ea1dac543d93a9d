// Go net/rpc's server, as in net/rpc/server.go (Go 1.19): ServeConn reads requests one after
// another and runs each in its own goroutine; when a read fails it waits for the running handlers
// to send their responses, then closes the connection. A response that cannot be written (the
// reply was dropped, the client is gone) is simply lost.

import { assert } from '../kernel/assert.ts';
import type { Endpoint } from '../net/endpoint.ts';
import { GoError } from '../net/errors.ts';
import { world } from '../runtime/active.ts';
import { go, WaitGroup } from '../runtime/goroutines.ts';
import { frameLabel, type RequestFrame, type ResponseFrame } from './frames.ts';

/** A handler mutates `reply` like a Go method with a *Reply argument; a string return is its error. */
export type RpcHandler = (args: never, reply: never) => Promise<string | void> | string | void;

export class RpcServer {
  private readonly methods = new Map<string, (args: unknown, reply: unknown) => Promise<string | void> | string | void>();

  /** rpcs.Register(receiver): exposes `service.method` for each listed method of `receiver`. */
  register(service: string, receiver: object, methods: readonly string[]): void {
    for (const method of methods) {
      const fn = (receiver as Record<string, unknown>)[method];
      assert(typeof fn === 'function', `${service}.${method} is not a method`);
      this.methods.set(`${service}.${method}`, (fn as (a: unknown, r: unknown) => Promise<string | void>).bind(receiver));
    }
  }

  async serveConn(conn: Endpoint): Promise<void> {
    const handlers = new WaitGroup();
    for (;;) {
      const frame = await conn.read();
      if (frame instanceof GoError) break;
      const request = frame as RequestFrame;
      const handler = this.methods.get(request.method);
      if (handler === undefined) {
        this.respond(conn, request, `rpc: can't find method ${request.method}`, {});
        continue;
      }
      handlers.add(1);
      go(async () => {
        try {
          const { net } = world();
          if (net.tracing) net.trace({ type: 'rpc-serve', conn: conn.conn, method: request.method, seq: request.seq });
          const reply = {};
          const error = await handler(request.args, reply);
          this.respond(conn, request, error ?? '', reply);
        } finally {
          handlers.done();
        }
      }, request.method);
    }
    await handlers.wait();
    conn.close();
  }

  private respond(conn: Endpoint, request: RequestFrame, error: string, reply: unknown): void {
    const response: ResponseFrame = { seq: request.seq, method: request.method, error, reply };
    conn.write(response, frameLabel(request.method, request.seq, 'response'));
  }
}
