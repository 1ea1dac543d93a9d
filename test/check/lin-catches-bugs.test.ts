// Issue 6: the linearizability checker catches catalogued bugs in runs whose own checks pass.
// kv-faults' own checks are liveness (every operation finishes after the faults heal); with
// these bugs the run is live, and only the history shows the wrong values.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../scenarios/index.ts';
import type { BugName } from '../../protocol/index.ts';

const PINNED: readonly { bug: BugName; seed: number }[] = [
  { bug: 'ignore-forward-result', seed: 24 },
  { bug: 'backup-reapplies-duplicates', seed: 5 },
];

describe('linearizability checker › catches bugs the scenario checks miss', () => {
  for (const { bug, seed } of PINNED) {
    it(`should find ${bug} (kv-faults, swarm seed ${seed}) though the run is live`, async () => {
      const bugs = new Set<BugName>([bug]);
      const own = await runScenario('kv-faults', { seed, swarm: true, bugs, trace: false, linearizability: false });
      expect(own.ok).toBe(true);
      const checked = await runScenario('kv-faults', { seed, swarm: true, bugs, trace: false });
      expect(checked.ok).toBe(false);
      if (!checked.ok) {
        expect(checked.kind).toBe('safety');
        expect(checked.reason).toMatch(/^history is not linearizable/);
        expect(checked.detail).toContain('minimal non-linearizable sub-history');
      }
      const correct = await runScenario('kv-faults', { seed, swarm: true, trace: false });
      expect(correct.ok).toBe(true);
    });
  }
});
