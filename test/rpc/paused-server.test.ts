// ServeConn and the client's input loop run as socket callbacks, not goroutines, but a paused
// process (SIGSTOP, a debugger holding the whole process) must still read nothing: a request that
// reaches a paused server stays in its socket, so the server resumed serves it, and the server
// crashed while paused resets the caller's connection ("connection reset by peer": the request was
// never read), exactly as a held ServeConn goroutine would.

import { describe, expect, it } from 'vitest';
import { RpcClient, World, crashProcess, go, pauseProcess, resumeProcess, sleep, type CallResult } from '../../sim/index.ts';
import { startedEchoServer } from '../support/echo-server.ts';

const PATH = '/var/tmp/824-1000/pb-3123-paused-1';

async function callWhilePaused(then: 'resume' | 'crash'): Promise<{ text: string; started: number[] }> {
  let text = 'no answer';
  let started: number[] = [];
  const report = await new World({ seed: 3 }).run(async () => {
    const server = await startedEchoServer('s1', PATH);
    const client = RpcClient.dial(PATH) as RpcClient;
    await sleep(1_000); // accepted: ServeConn is waiting for the request
    pauseProcess(server.proc);
    go(async () => {
      const result: CallResult = await client.call('Echo.Double', { id: 1, x: 2 });
      text = result.ok ? `ok ${JSON.stringify(result.reply)}` : result.error.message;
    });
    await sleep(50_000);
    expect(server.log.started).toEqual([]); // paused: the request was not even read
    if (then === 'resume') resumeProcess(server.proc);
    else crashProcess(server.proc);
    await sleep(50_000);
    started = [...server.log.started];
  });
  expect(report.failure).toBeNull();
  return { text, started };
}

describe('a paused server reads nothing until it resumes', () => {
  it('should serve the request once resumed', async () => {
    expect(await callWhilePaused('resume')).toEqual({ text: 'ok {"y":4}', started: [1] });
  });

  it('should reset the caller when it dies paused, the request still unread', async () => {
    const { text, started } = await callWhilePaused('crash');
    expect(text).toMatch(/connection reset by peer$/);
    expect(started).toEqual([]);
  });
});
