// Running the runs of an exploration on `jobs` cores: this process runs runs itself, and jobs - 1
// child processes, started once, each take batches of runs. Child processes, not worker threads:
// two V8 isolates in one process share its GC helper threads, and on two cores two worker
// threads ran 1000 seeds only 1.2× faster than one, where two processes ran them 1.95× faster.
// Each child keeps two batches queued, sized to about BATCH_TARGET_MILLIS of work, so it never
// waits for this process between runs, but no more than its share of what is left; when this
// process runs out, it takes back the runs a child has not started. Verdicts reach `onVerdict`
// in seed order (SeedOrder), so one job and many report the same failures in the same order.

import { performance } from 'node:perf_hooks';
import { ChildPool } from './child-pool.ts';
import { SeedOrder } from './order.ts';
import { runSeed, type ExploreTarget, type SeedRun, type SeedVerdict } from './seed-run.ts';

/** The runs to make: run i of `count`, computed on demand (never a materialised list). */
export interface RunPlan {
  readonly count: number;
  runAt(index: number): SeedRun;
}

export interface PoolHooks {
  /** Every verdict, in run order. */
  onVerdict(verdict: SeedVerdict): void;
  /** Asked between runs; true hands out no more runs (Ctrl-C, an AbortSignal). */
  shouldStop(): boolean;
}

export interface PoolTally {
  /** Runs made, including any finished past the first failure (they count for speed). */
  readonly runs: number;
  /** Runs reported, from the first: the prefix of the plan that was checked. */
  readonly checked: number;
}

/** A batch this long keeps a child busy while this process runs one slow seed of its own. */
const BATCH_TARGET_MILLIS = 100;
const BATCH_MAX = 64;

export async function runPool(
  target: ExploreTarget,
  plan: RunPlan,
  settings: { readonly jobs: number; readonly stopAtFirstFailure: boolean },
  hooks: PoolHooks,
): Promise<PoolTally> {
  const order = new SeedOrder(plan.count, settings.stopAtFirstFailure, (v) => hooks.onVerdict(v));
  const childCount = target.moduleUrl === undefined ? 0 : Math.max(0, Math.min(settings.jobs, plan.count) - 1);
  const children = childCount === 0 ? null : new ChildPool(target.moduleUrl!, childCount);
  let runs = 0;
  let meanMillis = Number.NaN;
  const batchSize = (): number => (Number.isNaN(meanMillis) ? 1 : Math.max(1, Math.min(BATCH_MAX, Math.round(BATCH_TARGET_MILLIS / meanMillis))));
  const complete = (verdict: SeedVerdict): void => {
    runs++;
    const limit = order.limit;
    order.complete(verdict);
    if (order.limit < limit) children?.cutoff(order.limit);
  };
  try {
    children?.onVerdict(complete);
    children?.onGivenBack((indexes) => order.giveBack(indexes));
    for (;;) {
      if (hooks.shouldStop()) order.stop();
      children?.refill(batchSize(), childCount + 1, () => order.untaken, () => {
        const index = order.take();
        return index === null ? null : { index, run: plan.runAt(index) };
      });
      const index = order.take();
      if (index === null) {
        // Nothing left to hand out: take back what children hold unstarted and run it here.
        if (children === null || !children.busy) break;
        children.takeBack();
        await children.nextMessage();
        continue;
      }
      const started = performance.now();
      complete(await runSeed(target, plan.runAt(index), index));
      const millis = performance.now() - started;
      meanMillis = Number.isNaN(meanMillis) ? millis : 0.8 * meanMillis + 0.2 * millis;
      // A simulated run never leaves the microtask queue; yield so Ctrl-C and children's verdicts land.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    children?.close();
  }
  return { runs, checked: order.reported };
}
