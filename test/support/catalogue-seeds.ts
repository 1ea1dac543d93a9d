// Tests that need "a run that fails" take it from the bug catalogue's data (protocol/bug-catches.ts)
// rather than hard-coding a seed: a deliberate change of semantics moves the seeds, and
// `npm run catalogue:refind` moves them in one place.

import { BUG_CATCHES } from '../../protocol/index.ts';

export function catchingSeed(bug: string, scenario: string): string {
  const entry = BUG_CATCHES.find((c) => c.bug === bug && c.scenario === scenario);
  if (entry === undefined) throw new Error(`the catalogue lists no ${scenario} run that catches ${bug}`);
  return String(entry.seed);
}
