// The timing model asks, at every wake, how many goroutines are alive in the processes on the
// network. The network keeps that as a running total (processes add to it as goroutines start
// and end); this checks the total against a count taken the long way, process by process,
// through calls, handler goroutines, rpc's stand-in goroutines and a crash mid-call.

import { describe, expect, it } from 'vitest';
import { World, call, crashProcess, go, sleep, type Process } from '../../sim/index.ts';
import { world } from '../../sim/runtime/active.ts';
import { startedEchoServer } from '../support/echo-server.ts';

/** What the total must be: live goroutines of every live process that listened or dialed. */
function countedTheLongWay(procs: readonly Process[]): number {
  let alive = 0;
  for (const proc of procs) if (proc.alive) alive += proc.goroutines;
  return alive;
}

describe('the network’s count of live goroutines', () => {
  it('should equal the per-process count at every moment, across calls and a crash', async () => {
    const samples: { total: number; walked: number }[] = [];
    const report = await new World({ seed: 7, trace: false }).run(async () => {
      const s1 = await startedEchoServer('s1', '/var/tmp/824-1000/pb-tally-1', 3_000);
      const s2 = await startedEchoServer('s2', '/var/tmp/824-1000/pb-tally-2', 1_000);
      const tester = world().kernel.currentProcess();
      for (let c = 0; c < 4; c++) {
        go(async () => {
          for (let i = 0; i < 20; i++) await call(i % 2 === 0 ? s1.path : s2.path, 'Echo.Double', { id: i, x: i }, {});
        }, `client${c}`);
      }
      go(async () => {
        await sleep(20_000);
        crashProcess(s1.proc);
      }, 'crasher');
      await sleep(1); // the clients have dialed: the tester is on the network
      for (let t = 0; t < 200; t++) {
        samples.push({ total: world().net.aliveGoroutines(), walked: countedTheLongWay([tester, s1.proc, s2.proc]) });
        await sleep(250);
      }
    });
    expect(report.failure).toBeNull();
    expect(samples.map((s) => s.total)).toEqual(samples.map((s) => s.walked));
    // The samples saw handlers and stand-ins come and go, and s1's goroutines leave with its crash.
    expect(new Set(samples.map((s) => s.total)).size).toBeGreaterThan(3);
  });
});
