// rpc.calls_per_s: 3 servers on the 6.824 accept loop, 10 client goroutines making 6.824-style
// call()s (a fresh Dial per call), journal recording. Every call is a full connection life:
// dial, accept, request, ServeConn, handler, reply, close on both sides. The journal builds event
// objects only when the trace is read; trace.decode_events_per_s measures that step on its own.

import { GoError, RpcServer, World, type RunReport, acceptLoop, call, go, listen, randomInt, spawnProcess, WaitGroup } from '../index.ts';

const SERVERS = 3;
const CLIENTS = 10;
const CALLS_PER_CLIENT = 2_000;

function startServer(index: number): string {
  const path = `/var/tmp/824-1000/pb-3123-bench-${index}`;
  spawnProcess(`s${index}`, () => {
    const rpcs = new RpcServer();
    const kv = new Map<string, string>();
    rpcs.register('KV', {
      Put(args: { key: string; value: string }, reply: { err?: string }) {
        kv.set(args.key, args.value);
        reply.err = 'OK';
      },
    }, ['Put']);
    const listener = listen(path);
    if (listener instanceof GoError) throw new Error(listener.message);
    const state = { me: path, isdead: () => false, isunreliable: () => false, kill: () => {} };
    go(() => acceptLoop(state, listener, rpcs), 'accept');
  });
  return path;
}

/** The calls that succeeded, the run's report (its trace not yet read, so not yet built) and
 *  its world. */
export async function rpcRun(): Promise<{ calls: number; report: RunReport; world: World }> {
  let calls = 0;
  const world = new World({ seed: 1 });
  const report = await world.run(async () => {
    const paths = Array.from({ length: SERVERS }, (_, i) => startServer(i + 1));
    const done = new WaitGroup();
    for (let c = 0; c < CLIENTS; c++) {
      done.add(1);
      go(async () => {
        for (let i = 0; i < CALLS_PER_CLIENT; i++) {
          const reply = {};
          if (await call(paths[randomInt(SERVERS)]!, 'KV.Put', { key: `k${c}`, value: `v${i}` }, reply)) calls++;
        }
        done.done();
      }, `client${c}`);
    }
    await done.wait();
  });
  return { calls, report, world };
}

/** A run recorded in full (trace and decisions) that nobody reads: released at the end, as a
 *  caller that drops passing runs would, so its buffers serve the next run's. */
export async function rpcWorkload(): Promise<number> {
  const { calls, world } = await rpcRun();
  world.release();
  return calls;
}
