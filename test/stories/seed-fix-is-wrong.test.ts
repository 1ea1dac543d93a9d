// The seed story's "fix", ignoring the result of call(backup, "PBServer.Forward", ...), is wrong:
// a Put whose Forward was dropped is acknowledged anyway, the backup never has it, and after the
// primary dies the promoted backup serves the stale value. The trace shows each step.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../scenarios/index.ts';
import type { TraceEvent } from '../../sim/index.ts';

const SEED = 4; // found by `rpcsim explore forward-crash --bug ignore-forward-result`

/** The Forward call errors the primary saw while serving the client's put(key, value). */
function forwardErrorsDuring(trace: readonly TraceEvent[], key: string, value: string): string[] {
  const start = trace.findIndex((e) => e.type === 'op-call' && e.op === 'put' && e.key === key && e.value === value);
  const end = trace.findIndex((e, i) => i > start && e.type === 'op-return' && e.op === 'put' && e.key === key);
  expect(start, `put(${key}, ${value}) should be in the trace`).toBeGreaterThanOrEqual(0);
  return trace
    .slice(start, end)
    .filter((e): e is TraceEvent & { type: 'rpc-return' } => e.type === 'rpc-return' && e.method === 'PBServer.Forward' && e.error !== '')
    .map((e) => e.error);
}

describe('the story\'s "fix": ignoring Forward\'s result', () => {
  it('should lose an acknowledged Put: the promoted backup serves the stale value', async () => {
    const result = await runScenario('forward-crash', { seed: SEED, bugs: new Set(['ignore-forward-result']) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.kind).toBe('safety');
    const match = /^Get\((k\d)\) -> (\S+), expected (\S+)$/.exec(result.reason);
    expect(match, result.reason).not.toBeNull();
    const [, key, stale, lost] = match!;
    // The lost Put returned OK to the client although its Forward failed at the socket.
    const errors = forwardErrorsDuring(result.trace, key!, lost!);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => /connection reset by peer|broken pipe/.test(e))).toBe(true);
    expect(stale).not.toBe(lost);
  });

  it('should pass on the same seed when the primary honours Forward\'s result', async () => {
    const result = await runScenario('forward-crash', { seed: SEED });
    expect(result.ok).toBe(true);
  });
});
