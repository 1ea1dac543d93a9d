// The explorer as a library: runs a scenario over a seed range (or any plan of runs) on one or
// more cores and reports, as events, each verdict in run order, each failure with the run that
// found it, and progress counts. The CLI (`rpcsim explore`) only parses flags into a request and
// prints these events; a program or a test can call `explore` directly from node.

import { runPool, type RunPlan } from './pool.ts';
import { seedAt, type SeedSpace } from './seeds.ts';
import type { ExploreTarget, FailedVerdict, RunStrategy, SeedRun, SeedVerdict } from './seed-run.ts';

export interface ExploreRequest {
  readonly scenario: string;
  readonly bugs: readonly string[];
  readonly swarm: boolean;
  readonly strategy: RunStrategy;
  readonly seeds: SeedSpace;
  /** Stop handing out seeds after the first failure (the lowest failing seed is still found). */
  readonly stopAtFirstFailure: boolean;
  /** Cores to use: this process plus jobs - 1 child processes. */
  readonly jobs: number;
  /** Aborting hands out no more seeds; those already running are still reported. */
  readonly signal?: AbortSignal;
}

export interface Failure extends FailedVerdict {
  /** The run that failed: scenario, seed, bugs and strategy, everything a replay needs. */
  readonly run: SeedRun;
}

export type ExploreEvent =
  | { readonly type: 'verdict'; readonly verdict: SeedVerdict; readonly run: SeedRun }
  | { readonly type: 'failure'; readonly failure: Failure }
  | { readonly type: 'progress'; readonly done: number; readonly total: number; readonly failures: number };

export interface ExploreResult {
  readonly failures: readonly Failure[];
  /** Runs reported, from the first: the prefix of the plan that was checked. */
  readonly checked: number;
  /** Runs made, including any finished past the first failure. */
  readonly runs: number;
  readonly interrupted: boolean;
}

/** The plan of a single-scenario request: seed i of the range, one strategy for all. */
export function rangePlan(request: Omit<ExploreRequest, 'stopAtFirstFailure' | 'jobs' | 'signal'>): RunPlan {
  const { scenario, bugs, swarm, strategy, seeds } = request;
  return { count: seeds.count, runAt: (index) => ({ scenario, seed: seedAt(seeds, index), bugs, swarm, strategy }) };
}

export function explore(target: ExploreTarget, request: ExploreRequest, onEvent: (event: ExploreEvent) => void = () => {}): Promise<ExploreResult> {
  return explorePlan(target, rangePlan(request), request, onEvent);
}

/** Runs any plan (a portfolio, every scenario) with the same pool, order and events. */
export async function explorePlan(
  target: ExploreTarget,
  plan: RunPlan,
  settings: { readonly stopAtFirstFailure: boolean; readonly jobs: number; readonly signal?: AbortSignal },
  onEvent: (event: ExploreEvent) => void = () => {},
): Promise<ExploreResult> {
  const failures: Failure[] = [];
  let done = 0;
  const tally = await runPool(target, plan, settings, {
    onVerdict(verdict) {
      done++;
      const run = plan.runAt(verdict.index);
      onEvent({ type: 'verdict', verdict, run });
      if (!verdict.ok) {
        const failure: Failure = { ...verdict, run };
        failures.push(failure);
        onEvent({ type: 'failure', failure });
      }
      onEvent({ type: 'progress', done, total: plan.count, failures: failures.length });
    },
    shouldStop: () => settings.signal?.aborted === true,
  });
  return { failures, checked: tally.checked, runs: tally.runs, interrupted: settings.signal?.aborted === true };
}
