// What the generic CLI needs from the layers above it (scenarios and protocol), as an interface,
// so sim/ never imports upwards. The composition root (scenarios/cli-catalogue.ts) supplies it.

import type { Chooser } from '../kernel/chooser.ts';
import type { DecisionLog } from '../kernel/decision-log.ts';
import type { TraceEvent } from '../trace/events.ts';
import type { FaultPlan, PlannedFault } from '../faults/plan.ts';
import type { NetTiming } from '../net/timing.ts';
import type { PctOptions } from '../explore/pct.ts';
import type { ImplementationUnderTest } from '../replay/run-description.ts';

export interface NamedThing {
  readonly name: string;
  readonly description: string;
}

/** A run that catches a bug: it fails with the bug and passes without (a test runs each one). */
export interface BugCatchRun {
  readonly scenario: string;
  readonly seed: number;
  readonly swarm: boolean;
  readonly kind: string;
}

export interface BugEntry extends NamedThing {
  readonly catches: readonly BugCatchRun[];
  /** Where catching it depends on this implementation's own choices. */
  readonly note?: string;
}

export type Strategy = 'random' | 'pct';

/** A user's own implementation (`--impl PATH`): where it is, and a short hash of its sources. */
export type ImplementationRef = ImplementationUnderTest;

export interface CliRunOptions {
  readonly seed: number;
  readonly bugs: ReadonlySet<string>;
  readonly trace: boolean;
  readonly chooser?: Chooser;
  /** Swarm mode: the seed also picks the fault mix (faults, unreliability, latency spread). */
  readonly swarm?: boolean;
  /** A fault plan instead of the scenario's default (from --plan FILE, or shrink's candidates). */
  readonly faults?: FaultPlan;
  /** How scheduling questions are answered: seeded random (default) or PCT. */
  readonly strategy?: Strategy;
  /** PCT's depth and step window (strategy pct; default DEFAULT_PCT). */
  readonly pct?: PctOptions;
  /** Network timing overrides. */
  readonly timing?: Partial<NetTiming>;
  /** Run this implementation instead of the reference (loaded with Catalogue.loadImplementation). */
  readonly impl?: ImplementationRef;
}

export interface CliRunResult {
  readonly ok: boolean;
  readonly kind?: string;
  readonly reason?: string;
  readonly detail?: string | null;
  readonly seed: number;
  readonly scenario: string;
  readonly virtualMicros: number;
  readonly events: number;
  readonly opCount: number;
  readonly trace: readonly TraceEvent[];
  readonly decisions: DecisionLog;
  /** The fault plan the run used. */
  readonly faults: FaultPlan;
  /** Its entries that never struck (a catalogue that cannot tell leaves this out). */
  readonly unstruck?: readonly PlannedFault[];
}

export interface ScenarioEntry extends NamedThing {
  /** Faults may strike before this time (shrink moves faults no later than it). */
  readonly faultHorizonMicros: number;
  /** Servers a drawn (--swarm) or given (--plan) fault may strike; none: the scenario cannot
   *  honour --swarm or --plan, and the CLI refuses them. */
  readonly faultTargets: readonly string[];
  /** Servers the scenario's own fault plan strikes (a shrunk plan of them is a valid --plan). */
  readonly ownPlanTargets: readonly string[];
  /** The fault kinds it can carry out at all; a plan with another kind cannot be honoured. */
  readonly faultActions: readonly string[];
}

export interface Catalogue {
  /**
   * The URL of a module that exports this catalogue as `catalogue`, so a child process
   * (`explore --jobs N`) can load its own copy; without it, exploration runs in one thread.
   */
  readonly moduleUrl?: string;
  readonly scenarios: readonly ScenarioEntry[];
  readonly bugs: readonly BugEntry[];
  run(scenario: string, options: CliRunOptions): Promise<CliRunResult>;
  /** Loads the implementation at `path` for `--impl`; a path that cannot serve throws UsageError. */
  loadImplementation?(path: string): Promise<ImplementationRef>;
}
