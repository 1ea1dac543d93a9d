// The sequential specification of one key: a register holding a string that starts out "" (a
// missing key reads as ""), where put sets it, append concatenates to it and get must observe it.
// States are interned: every distinct string value gets a small integer id, so the search can
// compare and hash states as numbers, and the result of each (state, append) step is memoised so
// a long value is concatenated and hashed once rather than on every visit.

import type { KvOperation } from './history.ts';

const KIND_GET = 0;
const KIND_PUT = 1;
const KIND_APPEND = 2;

/** The id of the empty string, the initial state of every register. */
export const INITIAL_STATE = 0;

/** One key's operations, compiled for the search. Op ids are indices into `ops`. */
export class RegisterModel {
  private readonly idByValue = new Map<string, number>();
  private readonly values: string[] = [];
  private readonly kinds: Uint8Array;
  /** put: the id of the value written; get: the id of the value read; append: unused. */
  private readonly argStates: Int32Array;
  private readonly appendTransitions = new Map<number, number>();
  private readonly prefixAnswers = new Map<number, boolean>();

  constructor(readonly ops: readonly KvOperation[]) {
    this.intern('');
    this.kinds = new Uint8Array(ops.length);
    this.argStates = new Int32Array(ops.length).fill(-1);
    ops.forEach((op, id) => {
      this.kinds[id] = op.kind === 'get' ? KIND_GET : op.kind === 'put' ? KIND_PUT : KIND_APPEND;
      if (op.kind !== 'append') this.argStates[id] = this.intern(op.value);
    });
  }

  get opCount(): number {
    return this.ops.length;
  }

  /** The state after applying op `id` in state `stateId`, or -1 if the op's output is impossible. */
  step(stateId: number, id: number): number {
    const kind = this.kinds[id]!;
    if (kind === KIND_GET) return this.argStates[id] === stateId ? stateId : -1;
    if (kind === KIND_PUT) return this.argStates[id]!;
    const memoKey = stateId * this.ops.length + id;
    const known = this.appendTransitions.get(memoKey);
    if (known !== undefined) return known;
    const next = this.intern(this.values[stateId]! + this.ops[id]!.value);
    this.appendTransitions.set(memoKey, next);
    return next;
  }

  isGet(id: number): boolean {
    return this.kinds[id] === KIND_GET;
  }

  isPut(id: number): boolean {
    return this.kinds[id] === KIND_PUT;
  }

  /** Whether the value of `stateId` is a prefix of what get `getId` read (memoised). */
  isPrefixOfRead(stateId: number, getId: number): boolean {
    const memoKey = stateId * this.ops.length + getId;
    const known = this.prefixAnswers.get(memoKey);
    if (known !== undefined) return known;
    const answer = this.values[this.argStates[getId]!]!.startsWith(this.values[stateId]!);
    this.prefixAnswers.set(memoKey, answer);
    return answer;
  }

  valueOf(stateId: number): string {
    return this.values[stateId]!;
  }

  private intern(value: string): number {
    const known = this.idByValue.get(value);
    if (known !== undefined) return known;
    const id = this.values.length;
    this.values.push(value);
    this.idByValue.set(value, id);
    return id;
  }
}
