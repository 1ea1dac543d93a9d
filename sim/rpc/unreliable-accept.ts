// The 6.824 pbservice accept loop (staff code, spec §3.1), line for line. While unreliable, each
// accepted connection gets two independent draws from the process's math/rand: below 100 of
// 1000 the request is dropped (closed unread); else below 200 the reply is dropped
// (shutdown(SHUT_WR) on a dup'd fd, then served). Net shares: 10% / 18% / 72%.

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

export async function acceptLoop(server: AcceptingServer, listener: Listener, rpcs: RpcServer, kind = 'PBServer'): Promise<void> {
  while (!server.isdead()) {
    const conn = await listener.accept();
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
}
