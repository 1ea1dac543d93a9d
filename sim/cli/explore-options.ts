// What `rpcsim explore` was asked to do, checked: the scenario (or every one), the bugs, the
// strategy (the portfolio unless one is named), the seed range and its shard, and how to run and
// report it. Every mistake is one UsageError line (exit 2). The seed
// space is arithmetic, never a materialised list, so `--seeds 1000000000` costs nothing up front.

import type { Catalogue } from './catalogue.ts';
import type { Flags } from './main.ts';
import type { FaultPlan } from '../faults/plan.ts';
import { checkBugs, checkScenario, parseCount, parseSeed } from './options.ts';
import { UsageError } from './usage-error.ts';
import { shardSeeds, type SeedSpace, type Shard } from '../explore/seeds.ts';
import { parseShardText, shardFromEnvironment } from '../explore/shard-env.ts';
import type { ExploreStrategy } from '../explore/portfolio.ts';
import { describeFromFlags } from './run-setup.ts';
import { describeRun, type RunDescription } from '../replay/run-description.ts';
import { codeFingerprint } from '../replay/code-fingerprint.ts';

export const DEFAULT_SEED_COUNT = 1000;
/** More processes than this is a typo, not a machine. */
export const MAX_JOBS = 256;

export interface ExploreOptions {
  /** The scenario named, or "every scenario" with --all-scenarios. */
  readonly label: string;
  /** The scenarios the budget is spread over: the one named, or all of them. */
  readonly scenarios: readonly string[];
  readonly bugs: ReadonlySet<string>;
  /** One strategy for every seed, or the portfolio (the default) cycling them by seed. */
  readonly strategy: ExploreStrategy;
  /** The range the user asked for, before sharding: --from and --seeds. */
  readonly rangeFrom: number;
  readonly rangeCount: number;
  readonly shard: Shard | null;
  /** The seeds this process runs: the range, or its shard's slice of it. */
  readonly seeds: SeedSpace;
  readonly stopAtFirstFailure: boolean;
  readonly jobs: number;
  readonly json: boolean;
  /** What every seed runs (its seed field is the range's first); each failure's replay command. */
  readonly run: RunDescription;
  /** Scenarios that take swarm faults (they declare fault targets). */
  readonly swarmScenarios: readonly string[];
  /** A --plan file's faults, run by every seed instead of the scenario's own. */
  readonly faults?: FaultPlan;
}

export function parseExploreOptions(catalogue: Catalogue, target: string | undefined, flags: Flags): ExploreOptions {
  const every = flags['all-scenarios'] === true;
  if (every && target !== undefined) throw new UsageError(`explore takes a scenario or --all-scenarios, not both: drop "${target}" or the flag`);
  if (every && flags.plan !== undefined) throw new UsageError('explore --all-scenarios does not take --plan: a plan names one scenario\'s servers; explore that scenario with --plan');
  const scenarios = every ? catalogue.scenarios.map((s) => s.name) : [checkScenario(catalogue, target, 'explore')];
  const bugs = checkBugs(catalogue, flags.bug);
  const strategy = exploreStrategy(flags.strategy, flags.swarm === true);
  // The run every seed is a variant of: scenario, bugs, plan file and code; each run's replay
  // command is this description with the run's scenario, seed and strategy. One scenario's
  // description also refuses what the scenario cannot honour (--swarm, a --plan it cannot strike).
  const named = strategy === 'portfolio' ? undefined : strategy.startsWith('pct') ? 'pct' : 'random';
  // --strategy swarm is passed on as given, so a refusal names the flag the user wrote.
  const asGiven = { ...flags, seed: undefined, strategy: flags.strategy === 'swarm' ? 'swarm' : named, swarm: flags.swarm === true };
  const run = every ? describeRun({ scenario: scenarios[0]!, seed: 0, bugs, code: codeFingerprint() }) : describeFromFlags(catalogue, 'explore', scenarios[0], asGiven, 0);
  // Swarm runs only where the scenario declares fault targets (elsewhere the seed has no faults to
  // pick, and replay would refuse --swarm): the portfolio's swarm seeds run without it there.
  const swarmScenarios = catalogue.scenarios.filter((s) => s.faultTargets.length > 0).map((s) => s.name);
  const rangeFrom = flags.from === undefined ? 1 : parseSeed(flags.from, '--from');
  const rangeCount = parseCount(flags.seeds, '--seeds', DEFAULT_SEED_COUNT);
  // Compared without adding: from + count - 1 past 2^53 rounds back to a safe-looking number.
  if (rangeCount - 1 > Number.MAX_SAFE_INTEGER - rangeFrom) {
    throw new UsageError(`--from ${rangeFrom} --seeds ${rangeCount} runs past the largest seed (2^53 - 1): start lower or run fewer`);
  }
  const shard = flags.shard === undefined ? null : parseShard(flags.shard);
  const jobs = parseCount(flags.jobs, '--jobs', 1);
  if (jobs > MAX_JOBS) throw new UsageError(`bad --jobs "${flags.jobs}": at most ${MAX_JOBS} parallel jobs`);
  if (jobs > 1 && catalogue.moduleUrl === undefined) {
    throw new UsageError('--jobs needs a catalogue that child processes can load (Catalogue.moduleUrl); run with --jobs 1');
  }
  return {
    label: every ? 'every scenario' : scenarios[0]!,
    scenarios,
    bugs,
    strategy,
    rangeFrom,
    rangeCount,
    shard,
    seeds: shardSeeds(rangeFrom, rangeCount, shard),
    stopAtFirstFailure: flags.all !== true,
    jobs,
    json: flags.json === true,
    run,
    swarmScenarios,
    ...(run.plan.kind === 'file' ? { faults: run.plan.faults } : {}),
  };
}

/** --strategy and --swarm together: none gives the portfolio; --swarm adds the seed's faults. */
export function exploreStrategy(text: string | undefined, swarm: boolean): ExploreStrategy {
  if (text === 'portfolio') {
    if (swarm) throw new UsageError('--swarm with --strategy portfolio: the portfolio already runs a third of its seeds under swarm; drop --swarm, or pick --strategy random|pct with it');
    return 'portfolio';
  }
  if (text === undefined && !swarm) return 'portfolio';
  const named = text === undefined ? 'random' : parseStrategy(text, 'portfolio (the default), random, swarm or pct');
  if (named === 'pct') return swarm ? 'pct+swarm' : 'pct';
  return swarm || named === 'swarm' ? 'swarm' : 'random';
}

export function parseStrategy(text: string | undefined, choices = 'random (the default), swarm or pct'): 'random' | 'swarm' | 'pct' {
  if (text === undefined || text === 'random') return 'random';
  if (text === 'swarm' || text === 'pct') return text;
  if (text === 'dfs') throw new UsageError(`--strategy dfs is not available yet: use ${choices}`);
  throw new UsageError(`unknown --strategy "${text}": use ${choices}`);
}

/** `--shard K/N`, or `--shard env` to take K and N from a batch engine's environment. */
export function parseShard(text: string, env: Readonly<Record<string, string | undefined>> = process.env): Shard {
  if (text === 'env') {
    const found = shardFromEnvironment(env);
    if (!found.ok) throw new UsageError(`--shard env: ${found.problem}`);
    return found.shard;
  }
  const shard = parseShardText(text);
  if (shard === null) throw new UsageError(`bad --shard "${text}": give K/N with 1 ≤ K ≤ N, e.g. --shard 1/4 (the first of four slices), or env`);
  return shard;
}
