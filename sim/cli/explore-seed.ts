// One seed of an exploration: run it without a trace and keep only its verdict, a small value that
// can cross a worker thread's message port. Shared by the in-process loop and the worker threads,
// so one thread and many judge every seed the same way.

import type { Catalogue, ImplementationRef } from './catalogue.ts';
import type { FaultPlan } from '../faults/plan.ts';

export interface SeedJob {
  readonly scenario: string;
  readonly bugs: readonly string[];
  readonly swarm: boolean;
  readonly strategy: 'random' | 'pct';
  /** A --plan file's faults, instead of the scenario's own. */
  readonly faults?: FaultPlan;
  /** A user's implementation: each thread loads it from its path. */
  readonly impl?: ImplementationRef;
}

export type SeedVerdict =
  | { readonly index: number; readonly seed: number; readonly ok: true }
  | { readonly index: number; readonly seed: number; readonly ok: false; readonly kind: string; readonly reason: string };

export async function runSeed(catalogue: Catalogue, job: SeedJob, index: number, seed: number): Promise<SeedVerdict> {
  try {
    const result = await catalogue.run(job.scenario, { seed, bugs: new Set(job.bugs), trace: false, swarm: job.swarm, strategy: job.strategy, ...(job.faults === undefined ? {} : { faults: job.faults }), ...(job.impl === undefined ? {} : { impl: job.impl }) });
    if (result.ok) return { index, seed, ok: true };
    return { index, seed, ok: false, kind: result.kind ?? 'failure', reason: result.reason ?? '(no reason given)' };
  } catch (error) {
    // The simulator itself broke on this seed (not a verdict): still a failing seed worth replaying.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { index, seed, ok: false, kind: 'error', reason: `the simulator threw ${message.split('\n')[0]}` };
  }
}
