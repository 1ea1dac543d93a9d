// Which strategy answers a run's questions, and the portfolio that cycles them. As in Coyote's
// portfolio, no one strategy finds every bug: seeded random finds the common interleavings, swarm
// finds bugs that need unusual weather and faults, PCT finds ordering bugs of small depth. The
// portfolio gives seed s the strategy PORTFOLIO[(s - 1) mod 3], so a seed's strategy is a function
// of the seed alone: a shard, a replay and a merge all agree on it.

import type { RunStrategy, SeedRun } from './seed-run.ts';

/** What a whole exploration asks for: one strategy, or the portfolio of them. */
export type ExploreStrategy = 'portfolio' | StrategyName;

/** One run's strategy: the scheduler, and whether the seed also draws faults and weather. */
export type StrategyName = 'random' | 'swarm' | 'pct' | 'pct+swarm';

export const STRATEGY_NAMES: readonly StrategyName[] = ['random', 'swarm', 'pct', 'pct+swarm'];
export const PORTFOLIO: readonly StrategyName[] = ['random', 'swarm', 'pct'];

export function strategyForSeed(strategy: ExploreStrategy, seed: number): StrategyName {
  if (strategy !== 'portfolio') return strategy;
  return PORTFOLIO[(((seed - 1) % PORTFOLIO.length) + PORTFOLIO.length) % PORTFOLIO.length]!;
}

export function runParts(name: StrategyName): { readonly swarm: boolean; readonly strategy: RunStrategy } {
  return { swarm: name === 'swarm' || name === 'pct+swarm', strategy: name === 'pct' || name === 'pct+swarm' ? 'pct' : 'random' };
}

export function strategyOfRun(run: Pick<SeedRun, 'swarm' | 'strategy'>): StrategyName {
  if (run.strategy === 'pct') return run.swarm ? 'pct+swarm' : 'pct';
  return run.swarm ? 'swarm' : 'random';
}

/** The command-line flags that make a replay use this run's strategy. */
export function strategyFlags(run: Pick<SeedRun, 'swarm' | 'strategy'>): string[] {
  return [...(run.swarm ? ['--swarm'] : []), ...(run.strategy === 'pct' ? ['--strategy', 'pct'] : [])];
}
