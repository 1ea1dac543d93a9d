// A released decision log hands its chunk buffers to the next log in the process (the benches
// and callers that drop passing runs do this). The next log must read back exactly what it
// recorded, never an entry of the log whose buffers it took, and the released one must refuse
// to be read rather than answer from buffers that now belong to someone else.

import { describe, expect, it } from 'vitest';
import { DECISION_KINDS } from '../../sim/kernel/chooser.ts';
import { DecisionLog, spareDecisionBuffers } from '../../sim/kernel/decision-log.ts';

describe('decision log release', () => {
  it('should reuse a released log\'s buffers without any of its entries showing through', () => {
    const old = new DecisionLog();
    for (let i = 0; i < 140_000; i++) old.append(DECISION_KINDS[i % DECISION_KINDS.length]!, 1_000_000 + i, 999_999 + i);
    const spareBefore = spareDecisionBuffers();
    old.release();
    expect(spareDecisionBuffers()).toBe(spareBefore + 3);
    expect(() => old.at(0)).toThrow(/released/);
    expect(() => old.append('net.wake', 2, 1)).toThrow(/released/);

    const next = new DecisionLog();
    const expected: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const code = (i * 7) % DECISION_KINDS.length;
      next.append(DECISION_KINDS[code]!, 2 + (i % 5), i % 2);
      expected.push(code, 2 + (i % 5), i % 2);
    }
    expect(spareDecisionBuffers()).toBe(spareBefore + 1);
    expect(next.length).toBe(100_000);
    expect(next.toJSON()).toEqual(expected);
  });
});
