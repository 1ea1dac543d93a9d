// The explorer as a library: runs one scenario over a seed range, or spreads a budget of runs over
// several scenarios, under one strategy or the portfolio, on one or more cores, and reports, as
// events, each verdict in run order, each failure with the run (scenario, seed, strategy) that
// found it, and progress counts. The CLI (`rpcsim explore`) only parses flags into a request and
// prints these events; a program or a test can call `explore` directly from node.

import { runPool, type RunPlan } from './pool.ts';
import { runParts, strategyForSeed, type ExploreStrategy } from './portfolio.ts';
import { seedAt, type SeedSpace } from './seeds.ts';
import type { ExploreTarget, FailedVerdict, ImplementationRef, SeedRun, SeedVerdict } from './seed-run.ts';
import type { FaultPlan } from '../faults/plan.ts';

export interface ExploreRequest {
  /** One scenario; or several, over which the range's units are dealt in turn (a budget). */
  readonly scenarios: readonly string[];
  readonly bugs: readonly string[];
  readonly strategy: ExploreStrategy;
  /** The units this process runs: the range, or its shard's slice of it. */
  readonly seeds: SeedSpace;
  /** The first unit of the whole range before sharding (where scenarios start being dealt). */
  readonly rangeFrom: number;
  /** Stop handing out runs after the first failure (the lowest failing run is still found). */
  readonly stopAtFirstFailure: boolean;
  /** Cores to use: this process plus jobs - 1 child processes. */
  readonly jobs: number;
  /** Aborting hands out no more runs; those already running are still reported. */
  readonly signal?: AbortSignal;
  /** Scenarios that take swarm faults; a swarm run of another runs without swarm. Default: all. */
  readonly swarmScenarios?: readonly string[];
  /** A fault plan every run uses instead of its scenario's own (one scenario's --plan). */
  readonly faults?: FaultPlan;
  /** The implementation under test (`--impl`); default: the reference. */
  readonly impl?: ImplementationRef;
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

/**
 * Unit u of the range is scenario (u - from) mod S at seed from + ⌊(u - from) / S⌋: with one
 * scenario, unit u is seed u; with S of them, `--seeds N` gives each about N / S seeds.
 */
export function requestPlan(request: Pick<ExploreRequest, 'scenarios' | 'bugs' | 'strategy' | 'seeds' | 'rangeFrom' | 'swarmScenarios' | 'faults' | 'impl'>): RunPlan {
  const { scenarios, bugs, strategy, seeds, rangeFrom, faults, impl } = request;
  const count = scenarios.length;
  const swarmable = new Set(request.swarmScenarios ?? scenarios);
  return {
    count: seeds.count,
    runAt(index) {
      const unit = seedAt(seeds, index) - rangeFrom;
      const scenario = scenarios[unit % count]!;
      const seed = rangeFrom + Math.floor(unit / count);
      const parts = runParts(strategyForSeed(strategy, seed));
      const swarm = parts.swarm && swarmable.has(scenario);
      return { scenario, seed, bugs, swarm, strategy: parts.strategy, ...(faults === undefined ? {} : { faults }), ...(impl === undefined ? {} : { impl }) };
    },
  };
}

export function explore(target: ExploreTarget, request: ExploreRequest, onEvent: (event: ExploreEvent) => void = () => {}): Promise<ExploreResult> {
  return explorePlan(target, requestPlan(request), request, onEvent);
}

/** Runs any plan with the same pool, order and events. */
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
