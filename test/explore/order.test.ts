// The pure parts of explore: verdicts that arrive out of order are reported in seed order, a
// failure stops the hand-out of later seeds but not the report of earlier ones, and shards are
// disjoint slices that together make the whole range.

import { describe, expect, it } from 'vitest';
import { describeSeeds, seedAt, shardSeeds } from '../../sim/explore/seeds.ts';
import { SeedOrder } from '../../sim/explore/order.ts';
import type { SeedVerdict } from '../../sim/explore/seed-run.ts';

const pass = (index: number): SeedVerdict => ({ index, seed: index + 1, ok: true });
const fail = (index: number): SeedVerdict => ({ index, seed: index + 1, ok: false, kind: 'safety', reason: 'x' });

function takeAll(order: SeedOrder): number[] {
  const out: number[] = [];
  for (let i = order.take(); i !== null; i = order.take()) out.push(i);
  return out;
}

describe('SeedOrder', () => {
  it('should report verdicts in seed order whatever order they finish in', () => {
    const reported: number[] = [];
    const order = new SeedOrder(4, false, (v) => reported.push(v.index));
    expect(takeAll(order)).toEqual([0, 1, 2, 3]);
    order.complete(pass(2));
    order.complete(pass(1));
    expect(reported).toEqual([]);
    order.complete(pass(0));
    expect(reported).toEqual([0, 1, 2]);
    order.complete(pass(3));
    expect(reported).toEqual([0, 1, 2, 3]);
    expect(order.finished).toBe(true);
  });

  it('should hand out seeds given back first, lowest first, and drop those past a failure', () => {
    const reported: number[] = [];
    const order = new SeedOrder(10, true, (v) => reported.push(v.index));
    expect(takeAll(order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    order.giveBack([8, 5, 6]); // a child's unstarted runs
    expect(order.untaken).toBe(3);
    order.complete(fail(7));
    expect(order.untaken).toBe(2); // seed 9 (index 8) is past the failure now
    expect(takeAll(order)).toEqual([5, 6]);
    for (const index of [0, 1, 2, 3, 4, 5, 6]) order.complete(pass(index));
    expect(reported).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('should count the seeds still to hand out, down to none past a failure', () => {
    const order = new SeedOrder(10, true, () => {});
    expect(order.untaken).toBe(10);
    expect([order.take(), order.take(), order.take()]).toEqual([0, 1, 2]);
    expect(order.untaken).toBe(7);
    order.complete(fail(1));
    expect(order.untaken).toBe(0);
  });

  it('should stop handing out seeds past the first failure, yet report every earlier seed and only the lowest failure', () => {
    const reported: SeedVerdict[] = [];
    const order = new SeedOrder(10, true, (v) => reported.push(v));
    expect([order.take(), order.take(), order.take(), order.take()]).toEqual([0, 1, 2, 3]);
    order.complete(fail(3)); // a fast thread finds seed 4 failing while seeds 1-3 still run
    order.complete(fail(2)); // ... then seed 3, lower: it becomes the answer
    expect(order.take()).toBeNull();
    order.complete(pass(1));
    order.complete(pass(0));
    expect(reported.map((v) => [v.index, v.ok])).toEqual([[0, true], [1, true], [2, false]]);
    expect(order.reported).toBe(3);
    expect(order.finished).toBe(true);
  });

  it('should report every failure with --all', () => {
    const reported: SeedVerdict[] = [];
    const order = new SeedOrder(3, false, (v) => reported.push(v));
    takeAll(order);
    [fail(2), fail(0), pass(1)].forEach((v) => order.complete(v));
    expect(reported.map((v) => v.ok)).toEqual([false, true, false]);
  });

  it('should hand out nothing more once stopped, and still report what is running', () => {
    const reported: number[] = [];
    const order = new SeedOrder(100, true, (v) => reported.push(v.index));
    order.take();
    order.take();
    order.stop();
    expect(order.take()).toBeNull();
    order.complete(pass(1));
    order.complete(pass(0));
    expect(reported).toEqual([0, 1]);
    expect(order.finished).toBe(true);
  });
});

describe('shards', () => {
  it('should split a range into disjoint slices that together are the range', () => {
    for (const [from, count, total] of [[1, 1000, 4], [7, 10, 3], [0, 2, 5], [5, 1, 1]] as const) {
      const seen: number[] = [];
      for (let index = 1; index <= total; index++) {
        const space = shardSeeds(from, count, { index, total });
        for (let i = 0; i < space.count; i++) seen.push(seedAt(space, i));
      }
      expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => from + i));
    }
  });

  it('should describe a slice by its first and last seed and its step', () => {
    expect(describeSeeds(shardSeeds(1, 1000, null))).toBe('1..1000');
    expect(describeSeeds(shardSeeds(1, 1000, { index: 2, total: 4 }))).toBe('2..998 step 4');
    expect(describeSeeds(shardSeeds(1, 2, { index: 3, total: 5 }))).toBe('none');
  });
});
