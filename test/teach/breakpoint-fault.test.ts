// The modelled debugger breakpoint (sim/faults/breakpoint.ts): a `task` hold stops only the
// goroutine that will serve the request, while its process's other goroutines and virtual time go
// on; a `process` hold stops the whole process; a hold of zero virtual time changes nothing.

import { describe, expect, it } from 'vitest';
import { World, call, sleep, traceHash, type TraceEvent } from '../../sim/index.ts';
import { installBreakpoint, type Breakpoint, type HoldMode } from '../../sim/faults/breakpoint.ts';
import { startedEchoServer } from '../support/echo-server.ts';

const PATH = '/var/tmp/824-1000/pb-3123-bkpt-1';
const HOLD_MICROS = 1_000_000;
const TICK_MICROS = 100_000;

interface Outcome {
  readonly trace: readonly TraceEvent[];
  readonly ticks: readonly number[];
  readonly ok: boolean;
}

/** s1 serves Echo.Double and runs a ticker goroutine; the tester calls it once at about 0.3 s. */
async function runWith(debug: Omit<Breakpoint, 'when'> | null): Promise<Outcome> {
  const world = new World({ seed: 7 });
  if (debug !== null) installBreakpoint(world, { ...debug, when: { on: 'receive', target: 's1', method: 'Echo.Double', nth: 1 } });
  const ticks: number[] = [];
  let ok = false;
  const report = await world.run(async () => {
    const server = await startedEchoServer('s1', PATH);
    world.kernel.go(server.proc, 'tick', async () => {
      for (;;) {
        ticks.push(world.kernel.nowMicros);
        await sleep(TICK_MICROS);
      }
    });
    await sleep(300_000);
    ok = await call(PATH, 'Echo.Double', { id: 1, x: 21 }, {});
  });
  expect(report.stop).toBe('main-returned');
  return { trace: report.trace, ticks, ok };
}

function timeOf(trace: readonly TraceEvent[], type: TraceEvent['type']): number {
  const event = trace.find((e) => e.type === type && e.proc === 's1' && (e.type !== 'recv' || e.what.startsWith('Echo.Double')));
  expect(event, type).toBeDefined();
  return event!.t;
}

async function held(hold: HoldMode): Promise<{ servedAfterMicros: number; ticksWhileHeld: number; ok: boolean }> {
  const { trace, ticks, ok } = await runWith({ hold, forMicros: HOLD_MICROS });
  const received = timeOf(trace, 'recv');
  const served = timeOf(trace, 'rpc-serve');
  return { servedAfterMicros: served - received, ticksWhileHeld: ticks.filter((t) => t > received && t < received + HOLD_MICROS).length, ok };
}

describe('the modelled debugger breakpoint', () => {
  it('should hold only the handler in task mode: the process ticks on and time goes on', async () => {
    const { servedAfterMicros, ticksWhileHeld, ok } = await held('task');
    expect(servedAfterMicros).toBeGreaterThanOrEqual(HOLD_MICROS);
    expect(ticksWhileHeld).toBeGreaterThanOrEqual(9);
    expect(ok).toBe(true);
  });

  it('should stop the whole process in process mode', async () => {
    const { servedAfterMicros, ticksWhileHeld, ok } = await held('process');
    expect(servedAfterMicros).toBeGreaterThanOrEqual(HOLD_MICROS);
    expect(ticksWhileHeld).toBe(0);
    expect(ok).toBe(true);
  });

  it('should leave the run unchanged, byte for byte, when it holds no virtual time', async () => {
    const plain = await runWith(null);
    let hits = 0;
    const debugged = await runWith({ hold: 'task', forMicros: 0, onHit: () => hits++ });
    expect(hits).toBe(1);
    expect(traceHash(debugged.trace)).toBe(traceHash(plain.trace));
  });
});
