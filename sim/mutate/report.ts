// The score line and the lists `npm run mutants` ends with: killed (or timed out) over the
// non-equivalent mutants that ran, then the equivalent ones apart, then each survivor by its
// site key, so it can be looked at again (`--sites FILE`) or judged equivalent.

import type { MutantVerdict } from './run-mutants.ts';

export interface MutantResult {
  readonly key: string;
  readonly where: string;
  readonly verdict: MutantVerdict | { readonly status: 'equivalent'; readonly seconds: 0 };
  /** The reason it is listed as equivalent, or null. */
  readonly equivalent: string | null;
}

export interface Score {
  readonly killed: number;
  /** Non-equivalent mutants that ran (errors, which never started, are not counted). */
  readonly counted: number;
  readonly equivalent: number;
  readonly errors: number;
  /** Listed as equivalent but killed when run anyway (--run-equivalent): the list is wrong. */
  readonly wronglyEquivalent: readonly MutantResult[];
  readonly survivors: readonly MutantResult[];
}

export function scoreOf(results: readonly MutantResult[]): Score {
  const isKill = (r: MutantResult): boolean => r.verdict.status === 'killed' || r.verdict.status === 'timeout';
  const real = results.filter((r) => r.equivalent === null && r.verdict.status !== 'error');
  return {
    killed: real.filter(isKill).length,
    counted: real.length,
    equivalent: results.filter((r) => r.equivalent !== null).length,
    errors: results.filter((r) => r.verdict.status === 'error').length,
    wronglyEquivalent: results.filter((r) => r.equivalent !== null && isKill(r)),
    survivors: real.filter((r) => r.verdict.status === 'survived'),
  };
}

export function printScore(results: readonly MutantResult[], print: (line: string) => void = console.log): Score {
  const score = scoreOf(results);
  const percent = score.counted === 0 ? 0 : (100 * score.killed) / score.counted;
  print(`\nmutation score: ${score.killed}/${score.counted} = ${percent.toFixed(1)}% of the non-equivalent mutants killed (or timed out); ${score.equivalent} equivalent (sim/mutate/equivalent-mutants.json) and ${score.errors} that did not start, not counted`);
  for (const r of score.wronglyEquivalent) print(`  listed as equivalent but KILLED (take it off the list): ${r.key}`);
  for (const r of score.survivors) print(`  survived: ${r.where}\n            ${r.key}`);
  return score;
}
