// Explains a linearizability violation found on one key: the longest prefix the search managed
// to linearize (and the key's value after it), the first operation it could not place after that
// prefix (the unplaced operation that returns earliest), the other unplaced operations concurrent
// with it (the candidates that were tried instead), and a minimised sub-history that is still not
// linearizable. formatLinearizabilityReport renders all of it as text with times, clients,
// operations, keys and values.

import { effectiveReturnMicros, formatOperationLine, type KvOperation } from './history.ts';
import type { MinimisedHistory } from './minimise.ts';
import { INITIAL_STATE, type RegisterModel } from './register-model.ts';

export interface LinearizabilityReport {
  readonly key: string;
  /** How many operations the key's sub-history has (unknown-outcome gets excluded). */
  readonly opsOnKey: number;
  /** The longest linearizable prefix found, in linearization order. */
  readonly longestPrefix: readonly KvOperation[];
  /** The key's value after the longest prefix. */
  readonly valueAfterPrefix: string;
  /** The unplaced operation with the earliest return: nothing could be placed before it. */
  readonly firstUnplaced: KvOperation;
  /** The other unplaced operations called no later than firstUnplaced returned. */
  readonly concurrentUnplaced: readonly KvOperation[];
  /** A sub-history of this key, sorted by call time, that is still not linearizable. */
  readonly minimal: readonly KvOperation[];
  /** True if dropping any single operation of `minimal` makes it linearizable. */
  readonly minimalIsOneMinimal: boolean;
}

export interface StuckPoint {
  readonly valueAfterPrefix: string;
  readonly firstUnplaced: KvOperation;
  readonly concurrentUnplaced: readonly KvOperation[];
}

function compareByReturnThenCall(a: KvOperation, b: KvOperation): number {
  const ra = effectiveReturnMicros(a);
  const rb = effectiveReturnMicros(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  return a.callMicros - b.callMicros;
}

/** Where the search got stuck after `prefix` (op ids into model.ops, in linearization order). */
export function findStuckPoint(model: RegisterModel, prefix: readonly number[]): StuckPoint {
  let stateId = INITIAL_STATE;
  const placed = new Uint8Array(model.opCount);
  for (const id of prefix) {
    stateId = model.step(stateId, id);
    placed[id] = 1;
  }
  const unplaced = model.ops.filter((_, id) => placed[id] === 0).sort(compareByReturnThenCall);
  const firstUnplaced = unplaced[0];
  if (firstUnplaced === undefined) throw new Error('findStuckPoint: every operation was placed');
  const limit = effectiveReturnMicros(firstUnplaced);
  return {
    valueAfterPrefix: model.valueOf(stateId),
    firstUnplaced,
    concurrentUnplaced: unplaced.slice(1).filter((op) => op.callMicros <= limit),
  };
}

export function buildReport(
  key: string,
  model: RegisterModel,
  prefix: readonly number[],
  stuck: StuckPoint,
  minimised: MinimisedHistory,
): LinearizabilityReport {
  return {
    key,
    opsOnKey: model.opCount,
    longestPrefix: prefix.map((id) => model.ops[id]!),
    ...stuck,
    minimal: minimised.ops,
    minimalIsOneMinimal: minimised.oneMinimal,
  };
}

export interface ReportFormatOptions {
  /** How many of the prefix's last operations to list (default 10). */
  readonly prefixTailOps?: number;
  /** Longer values are elided in the middle (default 80). */
  readonly maxValueChars?: number;
}

function section(title: string, ops: readonly KvOperation[], maxValueChars: number): string[] {
  return [title, ...ops.map((op) => `    ${formatOperationLine(op, maxValueChars)}`)];
}

export function formatLinearizabilityReport(report: LinearizabilityReport, options: ReportFormatOptions = {}): string {
  const tail = options.prefixTailOps ?? 10;
  const width = options.maxValueChars ?? 80;
  const key = JSON.stringify(report.key);
  const shown = report.longestPrefix.slice(Math.max(0, report.longestPrefix.length - tail));
  const hidden = report.longestPrefix.length - shown.length;
  const minimalNote = report.minimalIsOneMinimal
    ? 'removing any one of them makes it linearizable'
    : 'not fully minimised: the step budget ran out';
  const lines = [
    `not linearizable: key ${key} (${report.opsOnKey} operations on it); times are [call, return]`,
    `  longest linearizable prefix: ${report.longestPrefix.length} of ${report.opsOnKey} operations,` +
      ` leaving ${key} = ${JSON.stringify(report.valueAfterPrefix)}`,
    ...(hidden > 0 ? [`    … ${hidden} earlier operations`] : []),
    ...shown.map((op) => `    ${formatOperationLine(op, width)}`),
    ...section('  first operation that cannot be linearized after it:', [report.firstUnplaced], width),
    ...(report.concurrentUnplaced.length === 0
      ? ['  no other unplaced operation is concurrent with it']
      : section('  unplaced operations concurrent with it:', report.concurrentUnplaced, width)),
    ...section(
      `  minimal non-linearizable sub-history (${report.minimal.length} operations; ${minimalNote}):`,
      report.minimal,
      width,
    ),
  ];
  return lines.join('\n');
}
