// The lab's accept loop runs its turns as a kernel callback on the listener while its goroutine
// stays parked (sim/rpc/unreliable-accept.ts). It must still behave as that goroutine would:
// a paused process or a paused accept goroutine accepts nothing until resumed, each accept is
// recorded as the goroutine's, and a turn that throws fails the goroutine, not the simulator.

import { describe, expect, it } from 'vitest';
import { GoError, RpcClient, RpcServer, World, acceptLoop, go, listen, pauseProcess, pauseTask, resumeProcess, resumeTask, sleep, spawnProcess, type Task } from '../../sim/index.ts';
import { startedEchoServer } from '../support/echo-server.ts';

const PATH = '/var/tmp/824-1000/pb-3123-accept-1';

/** Dials while the server (or its accept goroutine) is held, then lets go at 60 ms. */
async function acceptWhileHeld(hold: 'process' | 'goroutine'): Promise<{ accepts: { t: number; task: string }[]; answer: string }> {
  let answer = 'none';
  const report = await new World({ seed: 5 }).run(async () => {
    const server = await startedEchoServer('s1', PATH);
    const acceptor = [...server.proc.tasks].find((task) => task.name === 'accept') as Task;
    if (hold === 'process') pauseProcess(server.proc);
    else pauseTask(acceptor);
    go(async () => {
      const client = RpcClient.dial(PATH) as RpcClient;
      const result = await client.call('Echo.Double', { id: 1, x: 21 });
      answer = result.ok ? JSON.stringify(result.reply) : result.error.message;
    });
    await sleep(59_000);
    if (hold === 'process') resumeProcess(server.proc);
    else resumeTask(acceptor);
    await sleep(50_000);
  });
  expect(report.failure).toBeNull();
  const accepts = report.trace.filter((event) => event.type === 'accept').map((event) => ({ t: event.t, task: event.task }));
  return { accepts, answer };
}

describe('the lab accept loop as a callback', () => {
  for (const hold of ['process', 'goroutine'] as const) {
    it(`should accept nothing while its ${hold} is paused, then accept as the accept goroutine`, async () => {
      const { accepts, answer } = await acceptWhileHeld(hold);
      expect(accepts).toHaveLength(1);
      expect(accepts[0]!.task).toBe('s1/accept');
      expect(accepts[0]!.t).toBeGreaterThanOrEqual(60_000);
      expect(answer).toBe('{"y":42}');
    });
  }

  it('should fail the accept goroutine when a turn throws, as the goroutine running it would', async () => {
    const report = await new World({ seed: 1 }).run(async () => {
      spawnProcess('s1', () => {
        const listener = listen(PATH);
        if (listener instanceof GoError) throw new Error(listener.message);
        const server = {
          me: PATH,
          isdead: () => false,
          isunreliable: (): boolean => {
            throw new Error('isunreliable broke');
          },
          kill: () => {},
        };
        go(() => acceptLoop(server, listener, new RpcServer()), 'accept');
      });
      await sleep(1_000);
      RpcClient.dial(PATH);
      await sleep(1_000);
    });
    expect(report.stop).toBe('task-failed');
    expect(report.failure?.task.label).toBe('s1/accept');
    expect(String(report.failure?.error)).toMatch(/isunreliable broke/);
  });

  /** A server process with the lab loop on PATH, its `server` hooks given; returns its accept goroutine. */
  function serveWith(server: { me: string; isdead(): boolean; isunreliable(): boolean; kill(): void; onAccept?(): void }, loops = 1): { tasks: Task[] } {
    const started: { tasks: Task[] } = { tasks: [] };
    spawnProcess('s1', () => {
      const listener = listen(PATH);
      if (listener instanceof GoError) throw new Error(listener.message);
      for (let i = 0; i < loops; i++) started.tasks.push(go(() => acceptLoop(server, listener, new RpcServer()), 'accept'));
    });
    return started;
  }

  it('should end the goroutine in the turn that ends the loop, even if that turn paused its process', async () => {
    let acceptor = '';
    const report = await new World({ seed: 1 }).run(async () => {
      let dead = false;
      const proc = { paused: null as null | (() => void) };
      const { tasks } = serveWith({
        me: PATH,
        isdead: () => dead,
        isunreliable: () => false,
        kill: () => {},
        onAccept: () => {
          proc.paused?.();
          dead = true;
        },
      });
      proc.paused = () => pauseProcess(tasks[0]!.proc);
      await sleep(1_000);
      RpcClient.dial(PATH);
      await sleep(1_000);
      acceptor = tasks[0]!.state; // the process is still paused
    });
    expect(report.failure).toBeNull();
    expect(acceptor).toBe('done');
  });

  it('should refuse a second goroutine accepting on the same listener', async () => {
    const report = await new World({ seed: 1 }).run(async () => {
      serveWith({ me: PATH, isdead: () => false, isunreliable: () => false, kill: () => {} }, 2);
      await sleep(1_000);
    });
    expect(report.stop).toBe('task-failed');
    expect(String(report.failure?.error)).toMatch(/two goroutines accept on one listener/);
  });
});

