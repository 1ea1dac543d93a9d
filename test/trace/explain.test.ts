// The demo's "what really happened" lines (sim/trace/explain.ts) are read off the trace. Each
// test builds a socket situation, lets a call fail, and checks the explanation against the
// handler's own record of whether it started and finished: ground truth the trace never sees.

import { describe, expect, it } from 'vitest';
import { World, call, crashProcess, go, sleep, type TraceEvent } from '../../sim/index.ts';
import { installBreakpoint } from '../../sim/faults/breakpoint.ts';
import { explainCallFailures, explainLine, type CallFailure } from '../../sim/trace/explain.ts';
import { startedEchoServer, type AcceptPolicy, type EchoServer, type HandlerLog } from '../support/echo-server.ts';

const PATH = '/var/tmp/824-1000/pb-3123-explain-1';

/** Starts s1 with `policy`, calls it once from the tester, lets `afterCall` act, and returns the
 *  explanation of the one failed call together with the handler's record. */
async function explainOneCall(
  policy: AcceptPolicy,
  options: { handlerMicros?: number; during?: (server: EchoServer) => Promise<void>; world?: (world: World) => void } = {},
): Promise<{ failure: CallFailure; log: HandlerLog }> {
  const world = new World({ seed: 3 });
  options.world?.(world);
  let log: HandlerLog | null = null;
  const report = await world.run(async () => {
    const server = await startedEchoServer('s1', PATH, options.handlerMicros ?? 0, policy);
    log = server.log;
    if (options.during !== undefined) go(() => options.during!(server));
    expect(await call(PATH, 'Echo.Double', { id: 1, x: 2 }, {})).toBe(false);
    await sleep(2_000_000); // whatever the server still does, and any later crash
  });
  const failures = explainCallFailures(report.trace as readonly TraceEvent[]);
  expect(failures).toHaveLength(1);
  return { failure: failures[0]!, log: log! };
}

/** The 6.824 reply drop: shut the write side, then serve the request anyway. */
const replyDrop: AcceptPolicy = (conn, server) => {
  conn.shutdownWrite();
  go(() => server.rpcs.serveConn(conn));
};

describe('explaining a failed call from the trace', () => {
  it('should say a dropped reply was executed, because the handler ran', async () => {
    const { failure, log } = await explainOneCall(replyDrop);
    expect(log.finished).toEqual([1]);
    expect(failure.executed).toBe('yes');
    expect(explainLine(failure)).toBe('reply lost: the server DID execute it (the server shut its write side before replying: the reply was dropped)');
  });

  it('should still say executed when the server crashes after the caller heard', async () => {
    const { failure, log } = await explainOneCall(replyDrop, {
      during: async (server) => {
        await sleep(1_000_000);
        crashProcess(server.proc);
      },
    });
    expect(log.finished).toEqual([1]);
    expect(failure.executed).toBe('yes');
  });

  it('should say a request closed unread was not executed', async () => {
    const { failure, log } = await explainOneCall((conn) => {
      go(async () => {
        await sleep(1_000);
        conn.close();
      });
    });
    expect(log.started).toEqual([]);
    expect(failure.executed).toBe('no');
    expect(explainLine(failure)).toBe('request dropped: the server did NOT execute it (the server closed the connection with the request still unread)');
  });

  it('should say the server died mid-call when it crashed inside the handler', async () => {
    const { failure, log } = await explainOneCall('lab-loop', {
      handlerMicros: 10_000,
      during: async (server) => {
        await sleep(5_000);
        crashProcess(server.proc);
      },
    });
    expect(log.started).toEqual([1]);
    expect(log.finished).toEqual([]);
    expect(failure.executed).toBe('died');
    expect(failure.cause).toBe('the server process died, and its end of the connection closed with it');
  });

  it('should say the server died first when it read the request but crashed before serving it', async () => {
    let s1: EchoServer | null = null;
    const { failure, log } = await explainOneCall('lab-loop', {
      // A debugger holds all of s1 as it reads the request; s1 dies while held.
      world: (world) => installBreakpoint(world, { hold: 'process', forMicros: 1_000_000, when: { on: 'receive', target: 's1', method: 'Echo.Double', nth: 1 } }),
      during: async (server) => {
        s1 = server;
        await sleep(500_000);
        crashProcess(s1.proc);
      },
    });
    expect(log.started).toEqual([]);
    expect(failure.event.error).toBe('unexpected EOF');
    expect(failure.executed).toBe('died-first');
    expect(explainLine(failure)).toMatch(/^server died first: it crashed before running the handler, so it did NOT execute it/);
  });
});
