// The explorer's public face, for programs and tests that search seeds from node:
// `explore(target, request, onEvent)` over a seed range, or `explorePlan` over any plan of runs.

export { explore, explorePlan, requestPlan, type ExploreEvent, type ExploreRequest, type ExploreResult, type Failure } from './explore.ts';
export { runPool, type PoolHooks, type PoolTally, type RunPlan } from './pool.ts';
export { SeedOrder } from './order.ts';
export { runSeed, type ExploreTarget, type FailedVerdict, type ImplementationRef, type RunStrategy, type SeedRun, type SeedVerdict } from './seed-run.ts';
export { describeSeeds, seedAt, shardSeeds, type SeedSpace, type Shard } from './seeds.ts';
export { DEFAULT_PCT, PctChooser, type PctOptions } from './pct.ts';
export { PORTFOLIO, STRATEGY_NAMES, runParts, strategyFlags, strategyForSeed, strategyOfRun, type ExploreStrategy, type StrategyName } from './portfolio.ts';
export { mergeLines, type MergeResult, type MergedExploration } from './merge.ts';
export { shardFromEnvironment } from './shard-env.ts';
