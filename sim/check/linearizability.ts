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

/** Default search budget. A step is one event visit; a million take roughly 0.1–0.5 s. */
export const DEFAULT_BUDGET_STEPS = 20_000_000;
/** Default cap on the steps spent minimising a counterexample (out of what the search left). */
export const DEFAULT_MINIMISE_BUDGET_STEPS = 2_000_000;

/** Cap on the unpruned search that looks for a longer prefix to report. */
const REPORT_SEARCH_BUDGET_STEPS = 1_000_000;

export interface KvCheckOptions {
  /** Search steps allowed in all (default DEFAULT_BUDGET_STEPS); out of steps, the answer is unknown. */
  readonly budgetSteps?: number;
  /** Returns true once the caller's wall-clock limit has passed; polled every few thousand steps. */
  readonly deadline?: () => boolean;
  /** Cap on the steps spent minimising a counterexample (default DEFAULT_MINIMISE_BUDGET_STEPS). */
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

/**
 * The longest prefix for the report. The pruned search abandons a branch as soon as some read
 * becomes unreachable, so its prefixes stop early; an unpruned search (as Porcupine's) gets as far
 * as the first read that actually fails, which explains more. It runs on a capped budget.
 */
function longestPrefixForReport(partition: KeyPartition, prunedPrefix: readonly number[], meter: StepMeter): readonly number[] {
  const child = meter.fork(REPORT_SEARCH_BUDGET_STEPS);
  const outcome = searchLinearization(new RegisterModel(partition.ops), child, { pruneOrphans: false });
  meter.absorb(child);
  if (outcome.verdict === 'ok') return prunedPrefix; // unreachable: the verdicts agree
  return outcome.longestPrefix.length > prunedPrefix.length ? outcome.longestPrefix : prunedPrefix;
}

function explainIllegal(
  partition: KeyPartition,
  prunedPrefix: readonly number[],
  meter: StepMeter,
  options: KvCheckOptions,
): LinearizabilityReport {
  const prefix = longestPrefixForReport(partition, prunedPrefix, meter);
  const stuck = findStuckPoint(partition.ops, prefix);
  const stuckReturnMicros = stuck.firstUnplaced.returnMicros ?? Number.POSITIVE_INFINITY;
  const cap = options.minimiseBudgetSteps ?? DEFAULT_MINIMISE_BUDGET_STEPS;
  const minimised = minimiseIllegal(partition.ops, stuckReturnMicros, meter, cap);
  return buildReport(partition.key, partition.ops, prefix, stuck, minimised);
}

export function checkKvHistory(history: KvHistory, options: KvCheckOptions = {}): KvCheckResult {
  validateKvHistory(history);
  const budgetSteps = options.budgetSteps ?? DEFAULT_BUDGET_STEPS;
  if (!(budgetSteps >= 0)) throw new RangeError(`budgetSteps must be a number >= 0, got ${budgetSteps}`);
  const meter = new StepMeter(budgetSteps, options.deadline);
  const partitions = smallestFirst(partitionByKey(history));
  const undecidedKeys: string[] = [];
  for (const partition of partitions) {
    if (meter.exhaustedBy !== null) {
      undecidedKeys.push(partition.key);
      continue;
    }
    const outcome = searchLinearization(new RegisterModel(partition.ops), meter);
    if (outcome.verdict === 'unknown') undecidedKeys.push(partition.key);
    if (outcome.verdict === 'illegal') {
      const report = explainIllegal(partition, outcome.longestPrefix, meter, options);
      return { result: 'illegal', stepsUsed: meter.usedSteps, report };
    }
  }
  const exhaustedBy = meter.exhaustedBy;
  if (exhaustedBy !== null) return { result: 'unknown', stepsUsed: meter.usedSteps, exhaustedBy, undecidedKeys };
  return { result: 'ok', stepsUsed: meter.usedSteps, keysChecked: partitions.length };
}
