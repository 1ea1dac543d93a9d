// Determinism is the product: the same seed gives a byte-identical trace; a replay from the
// decision log gives the same trace; and different seeds do explore different interleavings.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReplayChooser, renderJsonl, traceHash } from '../../sim/index.ts';
import { arbWorkload, runWorkload } from '../support/random-workload.ts';

const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });

describe('determinism properties', () => {
  it('should give a byte-identical trace for the same seed, on random topologies and workloads', async () => {
    await fc.assert(
      fc.asyncProperty(arbWorkload, seedArb, async (workload, seed) => {
        const first = await runWorkload(workload, seed);
        const second = await runWorkload(workload, seed);
        expect(first.failure).toBeNull();
        expect(renderJsonl(second.trace)).toBe(renderJsonl(first.trace));
        expect(second.decisions.toJSON()).toEqual(first.decisions.toJSON());
      }),
      { numRuns: 40 },
    );
  });

  it('should reproduce the trace exactly when replaying the decision log', async () => {
    await fc.assert(
      fc.asyncProperty(arbWorkload, seedArb, async (workload, seed) => {
        const original = await runWorkload(workload, seed);
        // The replay is handed a different seed on purpose: only the log may decide anything.
        const replay = await runWorkload(workload, seed + 1, new ReplayChooser(original.decisions));
        expect(renderJsonl(replay.trace)).toBe(renderJsonl(original.trace));
      }),
      { numRuns: 40 },
    );
  });

  it('should explore different interleavings under different seeds', async () => {
    await fc.assert(
      fc.asyncProperty(arbWorkload, fc.uniqueArray(seedArb, { minLength: 6, maxLength: 6 }), async (base, seeds) => {
        const workload = { ...base, clients: Math.max(2, base.clients), callsPerClient: Math.max(3, base.callsPerClient) };
        const hashes = new Set<string>();
        for (const seed of seeds) hashes.add(traceHash((await runWorkload(workload, seed)).trace));
        expect(hashes.size).toBeGreaterThan(1);
      }),
      { numRuns: 15 },
    );
  });
});
