// A tiny RPC server for core tests: one process, one `Echo.Double` method whose handler records
// that it started and that it finished, so a test can check the "did the handler run?" column.

import { GoError, RpcServer, go, listen, sleep, spawnProcess, acceptLoop, type Endpoint, type Listener, type Process } from '../../sim/index.ts';

export interface HandlerLog {
  started: number[]; // request ids whose handler began
  finished: number[]; // request ids whose handler returned
}

export interface EchoServer {
  proc: Process;
  readonly listener: Listener;
  readonly path: string;
  readonly log: HandlerLog;
  readonly rpcs: RpcServer;
  dead: boolean;
  unreliable: boolean;
}

export interface EchoArgs {
  id: number;
  x: number;
}

/** How the server treats each accepted connection, when not using the 6.824 accept loop. */
export type AcceptPolicy = 'lab-loop' | 'never-accept' | ((conn: Endpoint, server: EchoServer) => void);

export function startEchoServer(name: string, path: string, handlerMicros = 0, policy: AcceptPolicy = 'lab-loop'): EchoServer {
  const { proc, value } = spawnProcess(name, () => {
    const log: HandlerLog = { started: [], finished: [] };
    const rpcs = new RpcServer();
    const receiver = {
      async Double(args: EchoArgs, reply: { y?: number }): Promise<void> {
        log.started.push(args.id);
        if (handlerMicros > 0) await sleep(handlerMicros);
        reply.y = args.x * 2;
        log.finished.push(args.id);
      },
    };
    rpcs.register('Echo', receiver, ['Double']);
    const listener = listen(path);
    if (listener instanceof GoError) throw new Error(listener.message);
    const server: EchoServer = { proc: undefined as unknown as Process, // set once spawnProcess returns
       listener, path, log, rpcs, dead: false, unreliable: false };
    if (policy === 'lab-loop') {
      const lab = {
        me: path,
        isdead: () => server.dead,
        isunreliable: () => server.unreliable,
        kill: () => {
          server.dead = true;
          listener.close();
        },
      };
      go(() => acceptLoop(lab, listener, rpcs), 'accept');
    } else if (policy !== 'never-accept') {
      go(async () => {
        for (;;) {
          const conn = await listener.accept();
          if (conn instanceof GoError) return;
          policy(conn, server);
        }
      }, 'accept');
    }
    return server;
  });
  value.proc = proc;
  return value;
}

/** Starts the server and lets its accept goroutine block, as a Go test's servers have. */
export async function startedEchoServer(name: string, path: string, handlerMicros = 0, policy: AcceptPolicy = 'lab-loop'): Promise<EchoServer> {
  const server = startEchoServer(name, path, handlerMicros, policy);
  await sleep(1_000);
  return server;
}

/** 6.824 kill(): dead, listener closed (and its socket file unlinked); handlers run on. */
export function killEchoServer(server: EchoServer): void {
  server.dead = true;
  server.listener.close();
}
