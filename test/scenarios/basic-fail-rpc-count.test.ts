// TestBasicFail's "Count RPCs to viewserver": 100 Puts may cost at most 2·⌊dt/100ms⌋ + 20
// viewservice RPCs. The count is read off the trace note the scenario writes, and a clerk that
// asks the viewservice before every operation must break the bound.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../scenarios/index.ts';

function rpcCountNote(trace: readonly { type: string; text?: string }[]): { count: number; allowed: number } {
  const note = trace.find((e) => e.type === 'note' && e.text?.startsWith('viewserver RPCs during 100 Puts'));
  const match = /: (\d+) in \d+ us \(allowed (\d+)\)/.exec(note?.text ?? '');
  expect(match, 'basic-fail should note its viewserver RPC count').not.toBeNull();
  return { count: Number(match![1]), allowed: Number(match![2]) };
}

describe('basic-fail › viewserver RPC budget', () => {
  it('should stay within the Go test bound with the correct clerk', async () => {
    for (const seed of [1, 2, 3]) {
      const result = await runScenario('basic-fail', { seed });
      expect(result.ok).toBe(true);
      const { count, allowed } = rpcCountNote(result.trace);
      expect(count).toBeLessThanOrEqual(allowed);
    }
  });

  it('should exceed it when the clerk asks the viewservice before every operation', async () => {
    const result = await runScenario('basic-fail', { seed: 1, bugs: new Set(['clerk-asks-vs-every-op']) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe('too many viewserver RPCs');
    const { count, allowed } = rpcCountNote(result.trace);
    expect(count).toBeGreaterThan(allowed);
  });
});
