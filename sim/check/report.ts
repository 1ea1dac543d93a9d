// Explains a linearizability violation found on one key: the longest prefix the search managed
// to linearize (and the key's value after it), the first operation it could not place after that
// prefix (the unplaced operation that returns earliest), the other unplaced operations concurrent
// with it (the candidates that were tried instead), and a minimised sub-history that is still not
// linearizable. formatLinearizabilityReport renders all of it as text with times, clients,
// operations, keys and values.

import { effectiveReturnMicros, formatOperationLine, type KvOperation } from './history.ts';
import type { MinimisedHistory } from './minimise.ts';

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
  /**
   * True if no single operation of `minimal` can be dropped while keeping a counterexample: it
   * becomes linearizable, or a read loses the write that produced the value it saw.
   */
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

/** The key's value after applying `ops` in order (the register's sequential specification). */
export function replayValue(ops: readonly KvOperation[]): string {
  let value = '';
  for (const op of ops) {
    if (op.kind === 'put') value = op.value;
    else if (op.kind === 'append') value += op.value;
  }
  return value;
}

/** Where the search got stuck after `prefix` (op ids into `ops`, in linearization order). */
export function findStuckPoint(ops: readonly KvOperation[], prefix: readonly number[]): StuckPoint {
  const placed = new Uint8Array(ops.length);
  for (const id of prefix) placed[id] = 1;
  const unplaced = ops.filter((_, id) => placed[id] === 0).sort(compareByReturnThenCall);
  const firstUnplaced = unplaced[0];
  if (firstUnplaced === undefined) throw new Error('findStuckPoint: every operation was placed');
  const limit = effectiveReturnMicros(firstUnplaced);
  return {
    valueAfterPrefix: replayValue(prefix.map((id) => ops[id]!)),
    firstUnplaced,
    concurrentUnplaced: unplaced.slice(1).filter((op) => op.callMicros <= limit),
  };
}

export function buildReport(
  key: string,
  ops: readonly KvOperation[],
  prefix: readonly number[],
  stuck: StuckPoint,
  minimised: MinimisedHistory,
): LinearizabilityReport {
  return {
    key,
    opsOnKey: ops.length,
    longestPrefix: prefix.map((id) => ops[id]!),
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

function countOps(count: number): string {
  return count === 1 ? '1 operation' : `${count} operations`;
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
    ? 'none of them can be dropped'
    : 'minimisation stopped early, out of budget';
  const lines = [
    `not linearizable: key ${key} (${countOps(report.opsOnKey)} on it); times are [call, return]`,
    `  longest linearizable prefix: ${report.longestPrefix.length} of ${countOps(report.opsOnKey)},` +
      ` leaving ${key} = ${JSON.stringify(report.valueAfterPrefix)}`,
    ...(hidden > 0 ? [`    … ${countOps(hidden)} before these`] : []),
    ...shown.map((op) => `    ${formatOperationLine(op, width)}`),
    ...section('  first operation that cannot be linearized after it:', [report.firstUnplaced], width),
    ...(report.concurrentUnplaced.length === 0
      ? ['  no other unplaced operation is concurrent with it']
      : section('  unplaced operations concurrent with it:', report.concurrentUnplaced, width)),
    ...section(
      `  minimal non-linearizable sub-history (${countOps(report.minimal.length)}; ${minimalNote}):`,
      report.minimal,
      width,
    ),
  ];
  return lines.join('\n');
}
