// The entry point of the key/value linearizability checker (Porcupine-style). It validates the
// history, splits it by key, and runs the Wing–Gong–Lowe search on each key's operations,
// smallest first, under one deterministic step budget (plus an optional caller-supplied deadline
// callback). The verdict is "ok" (every key linearizable), "illegal" (some key is not; the result
// carries a report explaining it, with a minimised counterexample) or "unknown" (the budget or
// deadline ran out before a verdict). Nothing here reads a clock or a random source.

import { validateKvHistory, type KvHistory } from './history.ts';
import { minimiseIllegal } from './minimise.ts';
import { partitionByKey, type KeyPartition } from './partition.ts';
import { RegisterModel } from './register-model.ts';
import { buildReport, findStuckPoint, type LinearizabilityReport } from './report.ts';
import { StepMeter, type ExhaustedBy } from './step-meter.ts';
import { searchLinearization } from './wgl-search.ts';

export type { LinearizabilityReport } from './report.ts';
export { formatLinearizabilityReport } from './report.ts';

/** Default search budget. A step is one event visit; a million take well under a second. */
export const DEFAULT_BUDGET_STEPS = 50_000_000;
/** Default cap on the steps spent minimising a counterexample (out of what the search left). */
export const DEFAULT_MINIMISE_BUDGET_STEPS = 2_000_000;

export interface KvCheckOptions {
  readonly budgetSteps?: number;
  /** Returns true once the caller's wall-clock limit has passed; polled every few thousand steps. */
  readonly deadline?: () => boolean;
  readonly minimiseBudgetSteps?: number;
}

export type KvCheckResult =
  | { readonly result: 'ok'; readonly stepsUsed: number; readonly keysChecked: number }
  | { readonly result: 'illegal'; readonly stepsUsed: number; readonly report: LinearizabilityReport }
  | {
      readonly result: 'unknown';
      readonly stepsUsed: number;
      readonly exhaustedBy: ExhaustedBy;
      /** Keys whose sub-history was not decided (all others were linearizable). */
      readonly undecidedKeys: readonly string[];
    };

function smallestFirst(partitions: readonly KeyPartition[]): KeyPartition[] {
  const indexed = partitions.map((partition, index) => ({ partition, index }));
  indexed.sort((a, b) => a.partition.ops.length - b.partition.ops.length || a.index - b.index);
  return indexed.map(({ partition }) => partition);
}

function explainIllegal(
  partition: KeyPartition,
  model: RegisterModel,
  prefix: readonly number[],
  meter: StepMeter,
  options: KvCheckOptions,
): LinearizabilityReport {
  const stuck = findStuckPoint(model, prefix);
  const stuckReturnMicros = stuck.firstUnplaced.returnMicros ?? Number.POSITIVE_INFINITY;
  const cap = options.minimiseBudgetSteps ?? DEFAULT_MINIMISE_BUDGET_STEPS;
  const minimised = minimiseIllegal(partition.ops, stuckReturnMicros, meter, cap);
  return buildReport(partition.key, model, prefix, stuck, minimised);
}

export function checkKvHistory(history: KvHistory, options: KvCheckOptions = {}): KvCheckResult {
  validateKvHistory(history);
  const meter = new StepMeter(options.budgetSteps ?? DEFAULT_BUDGET_STEPS, options.deadline);
  const partitions = smallestFirst(partitionByKey(history));
  const undecidedKeys: string[] = [];
  for (const partition of partitions) {
    if (meter.exhaustedBy !== null) {
      undecidedKeys.push(partition.key);
      continue;
    }
    const model = new RegisterModel(partition.ops);
    const outcome = searchLinearization(model, meter);
    if (outcome.verdict === 'unknown') undecidedKeys.push(partition.key);
    if (outcome.verdict === 'illegal') {
      const report = explainIllegal(partition, model, outcome.longestPrefix, meter, options);
      return { result: 'illegal', stepsUsed: meter.usedSteps, report };
    }
  }
  const exhaustedBy = meter.exhaustedBy;
  if (exhaustedBy !== null) return { result: 'unknown', stepsUsed: meter.usedSteps, exhaustedBy, undecidedKeys };
  return { result: 'ok', stepsUsed: meter.usedSteps, keysChecked: partitions.length };
}
