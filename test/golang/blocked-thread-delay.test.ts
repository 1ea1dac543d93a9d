// The wait of a goroutine behind a thread blocked in a read (sim/golang/blocked-thread-delay.ts):
// drawn from the seed only, the same microseconds for the same seed, spread over sysmon's range
// from 20 µs to 10 ms rather than bunched at either end.

import { describe, expect, it } from 'vitest';
import { SeededChooser } from '../../sim/kernel/chooser.ts';
import { BLOCKED_READ_WAIT_DOUBLINGS, BLOCKED_READ_WAIT_MICROS_MAX, BLOCKED_READ_WAIT_MICROS_MIN, BlockedThreadDelay } from '../../sim/golang/blocked-thread-delay.ts';

const draws = (seed: number, count: number): number[] => {
  const delay = new BlockedThreadDelay(new SeededChooser(seed));
  return Array.from({ length: count }, () => delay.drawMicros());
};

describe('BlockedThreadDelay', () => {
  it('should draw the same waits for the same seed, and other waits for another', () => {
    expect(draws(7, 50)).toEqual(draws(7, 50));
    expect(draws(8, 50)).not.toEqual(draws(7, 50));
  });

  it('should keep every wait within sysmon range, with each doubling of it drawn', () => {
    const maxMicros = BLOCKED_READ_WAIT_MICROS_MAX;
    expect(maxMicros).toBe(10_240);
    const waits = draws(1, 2000);
    for (const micros of waits) {
      expect(micros).toBeGreaterThanOrEqual(BLOCKED_READ_WAIT_MICROS_MIN);
      expect(micros).toBeLessThan(maxMicros);
    }
    const doublings = new Set(waits.map((micros) => Math.floor(Math.log2(micros / BLOCKED_READ_WAIT_MICROS_MIN))));
    expect(doublings.size).toBe(BLOCKED_READ_WAIT_DOUBLINGS);
    // Heavy-tailed: waits of a millisecond or more are common, not a rare extreme.
    const longShare = waits.filter((micros) => micros >= 1000).length / waits.length;
    expect(longShare).toBeGreaterThan(0.25);
    expect(longShare).toBeLessThan(0.5);
  });
});
