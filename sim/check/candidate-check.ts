// Decides, for the minimiser, whether a candidate sub-history still counts as a counterexample:
// the search must prove it non-linearizable and, when the original counterexample had this
// property, every value a get read must still be producible from the candidate's writes (one put
// or the initial "", followed by distinct appends, in any order, ignoring real time). The second
// condition stops the minimiser from "explaining" a stale read by deleting the write that
// produced the value read, which would leave a misleading core like `get -> "x"` with no write of
// "x" at all. All work is charged to the minimiser's meter, each search capped; anything left
// undecided counts as "not a counterexample", so the minimiser keeps the operations it concerns.

import type { KvOperation } from './history.ts';
import { RegisterModel } from './register-model.ts';
import type { StepMeter } from './step-meter.ts';
import { searchLinearization } from './wgl-search.ts';

/** The most steps any one candidate search may take. */
export const CANDIDATE_CAP_STEPS = 200_000;

export type CappedVerdict = 'ok' | 'illegal' | 'undecided';

export function cappedVerdict(ops: readonly KvOperation[], meter: StepMeter): CappedVerdict {
  if (ops.length === 0) return 'ok';
  const child = meter.fork(CANDIDATE_CAP_STEPS);
  const outcome = searchLinearization(new RegisterModel(ops), child);
  meter.absorb(child);
  return outcome.verdict === 'unknown' ? 'undecided' : outcome.verdict;
}

/** The appends of a history, indexed by their first `keyLength` characters. */
interface AppendPieces {
  readonly keyLength: number;
  readonly byKey: Map<string, string[]>;
  /** How many appends of each distinct value are still unused. */
  readonly unused: Map<string, number>;
}

function indexAppends(ops: readonly KvOperation[]): AppendPieces {
  const values = ops.filter((op) => op.kind === 'append' && op.value !== '').map((op) => op.value);
  const keyLength = values.reduce((shortest, v) => Math.min(shortest, v.length), Number.POSITIVE_INFINITY);
  const byKey = new Map<string, string[]>();
  const unused = new Map<string, number>();
  for (const value of values) {
    const count = unused.get(value) ?? 0;
    unused.set(value, count + 1);
    if (count > 0) continue;
    const key = value.slice(0, keyLength);
    const sameKey = byKey.get(key);
    if (sameKey === undefined) byKey.set(key, [value]);
    else sameKey.push(value);
  }
  return { keyLength, byKey, unused };
}

interface MatchFrame {
  readonly pos: number;
  readonly options: readonly string[];
  next: number;
  /** The piece this frame consumed to reach the frame above it, if any. */
  taken: string | null;
}

/**
 * Whether `value[start..]` is a concatenation of unused appends (depth-first, with an explicit
 * stack so long values cannot overflow the call stack); null if the meter ran out.
 */
function matchAppends(value: string, start: number, pieces: AppendPieces, meter: StepMeter): boolean | null {
  const { unused, byKey, keyLength } = pieces;
  const frameAt = (pos: number): MatchFrame => ({ pos, options: byKey.get(value.slice(pos, pos + keyLength)) ?? [], next: 0, taken: null });
  const release = (frame: MatchFrame) => {
    if (frame.taken !== null) unused.set(frame.taken, (unused.get(frame.taken) ?? 0) + 1);
    frame.taken = null;
  };
  const stack = [frameAt(start)];
  let verdict: boolean | null = false;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.pos === value.length) {
      verdict = true;
      break;
    }
    release(frame);
    if (frame.next >= frame.options.length) {
      stack.pop();
      continue;
    }
    if (!meter.tick()) {
      verdict = null;
      break;
    }
    const piece = frame.options[frame.next++]!;
    const count = unused.get(piece) ?? 0;
    if (count === 0 || !value.startsWith(piece, frame.pos)) continue;
    unused.set(piece, count - 1);
    frame.taken = piece;
    stack.push(frameAt(frame.pos + piece.length));
  }
  stack.forEach(release);
  return verdict;
}

/** True if every get's value is producible from the writes; false if not or if undecided. */
export function readsProducible(ops: readonly KvOperation[], meter: StepMeter): boolean {
  const bases = ['', ...ops.filter((op) => op.kind === 'put').map((op) => op.value)];
  const pieces = indexAppends(ops);
  return ops.every(
    (get) =>
      get.kind !== 'get' ||
      bases.some((base) => get.value.startsWith(base) && matchAppends(get.value, base.length, pieces, meter) === true),
  );
}

export interface CandidateCriterion {
  /** Whether the reads must stay producible by the writes (see readsProducible). */
  readonly keepReadsProducible: boolean;
}

export function isCounterexample(
  candidate: readonly KvOperation[],
  removed: readonly KvOperation[],
  criterion: CandidateCriterion,
  meter: StepMeter,
): boolean {
  if (cappedVerdict(candidate, meter) !== 'illegal') return false;
  // Dropping only gets cannot make a read unproducible.
  if (!criterion.keepReadsProducible || removed.every((op) => op.kind === 'get')) return true;
  return readsProducible(candidate, meter);
}
