// A fault plan's drop loses one call's request or reply the way the 6.824 unreliable server does,
// so the caller's error comes out of the socket model: a dropped reply is served and then read as
// "unexpected EOF", a dropped request is never served and reads "connection reset by peer".
// The drop takes exactly the call whose send fires its trigger, waits for a paused server to read
// it, replays identically, and a dropped Forward reply is what turns a passing kv-faults run into
// a failing one under the backup-reapplies-duplicates bug.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../scenarios/index.ts';
import type { FaultPlan } from '../../sim/faults/index.ts';
import { explainCallFailures } from '../../sim/trace/explain.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { traceHash } from '../../sim/trace/hash.ts';

const FORWARD = 'PBServer.Forward';

/** kv-faults seed 5: s2 is primary and s1 its backup; the plan drops half of s2's `nth` Forward. */
function dropForward(nth: number, message: 'request' | 'reply'): FaultPlan {
  return [{ when: { on: 'send', target: 's2', method: FORWARD, nth }, fault: { type: 'drop', target: 's1', message } }];
}

/** The connection of the `nth` Forward request s2 wrote, counted as the trigger counts. */
function nthForwardConn(trace: readonly TraceEvent[], nth: number): number {
  const sends = trace.filter((e): e is TraceEvent & { type: 'send' } => e.type === 'send' && e.proc === 's2' && e.what === `${FORWARD} #0 request`);
  return sends[nth - 1]!.conn;
}

const onConn = (trace: readonly TraceEvent[], conn: number): TraceEvent[] => trace.filter((e) => 'conn' in e && e.conn === conn);

describe('a planned drop of one message', () => {
  it('should lose the reply of exactly the triggering Forward: s1 serves it, s2 reads unexpected EOF', async () => {
    const run = await runScenario('kv-faults', { seed: 5, faults: dropForward(3, 'reply') });
    const conn = nthForwardConn(run.trace, 3);
    const faults = run.trace.filter((e) => e.type === 'fault');
    expect(faults.map((e) => e.type === 'fault' && e.text)).toEqual([`drop the reply of s2's ${FORWARD} #0 call to s1 (conn ${conn})`]);
    const events = onConn(run.trace, conn);
    expect(events.find((e) => e.type === 'shutdown')?.proc).toBe('s1'); // the server shut its write side
    expect(events.some((e) => e.type === 'rpc-serve' && e.proc === 's1')).toBe(true); // and served the call
    const failure = explainCallFailures(run.trace).find((f) => f.event.conn === conn);
    expect(failure?.event.error).toBe('unexpected EOF');
    expect(failure?.executed).toBe('yes');
    // Every other Forward on the run went through: the drop took one message only.
    expect(explainCallFailures(run.trace).filter((f) => f.event.method === FORWARD).map((f) => f.event.conn)).toEqual([conn]);
  });

  it('should lose the request of exactly the triggering Forward: s1 closes it unread, s2 reads a reset', async () => {
    const run = await runScenario('kv-faults', { seed: 5, faults: dropForward(3, 'request') });
    const conn = nthForwardConn(run.trace, 3);
    const events = onConn(run.trace, conn);
    const close = events.find((e) => e.type === 'close' && e.proc === 's1');
    expect(close?.type === 'close' && close.unread).toBe(1);
    expect(events.some((e) => e.type === 'rpc-serve')).toBe(false);
    const failure = explainCallFailures(run.trace).find((f) => f.event.conn === conn);
    expect(failure?.event.error).toMatch(/^read unix @->\/\S+: read: connection reset by peer$/);
    expect(failure?.executed).toBe('no');
  });

  it('should drop a request to a paused server when the server comes to read it, after it resumes', async () => {
    const plan: FaultPlan = [
      { at: 2_000_000, fault: { type: 'pause', target: 's1', forMicros: 100_000 } },
      { at: 2_000_000, fault: { type: 'drop', target: 's1', message: 'request' } },
    ];
    const run = await runScenario('kv-faults', { seed: 5, faults: plan });
    const taken = run.trace.find((e) => e.type === 'fault' && e.text.startsWith('drop '))!;
    const conn = Number(/\(conn (\d+)\)$/.exec(taken.type === 'fault' ? taken.text : '')![1]);
    const resumed = run.trace.find((e) => e.type === 'resume' && e.proc === 's1')!;
    expect(taken.t).toBeLessThan(resumed.t); // the call was written while s1 was stopped
    const close = onConn(run.trace, conn).find((e) => e.type === 'close' && e.proc === 's1')!;
    expect(close.t).toBe(resumed.t); // and s1 closed it unread as soon as it ran again
    expect(explainCallFailures(run.trace).find((f) => f.event.conn === conn)?.event.error).toMatch(/connection reset by peer$/);
  });

  it('should give the same trace every time the same plan runs', async () => {
    const plan = dropForward(3, 'reply');
    const first = await runScenario('kv-faults', { seed: 5, faults: plan });
    const second = await runScenario('kv-faults', { seed: 5, faults: plan });
    expect(traceHash(second.trace)).toBe(traceHash(first.trace));
    expect(traceHash(first.trace)).not.toBe(traceHash((await runScenario('kv-faults', { seed: 5, faults: [] })).trace));
  });

  it('should turn a passing run into a failing one when the lost reply makes the backup apply an Append twice', async () => {
    const crash: FaultPlan = [{ at: 3_000_000, fault: { type: 'crash', target: 's2' } }];
    const bugs = new Set(['backup-reapplies-duplicates'] as const);
    const without = await runScenario('kv-faults', { seed: 5, bugs, faults: crash });
    expect(without.ok).toBe(true);
    const withDrop = await runScenario('kv-faults', { seed: 5, bugs, faults: [...dropForward(186, 'reply'), ...crash] });
    expect(withDrop.ok).toBe(false);
    if (!withDrop.ok) expect(withDrop.reason).toBe('history is not linearizable (key k2)');
  });
});
