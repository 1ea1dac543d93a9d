// One run of an exploration: a scenario at one seed under one strategy, run without a trace, kept
// only as its verdict, a small value that can cross a process boundary. Shared by the in-process
// loop and the child processes, so one process and many judge every run the same way.

import type { FaultPlan, PlannedFault } from '../faults/plan.ts';

/** A user's own implementation (`--impl`): each process loads it from its path. */
export interface ImplementationRef {
  readonly path: string;
  readonly sourceHash: string;
}

/** How a run's scheduling and fault questions are answered. */
export type RunStrategy = 'random' | 'pct';

/** What an exploration runs seeds against: the scenarios (the CLI's catalogue satisfies it). */
export interface ExploreTarget {
  /**
   * The URL of a module that exports this target as `catalogue`, so a child process can load
   * its own copy; without it, exploration runs in one thread.
   */
  readonly moduleUrl?: string;
  run(
    scenario: string,
    options: { readonly seed: number; readonly bugs: ReadonlySet<string>; readonly trace: false; readonly swarm: boolean; readonly strategy: RunStrategy; readonly faults?: FaultPlan; readonly impl?: ImplementationRef },
  ): Promise<{ readonly ok: boolean; readonly kind?: string; readonly reason?: string; readonly faults?: FaultPlan; readonly unstruck?: readonly PlannedFault[] }>;
}

/** Everything a run depends on besides the code: plain data, so it can be posted to a child. */
export interface SeedRun {
  readonly scenario: string;
  readonly seed: number;
  readonly bugs: readonly string[];
  /** The seed also draws a fault mix (weather, crashes, partitions) on top of the scenario's. */
  readonly swarm: boolean;
  readonly strategy: RunStrategy;
  /** A fault plan instead of the scenario's own (a --plan file). */
  readonly faults?: FaultPlan;
  /** The implementation under test instead of the reference. */
  readonly impl?: ImplementationRef;
}

/** With a plan file: the indexes of its entries that never struck in this run (a typo'd method, a
 *  time past the end), so a caller can say which entries no run of an exploration exercised. */
type Unstruck = { readonly unstruck?: readonly number[] };

export type SeedVerdict =
  | ({ readonly index: number; readonly seed: number; readonly ok: true } & Unstruck)
  | ({ readonly index: number; readonly seed: number; readonly ok: false; readonly kind: string; readonly reason: string } & Unstruck);

export type FailedVerdict = Extract<SeedVerdict, { ok: false }>;

export async function runSeed(target: ExploreTarget, run: SeedRun, index: number): Promise<SeedVerdict> {
  const seed = run.seed;
  try {
    const options = { seed, bugs: new Set(run.bugs), trace: false, swarm: run.swarm, strategy: run.strategy } as const;
    const result = await target.run(run.scenario, { ...options, ...(run.faults === undefined ? {} : { faults: run.faults }), ...(run.impl === undefined ? {} : { impl: run.impl }) });
    const faults = result.faults;
    const unstruck = run.faults === undefined || faults === undefined || result.unstruck === undefined ? {} : { unstruck: result.unstruck.map((planned) => faults.indexOf(planned)) };
    if (result.ok) return { index, seed, ok: true, ...unstruck };
    return { index, seed, ok: false, kind: result.kind ?? 'failure', reason: result.reason ?? '(no reason given)', ...unstruck };
  } catch (error) {
    // The simulator itself broke on this seed (not a verdict): still a failing seed worth replaying.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { index, seed, ok: false, kind: 'error', reason: `the simulator threw ${message.split('\n')[0]}` };
  }
}
