// The explorer as a library, called from node: it reports failures with the run that found them,
// in seed order, with progress events; it gives the same answer in one process and in several
// child processes; and an AbortSignal stops it. A stand-in target keeps these tests fast.

import { describe, expect, it } from 'vitest';
import { explore, shardSeeds, type ExploreEvent, type ExploreRequest } from '../../sim/explore/index.ts';
import { catalogue as sevens } from './fixtures/sevens-target.ts';

const request = (over: Partial<ExploreRequest> = {}): ExploreRequest => ({
  scenarios: ['fake'],
  bugs: [],
  strategy: 'random',
  seeds: shardSeeds(1, 50, null),
  rangeFrom: 1,
  stopAtFirstFailure: false,
  jobs: 1,
  ...over,
});

describe('explore (library)', () => {
  it('should report every failing seed with its run, and progress after each verdict', async () => {
    const events: ExploreEvent[] = [];
    const result = await explore(sevens, request({ strategy: 'pct' }), (e) => events.push(e));
    expect(result.failures.map((f) => f.seed)).toEqual([7, 14, 21, 28, 35, 42, 49]);
    expect(result.failures[0]!.run).toEqual({ scenario: 'fake', seed: 7, bugs: [], swarm: false, strategy: 'pct' });
    expect(result.failures[0]!.reason).toBe(`fake seed 7 under pct in pid ${process.pid}`);
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.map((e) => e.done)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(progress.at(-1)).toEqual({ type: 'progress', done: 50, total: 50, failures: 7 });
    expect(result).toMatchObject({ checked: 50, runs: 50, interrupted: false });
  });

  it('should stop at the lowest failing seed when asked to', async () => {
    const result = await explore(sevens, request({ seeds: shardSeeds(3, 40, null), rangeFrom: 3, stopAtFirstFailure: true }));
    expect(result.failures.map((f) => f.seed)).toEqual([7]);
    expect(result.checked).toBe(5);
  });

  it('should give the same failures in three processes as in one', async () => {
    const seeds = shardSeeds(1, 400, null);
    const seedsOf = (failures: readonly { seed: number; run: unknown }[]) => failures.map((f) => [f.seed, f.run]);
    const one = await explore(sevens, request({ seeds }));
    const events: number[] = [];
    const three = await explore(sevens, request({ seeds, jobs: 3 }), (e) => e.type === 'verdict' && events.push(e.verdict.seed));
    expect(seedsOf(three.failures)).toEqual(seedsOf(one.failures));
    expect(events).toEqual(Array.from({ length: 400 }, (_, i) => i + 1)); // verdicts in seed order
    expect(three.runs).toBe(400);
    const pids = new Set(three.failures.map((f) => /pid (\d+)$/.exec(f.reason)?.[1]));
    expect(pids.size).toBeGreaterThan(1); // the children did share the work
    const first = await explore(sevens, request({ seeds: shardSeeds(8, 300, null), rangeFrom: 8, jobs: 2, stopAtFirstFailure: true }));
    expect(first.failures.map((f) => f.seed)).toEqual([14]);
  }, 30_000);

  it('should cycle the portfolio by seed, and deal a budget over several scenarios in turn', async () => {
    const events: string[] = [];
    const result = await explore(sevens, request({ scenarios: ['a', 'b'], strategy: 'portfolio', seeds: shardSeeds(1, 30, null) }), (e) => {
      if (e.type === 'verdict') events.push(`${e.run.scenario}${e.run.seed}:${e.run.swarm ? 's' : ''}${e.run.strategy}`);
    });
    expect(events.slice(0, 6)).toEqual(['a1:random', 'b1:random', 'a2:srandom', 'b2:srandom', 'a3:pct', 'b3:pct']);
    expect(result.failures.map((f) => `${f.run.scenario}${f.seed}`)).toEqual(['a7', 'b7', 'a14', 'b14']);
    expect(result.failures[2]!.reason).toMatch(/^a seed 14 under random\+swarm/);
  });

  it('should hand out no more seeds once its AbortSignal fires', async () => {
    const stop = new AbortController();
    const result = await explore(sevens, request({ seeds: shardSeeds(1, 1000, null), signal: stop.signal }), (e) => {
      if (e.type === 'progress' && e.done === 10) stop.abort();
    });
    expect(result.interrupted).toBe(true);
    expect(result.checked).toBe(10);
  });
});
