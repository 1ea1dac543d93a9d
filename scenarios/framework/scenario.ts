// What a scenario is and how one ends. A scenario is one 6.824 test (or teaching story) written
// as a task on the virtual clock; a run of it ends in a verdict that is a value: ok, or a safety,
// liveness or crash failure with the reason a person reads first (the Go test's own message).

import type { DecisionLog, TraceEvent } from '../../sim/index.ts';
import type { FaultPlan, FaultType, PlannedFault } from '../../sim/faults/index.ts';
import type { KvOperation } from '../../sim/check/history.ts';
import type { TestContext } from './context.ts';
import type { MidCallRestart } from './mid-call.ts';

export interface Scenario {
  /** The name on the command line, e.g. "basic-fail". */
  readonly name: string;
  /** One line: which Go test this is and what it checks. */
  readonly description: string;
  /** Virtual time the run may take before it counts as a liveness failure. */
  readonly boundMicros: number;
  /** Faults every run of this scenario gets unless the caller passes its own plan. */
  readonly defaultFaults?: FaultPlan;
  /** When drawn faults may strike (swarm mode, shrink's "later" limit); default [2 s, bound/2]. */
  readonly faultWindow?: { readonly startMicros: number; readonly horizonMicros: number };
  /** Server names a fault plan may target (those the scenario registers with t.useFleet, or
   *  the lab servers it starts with StartServer). */
  readonly faultTargets?: readonly string[];
  /** The fault kinds its checks survive with the reference (default: every kind); swarm draws
   *  only these, so a failure under swarm is the implementation's, not the test's. */
  readonly faultKinds?: readonly FaultType[];
  /** The fault kinds its fleet can carry out at all (default: every kind); a --plan with any
   *  other is one the scenario cannot honour. */
  readonly faultActions?: readonly FaultType[];
  /** Mid-call restarts swarm may add, at most one a run (framework/mid-call.ts): only those the
   *  test's own checks survive with the reference. */
  readonly midCallRestarts?: readonly MidCallRestart[];
  /** The longest pause or partition swarm draws (default 2 s). */
  readonly maxPauseMicros?: number;
  /** Check the clients' history for linearizability after every run (always on for this one). */
  readonly linearizability?: boolean;
  run(t: TestContext): Promise<void>;
}

/**
 * A Go test's `t.Fatalf` (or `log.Fatalf` in `check`): the test saw a wrong answer. Its message
 * is the Go test's failure text, so a student recognises it.
 */
export class TestFailure extends Error {
  override readonly name = 'TestFailure';
}

/** A stall detected by the scenario itself (an operation that never finished after healing). */
export class LivenessFailure extends Error {
  override readonly name = 'LivenessFailure';
}

export type FailureKind = 'safety' | 'liveness' | 'crash';

/** Everything a run leaves behind, ok or not: enough to look at it again or replay it. */
interface RunRecord {
  readonly seed: number;
  readonly scenario: string;
  readonly virtualMicros: number;
  readonly events: number;
  readonly trace: readonly TraceEvent[];
  readonly decisions: DecisionLog;
  /** Client operations (Put, Append, Get; Ping/Get/Primary in the viewservice test) completed. */
  readonly opCount: number;
  /** The key/value operations the clerks made, for the linearizability checker. */
  readonly history: readonly KvOperation[];
  /** The fault plan the run used (given, default, or drawn from the seed in swarm mode). */
  readonly faults: FaultPlan;
  /** The entries of `faults` that never struck: a trigger that never matched, a time past the
   *  run's end, a drop that took no message. */
  readonly unstruck: readonly PlannedFault[];
}

export type ScenarioResult =
  | (RunRecord & { readonly ok: true })
  | (RunRecord & {
      readonly ok: false;
      readonly kind: FailureKind;
      /** One line: the Go test's message, or what crashed or did not finish. */
      readonly reason: string;
      /** More about a crash (a stack), or null. */
      readonly detail: string | null;
    });
