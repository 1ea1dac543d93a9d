// Running one scenario in a fresh world: the scenario's `run` is the test's main goroutine, the
// world's bound is the scenario's, and how the kernel stopped becomes the verdict, a value:
// main returned → ok; a TestFailure → safety, with the Go message; any other exception in any
// task, or a task stuck on something outside the simulator → crash; the time or event bound, or
// every goroutine asleep, before main returned → liveness.

import { World, type Chooser, type RunReport } from '../../sim/index.ts';
import { installFaultPlan, type FaultPlan } from '../../sim/faults/index.ts';
import type { NetTiming } from '../../sim/net/timing.ts';
import { fleetTargets, resolveFaults } from './faults.ts';
import { checkKvHistory, formatLinearizabilityReport } from '../../sim/check/linearizability.ts';
import type { KvOperation } from '../../sim/check/history.ts';

/** Enough to decide the scenarios' histories (thousands of operations) in well under a second. */
const LINEARIZABILITY_BUDGET_STEPS = 5_000_000;
import type { BugName } from '../../protocol/bugs.ts';
import type { Implementation } from '../../protocol/implementation.ts';
import { referenceImplementation } from '../../protocol/reference.ts';
import { TestContext } from './context.ts';
import { LAB_GOMAXPROCS } from './lab.ts';
import { LivenessFailure, TestFailure, type FailureKind, type Scenario, type ScenarioResult } from './scenario.ts';

export interface RunOptions {
  readonly seed: number;
  /** The servers and clerks under test; default: the reference implementation. */
  readonly impl?: Implementation;
  /** Catalogued bugs to switch on in the reference implementation (not with `impl`). */
  readonly bugs?: ReadonlySet<BugName>;
  /** Keep the trace (default true); exploration turns it off for speed. */
  readonly trace?: boolean;
  /** Answers every decision instead of the seeded chooser (replay, PCT, DFS, ...). */
  readonly chooser?: Chooser;
  /** The fault plan; default: the scenario's own (or none), or in swarm mode one drawn from the seed. */
  readonly faults?: FaultPlan;
  /** Swarm mode: the seed also picks the fault mix (faults, unreliability, latency spread). */
  readonly swarm?: boolean;
  /** Network timing overrides (a breakpoint lesson or a user's own weather). */
  readonly timing?: Partial<NetTiming>;
  /** Check the history for linearizability after a run that passed its own checks. */
  readonly linearizability?: boolean;
}

type Verdict = { readonly ok: true } | { readonly ok: false; readonly kind: FailureKind; readonly reason: string; readonly detail: string | null };

export async function runScenarioWith(scenario: Scenario, options: RunOptions): Promise<ScenarioResult> {
  const weather = resolveFaults(scenario, options);
  const world = new World({
    seed: options.seed,
    trace: options.trace ?? true,
    limits: { maxVirtualMicros: scenario.boundMicros },
    timing: { gomaxprocs: LAB_GOMAXPROCS, ...weather.timing, ...options.timing },
    ...(options.chooser === undefined ? {} : { chooser: options.chooser }),
  });
  const t = new TestContext(scenario.name, implementationOf(options));
  t.startUnreliable = weather.unreliable;
  const unstruck = installFaultPlan(world, weather.plan, fleetTargets(t, scenario, weather.plan));
  const report = await world.run(() => scenario.run(t));
  const record = {
    seed: report.seed,
    scenario: scenario.name,
    virtualMicros: report.virtualMicros,
    events: report.events,
    trace: report.trace,
    decisions: report.decisions,
    opCount: t.opCount,
    history: t.history(),
    faults: weather.plan,
    unstruck: unstruck(),
  };
  let verdict = verdictOf(report, world, scenario);
  if (verdict.ok && (options.linearizability ?? scenario.linearizability ?? false)) verdict = linearizabilityVerdict(record.history);
  return verdict.ok ? { ...record, ok: true } : { ...record, ...verdict };
}

/** The implementation a run drives: the caller's, or the reference with the requested bugs. The
 *  bugs are switches of the reference, so asking for both is a mistake, not a combination. */
function implementationOf(options: RunOptions): Implementation {
  if (options.impl === undefined) return referenceImplementation(options.bugs);
  if (options.bugs !== undefined && options.bugs.size > 0) {
    throw new Error('bugs are switches of the reference implementation; they cannot be combined with impl');
  }
  return options.impl;
}

function verdictOf(report: RunReport, world: World, scenario: Scenario): Verdict {
  const stop = report.stop;
  switch (stop) {
    case 'main-returned':
      return { ok: true };
    case 'task-failed': {
      const failure = report.failure;
      if (failure === null) return crash('the kernel reported a failed task but kept no failure', null);
      if (failure.error instanceof TestFailure) return { ok: false, kind: 'safety', reason: failure.error.message, detail: null };
      if (failure.error instanceof LivenessFailure) return liveness(failure.error.message);
      const error = failure.error;
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return crash(`panic in ${failure.task.label}: ${message}`, error instanceof Error ? (error.stack ?? null) : null);
    }
    case 'stuck-task': {
      const label = world.kernel.stuckTask?.label ?? 'a task';
      return crash(`${label} is stuck: it awaited something the simulator does not control`, null);
    }
    case 'time-bound':
      return liveness(`scenario did not finish within ${scenario.boundMicros / 1_000_000} s of virtual time`);
    case 'event-bound':
      return liveness(`scenario did not finish within ${world.limits.maxEvents} events`);
    case 'quiescent':
      return liveness('fatal error: all goroutines are asleep - deadlock!');
    default: {
      const unknown: never = stop;
      return crash(`unknown stop reason ${String(unknown)}`, null);
    }
  }
}

/** Porcupine-style check of the clients' history (sim/check), with a bounded search. */
function linearizabilityVerdict(history: readonly KvOperation[]): Verdict {
  const checked = checkKvHistory(history, { budgetSteps: LINEARIZABILITY_BUDGET_STEPS });
  if (checked.result !== 'illegal') return { ok: true };
  const report = formatLinearizabilityReport(checked.report);
  return { ok: false, kind: 'safety', reason: `history is not linearizable (key ${checked.report.key})`, detail: report };
}

function crash(reason: string, detail: string | null): Verdict {
  return { ok: false, kind: 'crash', reason, detail };
}

function liveness(reason: string): Verdict {
  return { ok: false, kind: 'liveness', reason, detail: null };
}
