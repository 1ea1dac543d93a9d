// The sequential specification of one key, compiled for the search: a register holding a string
// that starts out "" (a missing key reads as ""), where put sets it, append concatenates to it and
// get must observe it. States are interned integer ids, so the search compares and hashes them as
// numbers, and each (state, append) step is memoised. Only states that some get could still read
// are materialised: a value that is not a prefix of any get's output can never be observed before
// the next put overwrites it, so all such values are one canonical DEAD state (a get fails in it,
// an append keeps it, a put leaves it). `readersOf` lists, for a live state, the gets whose output
// starts with it; the search uses that to declare a state dead once all those gets are placed.

import type { KvOperation } from './history.ts';
import { ReaderIndex } from './reader-index.ts';

const KIND_GET = 0;
const KIND_PUT = 1;
const KIND_APPEND = 2;

/** The id of the empty string, the initial state of every register. */
export const INITIAL_STATE = 0;
/** The canonical state for every value that no remaining get can observe. */
export const DEAD_STATE = 1;

const NO_READERS = new Int32Array(0);

/** One key's operations, compiled for the search. Op ids are indices into `ops`. */
export class RegisterModel {
  private readonly idByValue = new Map<string, number>();
  private readonly values: string[] = [];
  private readonly readers: Int32Array[] = [];
  private readonly kinds: Uint8Array;
  /** put: the state after it; get and append: unused. */
  private readonly argStates: Int32Array;
  private readonly appendTransitions = new Map<number, number>();

  constructor(readonly ops: readonly KvOperation[]) {
    this.kinds = new Uint8Array(ops.length);
    this.argStates = new Int32Array(ops.length).fill(-1);
    ops.forEach((op, id) => {
      this.kinds[id] = op.kind === 'get' ? KIND_GET : op.kind === 'put' ? KIND_PUT : KIND_APPEND;
    });
    const index = new ReaderIndex(ops);
    this.materialise('', index.readersOf(''));
    this.values.push('<dead>');
    this.readers.push(NO_READERS);
    ops.forEach((op, id) => {
      if (op.kind !== 'put') return;
      const known = this.idByValue.get(op.value);
      const readers = known === undefined ? index.readersOf(op.value) : NO_READERS;
      this.argStates[id] = known ?? (readers.length === 0 ? DEAD_STATE : this.materialise(op.value, readers));
    });
  }

  get opCount(): number {
    return this.ops.length;
  }

  /** The state after applying op `id` in state `stateId`, or -1 if the op's output is impossible. */
  step(stateId: number, id: number): number {
    const kind = this.kinds[id]!;
    if (kind === KIND_GET) return stateId !== DEAD_STATE && this.values[stateId] === this.ops[id]!.value ? stateId : -1;
    if (kind === KIND_PUT) return this.argStates[id]!;
    if (stateId === DEAD_STATE) return DEAD_STATE;
    const memoKey = stateId * this.ops.length + id;
    const known = this.appendTransitions.get(memoKey);
    if (known !== undefined) return known;
    const next = this.appendedState(stateId, this.ops[id]!.value);
    this.appendTransitions.set(memoKey, next);
    return next;
  }

  isGet(id: number): boolean {
    return this.kinds[id] === KIND_GET;
  }

  isPut(id: number): boolean {
    return this.kinds[id] === KIND_PUT;
  }

  /** The state a put leaves (DEAD_STATE if no get reads a value starting with it). */
  stateAfterPut(id: number): number {
    return this.argStates[id]!;
  }

  /** The gets whose output starts with this state's value (latest return first). */
  readersOf(stateId: number): Int32Array {
    return this.readers[stateId]!;
  }

  /** Whether the value of `stateId` is a prefix of what get `getId` read. */
  isPrefixOfRead(stateId: number, getId: number): boolean {
    return stateId !== DEAD_STATE && this.ops[getId]!.value.startsWith(this.values[stateId]!);
  }

  /** Appends without building the string unless some reader of the parent state reads it. */
  private appendedState(stateId: number, piece: string): number {
    const base = this.values[stateId]!;
    const readers = this.readers[stateId]!.filter((get) => this.ops[get]!.value.startsWith(piece, base.length));
    if (readers.length === 0) return DEAD_STATE;
    const value = base + piece;
    return this.idByValue.get(value) ?? this.materialise(value, readers);
  }

  private materialise(value: string, readers: Int32Array): number {
    const id = this.values.length;
    this.values.push(value);
    this.readers.push(readers);
    this.idByValue.set(value, id);
    return id;
  }
}
