// A caller's send check and write run from its wake events while it stays blocked for the whole
// call (RpcClient.call, Kernel.stepBlocked). They must still behave as steps of that goroutine:
// a paused caller writes nothing until resumed, and its events name it.

import { describe, expect, it } from 'vitest';
import { RpcClient, World, go, pauseTask, resumeTask, sleep } from '../../sim/index.ts';
import { startedEchoServer } from '../support/echo-server.ts';

const PATH = '/var/tmp/824-1000/pb-3123-caller-1';
// Setup and encode take exactly 5 µs each: the check comes 5 µs after the call, the write 10.
const TIMING = { setupMicrosMin: 5, setupMicrosMax: 5, encodeMicrosMin: 5, encodeMicrosMax: 5 };

async function callPausedAt(pauseAt: number | null): Promise<{ sends: { t: number; task: string }[]; answer: string; returnedAt: number }> {
  let answer = 'none';
  let returnedAt = -1;
  const report = await new World({ seed: 2, timing: TIMING }).run(async () => {
    await startedEchoServer('s1', PATH);
    const start = 10_000;
    await sleep(start - 1_000); // startedEchoServer slept 1 ms
    const caller = go(async () => {
      const client = RpcClient.dial(PATH) as RpcClient;
      const result = await client.call('Echo.Double', { id: 1, x: 4 });
      answer = result.ok ? JSON.stringify(result.reply) : result.error.message;
    }, 'caller');
    if (pauseAt !== null) {
      await sleep(pauseAt);
      pauseTask(caller);
      await sleep(50_000);
      resumeTask(caller);
    }
    await sleep(100_000);
  });
  expect(report.failure).toBeNull();
  const sends = report.trace.filter((event) => event.type === 'send' && event.task.endsWith('/caller')).map((event) => ({ t: event.t, task: event.task }));
  returnedAt = report.trace.find((event) => event.type === 'rpc-return')?.t ?? -1;
  return { sends, answer, returnedAt };
}

describe('a caller\'s steps while it waits', () => {
  it('should write as the caller, once its setup and encoding have passed', async () => {
    const { sends, answer } = await callPausedAt(null);
    expect(sends).toEqual([{ t: 10_010, task: 'tester/caller' }]);
    expect(answer).toBe('{"y":8}');
  });

  it('should write nothing while the caller is paused between its check and its write', async () => {
    // Paused at 10,007: checked (10,005), not yet written (10,010); resumed at 60,007.
    const { sends, answer, returnedAt } = await callPausedAt(7);
    expect(sends).toEqual([{ t: 60_007, task: 'tester/caller' }]);
    expect(answer).toBe('{"y":8}');
    expect(returnedAt).toBeGreaterThan(60_007);
  });
});
