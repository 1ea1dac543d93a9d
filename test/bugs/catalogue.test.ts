// Every run the bug catalogue claims (protocol/bug-catches.ts, what `rpcsim bugs` prints): it
// fails with the bug switched on, with the Go test's own message, and passes with it off, so each
// claim is true and each failure comes from the bug. When a deliberate change of semantics moves
// a seed, `npm run catalogue:refind` re-finds it and rewrites the data.

import { describe, expect, it } from 'vitest';
import { BUGS, BUG_CATCHES, isBugName, type BugCatch, type BugName } from '../../protocol/index.ts';
import { runScenario } from '../../scenarios/index.ts';

async function verdict(c: BugCatch, bugs: ReadonlySet<BugName>): Promise<string> {
  const result = await runScenario(c.scenario, { seed: c.seed, bugs, trace: false, ...(c.swarm ? { swarm: true } : {}) });
  return result.ok ? 'ok' : `${result.kind}: ${result.reason}`;
}

describe('the bug catalogue, each claimed run', () => {
  it('should list at least one run for every catalogued bug, and only catalogued bugs', () => {
    expect(BUGS.map((bug) => bug.name).filter((name) => !BUG_CATCHES.some((c) => c.bug === name))).toEqual([]);
    expect(BUG_CATCHES.filter((c) => !isBugName(c.bug))).toEqual([]);
  });

  for (const c of BUG_CATCHES) {
    const where = `${c.scenario} seed ${c.seed}${c.swarm ? ' (swarm)' : ''}`;
    it(`should fail ${where} with ${c.bug} (${c.kind}: ${c.reason}) and pass it without`, async () => {
      const withBug = await verdict(c, new Set([c.bug as BugName]));
      expect(withBug.startsWith(`${c.kind}: `), withBug).toBe(true);
      expect(withBug.slice(c.kind.length + 2)).toMatch(new RegExp(c.reason));
      expect(await verdict(c, new Set())).toBe('ok');
    }, 60_000);
  }
});
