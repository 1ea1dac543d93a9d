// The seeded streams step seedrandom's Alea themselves (sim/kernel/rng.ts): every recorded seed,
// golden trace and printed replay depends on their numbers staying seedrandom's, bit for bit.

import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { streamFor, type StreamName } from '../../sim/kernel/rng.ts';

/** below(n) as drawn through seedrandom itself: prng() for small ranges, double() for large. */
function referenceBelow(prng: seedrandom.PRNG, n: number): number {
  return Math.floor((n <= 0x10000 ? prng() : prng.double()) * n);
}

describe('seeded streams', () => {
  it('should draw exactly what seedrandom\'s Alea draws, small ranges and large', () => {
    const bounds = [2, 3, 80, 1000, 0x10000, 0x10001, 1_000_000_007, 2 ** 32];
    for (const seed of [0, 1, 2, 42, 6289, 2 ** 31 - 1]) {
      for (const name of ['network', 'faults', 'schedule', 'workload'] as StreamName[]) {
        const stream = streamFor(seed, name);
        const reference = seedrandom.alea(`rpcsim/${seed}/${name}`);
        for (let i = 0; i < 2_000; i++) {
          const n = bounds[i % bounds.length]!;
          expect(stream.below(n)).toBe(referenceBelow(reference, n));
        }
      }
    }
  });
});
