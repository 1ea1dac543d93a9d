// Seed ranges and their shards. A range is arithmetic (from, stride, count), never a materialised
// list, so a billion seeds cost nothing up front; a shard is a deterministic slice of a range, so
// separate processes or machines (a CI matrix, Kubernetes Indexed Jobs) each run one slice and the
// slices together are the range.

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
