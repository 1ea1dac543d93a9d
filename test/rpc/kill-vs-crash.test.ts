// A 6.824 kill mid-call leaves the connection open, so the handler finishes and the reply gets
// through; a process crash mid-call closes the connection, so the caller gets the error the
// socket state implies ("unexpected EOF": the request had been read, nothing was left unread).

import { describe, expect, it } from 'vitest';
import { RpcClient, World, call, crashProcess, go, sleep } from '../../sim/index.ts';
import { killEchoServer, startedEchoServer } from '../support/echo-server.ts';

const PATH = '/var/tmp/824-1000/pb-3123-kill-1';

describe('stopping a server mid-call', () => {
  it('should still reply on the open connection after a 6.824 kill', async () => {
    const report = await new World({ seed: 3 }).run(async () => {
      const server = await startedEchoServer('s1', PATH, 50_000);
      go(async () => {
        await sleep(10_000);
        killEchoServer(server);
      });
      const reply: { y?: number } = {};
      expect(await call(PATH, 'Echo.Double', { id: 1, x: 21 }, reply)).toBe(true);
      expect(reply.y).toBe(42);
      expect(server.log.finished).toEqual([1]);
      // ...but the next call cannot even dial: the socket file is gone.
      expect(RpcClient.dial(PATH)).toHaveProperty('code', 'ENOENT');
    });
    expect(report.failure).toBeNull();
  });

  it('should fail the call with "unexpected EOF" after a crash, the handler never finishing', async () => {
    const report = await new World({ seed: 3 }).run(async () => {
      const server = await startedEchoServer('s1', PATH, 50_000);
      go(async () => {
        await sleep(10_000);
        crashProcess(server.proc);
      });
      const reply: { y?: number } = {};
      expect(await call(PATH, 'Echo.Double', { id: 1, x: 21 }, reply)).toBe(false);
      expect(reply).toEqual({});
      await sleep(100_000);
      expect(server.log.started).toEqual([1]);
      expect(server.log.finished).toEqual([]);
      expect(RpcClient.dial(PATH)).toHaveProperty('code', 'ECONNREFUSED');
    });
    expect(report.failure).toBeNull();
    const logs = report.trace.filter((e) => e.type === 'log').map((e) => (e.type === 'log' ? e.text : ''));
    expect(logs).toEqual(['unexpected EOF']);
  });
});
