// Shrinks a non-linearizable sub-history (one key's operations) to a small core that is still a
// counterexample (see candidate-check.ts), so a report shows the few operations that matter
// rather than hundreds. It first tries cutting the history after the return of the operation the
// search got stuck on, then removes chunks of operations, halving the chunk size down to single
// operations (delta-debugging style): first gets only (dropping a read only loosens constraints,
// so no extra condition applies), then any operation. When a pass of single removals changes
// nothing, the result is 1-minimal. It spends at most its own step cap from the caller's meter and
// otherwise returns the smallest counterexample proved so far.

import { isCounterexample, readsProducible, type CandidateCriterion } from './candidate-check.ts';
import { effectiveReturnMicros, type KvOperation } from './history.ts';
import type { StepMeter } from './step-meter.ts';

export interface MinimisedHistory {
  /** Still not linearizable; sorted by call time. */
  readonly ops: readonly KvOperation[];
  /** True if removing any single operation was tried and did not leave a counterexample. */
  readonly oneMinimal: boolean;
}

interface Shrinker {
  readonly criterion: CandidateCriterion;
  readonly meter: StepMeter;
  /** Which operations this phase may remove. */
  readonly removable: (op: KvOperation) => boolean;
}

function compareByCall(a: KvOperation, b: KvOperation): number {
  if (a.callMicros !== b.callMicros) return a.callMicros - b.callMicros;
  const ra = effectiveReturnMicros(a);
  const rb = effectiveReturnMicros(b);
  return ra === rb ? 0 : ra < rb ? -1 : 1;
}

/** One pass removing up to `chunkSize` removable operations at a time. */
function removeChunks(ops: readonly KvOperation[], chunkSize: number, s: Shrinker) {
  let keep = ops;
  let removedAny = false;
  let start = 0;
  while (start < keep.length && s.meter.exhaustedBy === null) {
    const removed: KvOperation[] = [];
    let end = start;
    for (; end < keep.length && removed.length < chunkSize; end++) {
      if (s.removable(keep[end]!)) removed.push(keep[end]!);
    }
    const candidate = keep.filter((op, i) => i < start || i >= end || !s.removable(op));
    if (removed.length > 0 && isCounterexample(candidate, removed, s.criterion, s.meter)) {
      keep = candidate;
      removedAny = true;
    } else {
      start = end;
    }
  }
  return { ops: keep, removedAny };
}

function shrink(ops: readonly KvOperation[], s: Shrinker): MinimisedHistory {
  let keep = ops;
  const count = () => keep.filter(s.removable).length;
  let chunkSize = Math.max(1, Math.ceil(count() / 2));
  for (;;) {
    const pass = removeChunks(keep, chunkSize, s);
    keep = pass.ops;
    if (s.meter.exhaustedBy !== null) return { ops: keep, oneMinimal: false };
    if (chunkSize === 1 && !pass.removedAny) return { ops: keep, oneMinimal: true };
    chunkSize = Math.max(1, Math.min(Math.floor(chunkSize / 2), Math.ceil(count() / 2)));
  }
}

/**
 * `ops` must be a non-linearizable single-key history; `stuckReturnMicros` the return time of the
 * operation the search could not place (operations called after it are tried away first).
 */
export function minimiseIllegal(
  ops: readonly KvOperation[],
  stuckReturnMicros: number,
  meter: StepMeter,
  capSteps: number,
): MinimisedHistory {
  const child = meter.fork(capSteps);
  const sorted = [...ops].sort(compareByCall);
  const criterion = { keepReadsProducible: readsProducible(sorted, child) };
  const truncated = sorted.filter((op) => op.callMicros <= stuckReturnMicros);
  const cut = sorted.filter((op) => op.callMicros > stuckReturnMicros);
  let start: readonly KvOperation[] = sorted;
  if (cut.length > 0 && isCounterexample(truncated, cut, criterion, child)) start = truncated;
  const getsOnly = shrink(start, { criterion, meter: child, removable: (op) => op.kind === 'get' });
  const result = shrink(getsOnly.ops, { criterion, meter: child, removable: () => true });
  meter.absorb(child);
  return result;
}
