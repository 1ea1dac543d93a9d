// What `rpcsim explore` was asked to do, checked: the scenario, the bugs, the seed range and its
// shard, and how to run and report it. Every mistake is one UsageError line (exit 2). The seed
// space is arithmetic, never a materialised list, so `--seeds 1000000000` costs nothing up front.

import type { Catalogue } from './catalogue.ts';
import type { Flags } from './main.ts';
import { checkBugs, checkScenario, parseCount, parseSeed } from './options.ts';
import { UsageError } from './usage-error.ts';
import { describeFromFlags } from './run-setup.ts';
import type { RunDescription } from '../replay/run-description.ts';

export const DEFAULT_SEED_COUNT = 1000;
/** More threads than this is a typo, not a machine. */
export const MAX_JOBS = 256;

/** Seeds from, from + stride, from + 2·stride, ...: `count` of them. */
export interface SeedSpace {
  readonly from: number;
  readonly stride: number;
  readonly count: number;
}

export interface Shard {
  /** 1-based, as in `--shard 2/4` (vitest and Playwright count the same way). */
  readonly index: number;
  readonly total: number;
}

export interface ExploreOptions {
  readonly scenario: string;
  readonly bugs: ReadonlySet<string>;
  readonly swarm: boolean;
  /** How scheduling questions are answered: seeded random, or PCT priorities. */
  readonly strategy: 'random' | 'pct';
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
}

export function parseExploreOptions(catalogue: Catalogue, target: string | undefined, flags: Flags): ExploreOptions {
  const scenario = checkScenario(catalogue, target, 'explore');
  const bugs = checkBugs(catalogue, flags.bug);
  const strategy = parseStrategy(flags.strategy);
  const swarm = flags.swarm === true || strategy === 'swarm';
  const run = describeFromFlags(catalogue, 'explore', scenario, { ...flags, seed: undefined }, 0);
  const rangeFrom = flags.from === undefined ? 1 : parseSeed(flags.from, '--from');
  const rangeCount = parseCount(flags.seeds, '--seeds', DEFAULT_SEED_COUNT);
  // Compared without adding: from + count - 1 past 2^53 rounds back to a safe-looking number.
  if (rangeCount - 1 > Number.MAX_SAFE_INTEGER - rangeFrom) {
    throw new UsageError(`--from ${rangeFrom} --seeds ${rangeCount} runs past the largest seed (2^53 - 1): start lower or run fewer`);
  }
  const shard = flags.shard === undefined ? null : parseShard(flags.shard);
  const jobs = parseCount(flags.jobs, '--jobs', 1);
  if (jobs > MAX_JOBS) throw new UsageError(`bad --jobs "${flags.jobs}": at most ${MAX_JOBS} worker threads`);
  if (jobs > 1 && catalogue.moduleUrl === undefined) {
    throw new UsageError('--jobs needs a catalogue that worker threads can load (Catalogue.moduleUrl); run with --jobs 1');
  }
  return {
    scenario,
    bugs,
    swarm,
    strategy: strategy === 'pct' ? 'pct' : 'random',
    rangeFrom,
    rangeCount,
    shard,
    seeds: shardSeeds(rangeFrom, rangeCount, shard),
    stopAtFirstFailure: flags.all !== true,
    jobs,
    json: flags.json === true,
    run,
  };
}

export function parseStrategy(text: string | undefined): 'random' | 'swarm' | 'pct' {
  if (text === undefined || text === 'random') return 'random';
  if (text === 'swarm' || text === 'pct') return text;
  if (text === 'dfs') throw new UsageError('--strategy dfs is not available yet: use random (the default), swarm or pct');
  throw new UsageError(`unknown --strategy "${text}": use random (the default), swarm or pct`);
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (match === null || !Number.isSafeInteger(total) || total < 1 || index < 1 || index > total) {
    throw new UsageError(`bad --shard "${text}": give K/N with 1 ≤ K ≤ N, e.g. --shard 1/4 (the first of four slices)`);
  }
  return { index, total };
}

/**
 * Shard K of N takes every Nth seed of the range, starting at its Kth: the shards are disjoint,
 * together they are the range, and each gets an even share of slow and fast seeds.
 */
export function shardSeeds(from: number, count: number, shard: Shard | null): SeedSpace {
  if (shard === null) return { from, stride: 1, count };
  const offset = shard.index - 1;
  const shardCount = offset >= count ? 0 : Math.floor((count - offset - 1) / shard.total) + 1;
  return { from: from + offset, stride: shard.total, count: shardCount };
}

export function seedAt(space: SeedSpace, index: number): number {
  return space.from + index * space.stride;
}

/** "1..1000", "3..999 step 4", or "none" for an empty shard. */
export function describeSeeds(space: SeedSpace): string {
  if (space.count === 0) return 'none';
  const last = seedAt(space, space.count - 1);
  if (space.count === 1) return `${space.from}`;
  return space.stride === 1 ? `${space.from}..${last}` : `${space.from}..${last} step ${space.stride}`;
}
