// Running the seeds of an exploration: in this thread (`--jobs 1`), or spread over worker threads
// (`--jobs N`) that each load their own catalogue. Either way verdicts reach `onVerdict` in seed
// order (SeedOrder), so both modes report the same failing seeds in the same order.

import { yieldToEventLoop } from './event-loop-cli.ts';
import { Worker } from 'node:worker_threads';
import type { Catalogue } from './catalogue.ts';
import type { ExploreOptions } from './explore-options.ts';
import { seedAt } from './explore-options.ts';
import { SeedOrder } from './explore-order.ts';
import { runSeed, type SeedJob, type SeedVerdict } from './explore-seed.ts';
import type { RunMessage, WorkerSetup } from './explore-worker-cli.ts';

export interface PoolHooks {
  /** Every verdict, in seed order. */
  onVerdict(verdict: SeedVerdict): void;
  /** Asked between seeds; true hands out no more seeds (Ctrl-C). */
  shouldStop(): boolean;
}

export interface PoolTally {
  /** Seeds run, including any a thread finished past the first failure (they count for speed). */
  readonly runs: number;
  /** Seeds reported, from the first: the prefix of the range that was checked. */
  readonly checked: number;
}

export async function runPool(catalogue: Catalogue, options: ExploreOptions, hooks: PoolHooks): Promise<PoolTally> {
  const order = new SeedOrder(options.seeds.count, options.stopAtFirstFailure, (v) => hooks.onVerdict(v));
  const job: SeedJob = { scenario: options.scenario, bugs: [...options.bugs], swarm: options.swarm, strategy: options.strategy, ...(options.run.plan.kind === 'file' ? { faults: options.run.plan.faults } : {}), ...(options.run.impl === null ? {} : { impl: options.run.impl }) };
  const threads = Math.min(options.jobs, options.seeds.count);
  const runs =
    threads <= 1 || catalogue.moduleUrl === undefined
      ? await runHere(catalogue, options, job, order, hooks)
      : await runInWorkers(catalogue.moduleUrl, options, job, order, hooks, threads);
  return { runs, checked: order.reported };
}

async function runHere(catalogue: Catalogue, options: ExploreOptions, job: SeedJob, order: SeedOrder, hooks: PoolHooks): Promise<number> {
  let runs = 0;
  for (let index = order.take(); index !== null; index = order.take()) {
    order.complete(await runSeed(catalogue, job, index, seedAt(options.seeds, index)));
    runs++;
    await yieldToEventLoop(); // so Ctrl-C lands between runs
    if (hooks.shouldStop()) order.stop();
  }
  return runs;
}

function runInWorkers(moduleUrl: string, options: ExploreOptions, job: SeedJob, order: SeedOrder, hooks: PoolHooks, threads: number): Promise<number> {
  const setup: WorkerSetup = { ...job, moduleUrl };
  const workers: Worker[] = [];
  let runs = 0;
  let busy = 0;
  return new Promise<number>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null): void => {
      if (settled) return;
      settled = true;
      void Promise.all(workers.map((w) => w.terminate())).then(() => (error === null ? resolve(runs) : reject(error)));
    };
    const feed = (worker: Worker): void => {
      if (hooks.shouldStop()) order.stop();
      const index = order.take();
      if (index === null) {
        if (busy === 0) finish(null);
        return;
      }
      busy++;
      const message: RunMessage = { index, seed: seedAt(options.seeds, index) };
      worker.postMessage(message);
    };
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(new URL('./explore-worker-boot-cli.mjs', import.meta.url), { workerData: setup });
      workers.push(worker);
      worker.on('message', (verdict: SeedVerdict) => {
        busy--;
        runs++;
        order.complete(verdict);
        feed(worker);
      });
      worker.on('error', (error) => finish(new Error(`explore worker thread ${i + 1} failed: ${error.message}`)));
      worker.on('exit', (code) => {
        if (!settled) finish(new Error(`explore worker thread ${i + 1} exited (code ${code}) before the exploration ended`));
      });
      feed(worker);
    }
  });
}
