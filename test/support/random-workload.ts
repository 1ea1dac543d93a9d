// Random topologies and workloads for the determinism properties: a few echo servers (some
// unreliable, one maybe crashed mid-run), a few clients making 6.824-style call()s.

import fc from 'fast-check';
import { World, call, crashProcess, go, randomInt, sleep, WaitGroup, type Chooser, type RunReport } from '../../sim/index.ts';
import { startedEchoServer, type EchoServer } from './echo-server.ts';

export interface Workload {
  readonly servers: number;
  readonly clients: number;
  readonly callsPerClient: number;
  readonly handlerMicros: number;
  readonly unreliable: readonly boolean[];
  readonly crash: { readonly server: number; readonly atMicros: number } | null;
}

export const arbWorkload: fc.Arbitrary<Workload> = fc
  .record({
    servers: fc.integer({ min: 1, max: 3 }),
    clients: fc.integer({ min: 1, max: 5 }),
    callsPerClient: fc.integer({ min: 1, max: 8 }),
    handlerMicros: fc.integer({ min: 0, max: 400 }),
    unreliable: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    crash: fc.option(fc.record({ server: fc.nat(2), atMicros: fc.integer({ min: 1_000, max: 4_000 }) }), { nil: null }),
  })
  .map((w) => ({ ...w, crash: w.crash && { ...w.crash, server: w.crash.server % w.servers } }));

export function runWorkload(workload: Workload, seed: number, chooser?: Chooser): Promise<RunReport> {
  const world = new World(chooser ? { seed, chooser } : { seed });
  return world.run(async () => {
    const paths = Array.from({ length: workload.servers }, (_, i) => `/var/tmp/824-1000/pb-3123-prop-${i + 1}`);
    const servers: EchoServer[] = [];
    for (const [i, path] of paths.entries()) {
      const server = await startedEchoServer(`s${i + 1}`, path, workload.handlerMicros);
      server.unreliable = workload.unreliable[i] ?? false;
      servers.push(server);
    }
    if (workload.crash !== null) {
      const { server, atMicros } = workload.crash;
      go(async () => {
        await sleep(atMicros);
        crashProcess(servers[server]!.proc);
      });
    }
    const clients = new WaitGroup();
    for (let c = 0; c < workload.clients; c++) {
      clients.add(1);
      go(async () => {
        for (let i = 0; i < workload.callsPerClient; i++) {
          const path = paths[randomInt(paths.length)]!;
          await call(path, 'Echo.Double', { id: c * 1000 + i, x: i }, {});
          await sleep(randomInt(200));
        }
        clients.done();
      }, `client${c}`);
    }
    await clients.wait();
  });
}
