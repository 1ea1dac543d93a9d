// The record of every decision a run made, in order: (kind, n, value). Replaying a log answers
// the same questions with the same values, so the run is the same, byte for byte. When code has
// changed since the log was made, the first question that differs is where the runs diverge.

import { assertValidChoice, decisionKindCode, DECISION_KINDS, type Chooser, type DecisionKind } from './chooser.ts';

export interface DecisionRecord {
  readonly kind: DecisionKind;
  readonly n: number;
  readonly value: number;
}

/** Chunk buffers of released logs (DecisionLog.release), for the next log in this process: a
 *  fresh 1.1 MB buffer a chunk, allocated and dropped run after run, cost more than reusing them.
 *  Capped, so a burst of long runs does not pin their memory for the rest of the process. */
const spareBuffers: ArrayBuffer[] = [];
const SPARE_BUFFERS_MAX = 16;

/** How many released chunk buffers wait for the next log (tests look). */
export function spareDecisionBuffers(): number {
  return spareBuffers.length;
}

interface Chunk {
  readonly buffer: ArrayBuffer;
  readonly kinds: Uint8Array;
  readonly bounds: Float64Array;
  readonly values: Float64Array;
}

export class DecisionLog {
  // Fixed-size chunks of typed arrays: a busy run makes millions of decisions, and doubling one
  // big array meant copies and large off-heap allocations that showed up as GC time. One buffer
  // a chunk: values, then bounds (8 bytes each), then kinds (1 byte).
  private static readonly CHUNK = 1 << 16;
  private readonly chunks: Chunk[] = [];
  /** The chunk being filled, and the next free place in it (CHUNK when full or none). */
  private last: Chunk | null = null;
  private offset = DecisionLog.CHUNK;
  private count = 0;
  private released = false;

  get length(): number {
    return this.count;
  }

  append(kind: DecisionKind, n: number, value: number): void {
    if (this.offset === DecisionLog.CHUNK) this.addChunk();
    const chunk = this.last!;
    const offset = this.offset++;
    chunk.kinds[offset] = decisionKindCode(kind);
    chunk.bounds[offset] = n;
    chunk.values[offset] = value;
    this.count++;
  }

  private addChunk(): void {
    if (this.released) throw new Error('a released decision log cannot record');
    const size = DecisionLog.CHUNK;
    // A reused buffer holds an earlier log's entries: never read, since at() reads below count.
    const buffer = spareBuffers.pop() ?? new ArrayBuffer(size * 17);
    this.last = { buffer, values: new Float64Array(buffer, 0, size), bounds: new Float64Array(buffer, size * 8, size), kinds: new Uint8Array(buffer, size * 16, size) };
    this.chunks.push(this.last);
    this.offset = 0;
  }

  /** Gives the chunks' buffers to the next log; this one can no longer be read or appended to.
   *  Only for a run whose owner says its decisions will not be read again. */
  release(): void {
    for (const chunk of this.chunks) if (spareBuffers.length < SPARE_BUFFERS_MAX) spareBuffers.push(chunk.buffer);
    this.chunks.length = 0;
    this.last = null;
    this.offset = DecisionLog.CHUNK;
    this.count = 0;
    this.released = true;
  }

  at(index: number): DecisionRecord | undefined {
    if (this.released) throw new Error('this decision log was released: it can no longer be read');
    if (index < 0 || index >= this.count) return undefined;
    const chunk = this.chunks[Math.floor(index / DecisionLog.CHUNK)]!;
    const offset = index % DecisionLog.CHUNK;
    return { kind: DECISION_KINDS[chunk.kinds[offset]!]!, n: chunk.bounds[offset]!, value: chunk.values[offset]! };
  }

  /** Compact form for trace files: [kindCode, n, value] triples, flattened. */
  toJSON(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.count; i++) {
      const record = this.at(i)!;
      out.push(decisionKindCode(record.kind), record.n, record.value);
    }
    return out;
  }

  static fromJSON(flat: readonly number[]): DecisionLog {
    if (flat.length % 3 !== 0) throw new Error('decision log: expected [kind, n, value] triples');
    const log = new DecisionLog();
    for (let i = 0; i < flat.length; i += 3) {
      const kind = DECISION_KINDS[flat[i]!];
      const n = flat[i + 1]!;
      const value = flat[i + 2]!;
      if (kind === undefined || !Number.isInteger(n) || !Number.isInteger(value) || value < 0 || value >= n) {
        throw new Error(`decision log: entry ${i / 3} is not a valid decision`);
      }
      log.append(kind, n, value);
    }
    return log;
  }
}

/** Wraps a chooser and writes down every answer it gives (unless told not to: exploration
 *  runs with the journal off re-run a failing seed to see it, so they need no log). */
export class RecordingChooser implements Chooser {
  readonly log = new DecisionLog();
  constructor(
    private readonly inner: Chooser,
    private readonly recording = true,
  ) {
    if (inner.pickTask !== undefined) this.pickTask = (kind, taskIds) => this.pickTaskFromInner(kind, taskIds);
  }

  pick(kind: DecisionKind, n: number): number {
    const value = this.inner.pick(kind, n);
    assertValidChoice(kind, n, value);
    if (this.recording) this.log.append(kind, n, value);
    return value;
  }

  /** Present only when the inner chooser schedules by task: otherwise the kernel need not
   *  gather task ids for every tie just to have them ignored. */
  readonly pickTask?: (kind: 'schedule.tie' | 'schedule.handoff', taskIds: readonly number[]) => number;

  private pickTaskFromInner(kind: 'schedule.tie' | 'schedule.handoff', taskIds: readonly number[]): number {
    const value = this.inner.pickTask!(kind, taskIds);
    assertValidChoice(kind, taskIds.length, value);
    if (this.recording) this.log.append(kind, taskIds.length, value);
    return value;
  }
}

/** Raised when a replayed run asks a question the log did not record at that position. */
export class ReplayDivergence extends Error {
  override readonly name = 'ReplayDivergence';
  constructor(
    readonly index: number,
    readonly expected: DecisionRecord | undefined,
    readonly asked: { kind: DecisionKind; n: number },
  ) {
    const was = expected ? `${expected.kind} of ${expected.n}` : 'the end of the log';
    super(`replay diverged at decision #${index}: the log has ${was}, the run asked ${asked.kind} of ${asked.n}`);
  }
}

/** Answers from a log, in order; any mismatch is a divergence, reported with its position. */
export class ReplayChooser implements Chooser {
  private cursor = 0;
  /** The first divergence, kept because a task that hits it may swallow the exception. */
  divergence: ReplayDivergence | null = null;
  constructor(private readonly log: DecisionLog) {}

  get consumed(): number {
    return this.cursor;
  }

  pick(kind: DecisionKind, n: number): number {
    const index = this.cursor++;
    const record = this.log.at(index);
    if (record === undefined || record.kind !== kind || record.n !== n) {
      this.divergence ??= new ReplayDivergence(index, record, { kind, n });
      throw this.divergence;
    }
    return record.value;
  }
}
