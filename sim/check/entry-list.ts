// The doubly-linked list of call and return events that the Wing–Gong–Lowe search walks, as in
// Porcupine: events sorted by time, and at equal times calls before returns, so two operations
// that merely touch (one returns at t, the other is called at t) count as concurrent. That is the
// conservative reading of a clock tick: it never reports a violation that depends on the order of
// two events the clock could not tell apart. An unknown outcome returns at +infinity. Lifting an
// operation unlinks its call and its return; unlifting puts them back (dancing links). Nodes are
// indices into typed arrays; the head sentinel is node 2n, and -1 means "none".

import { effectiveReturnMicros, type KvOperation } from './history.ts';

export interface EntryList {
  readonly head: number;
  readonly next: Int32Array;
  readonly prev: Int32Array;
  /** The op id of each node. */
  readonly opOf: Int32Array;
  /** For a call node, its return node; for a return node (and the head), -1. */
  readonly returnOf: Int32Array;
}

interface Event {
  readonly op: number;
  readonly isReturn: boolean;
  readonly timeMicros: number;
}

function compareEvents(a: Event, b: Event): number {
  if (a.timeMicros !== b.timeMicros) return a.timeMicros < b.timeMicros ? -1 : 1;
  if (a.isReturn !== b.isReturn) return a.isReturn ? 1 : -1;
  return a.op - b.op;
}

export function buildEntryList(ops: readonly KvOperation[]): EntryList {
  const events: Event[] = [];
  ops.forEach((op, id) => {
    events.push({ op: id, isReturn: false, timeMicros: op.callMicros });
    events.push({ op: id, isReturn: true, timeMicros: effectiveReturnMicros(op) });
  });
  events.sort(compareEvents);
  const size = events.length;
  const list: EntryList = {
    head: size,
    next: new Int32Array(size + 1).fill(-1),
    prev: new Int32Array(size + 1).fill(-1),
    opOf: new Int32Array(size + 1).fill(-1),
    returnOf: new Int32Array(size + 1).fill(-1),
  };
  const returnNodeOfOp = new Int32Array(ops.length);
  events.forEach((event, node) => {
    list.opOf[node] = event.op;
    if (event.isReturn) returnNodeOfOp[event.op] = node;
  });
  events.forEach((event, node) => {
    if (!event.isReturn) list.returnOf[node] = returnNodeOfOp[event.op]!;
    list.prev[node] = node === 0 ? list.head : node - 1;
    list.next[node] = node + 1 < size ? node + 1 : -1;
  });
  list.next[list.head] = size > 0 ? 0 : -1;
  return list;
}

/** Unlinks a call node and its return node. */
export function lift(list: EntryList, call: number): void {
  const { next, prev } = list;
  const ret = list.returnOf[call]!;
  next[prev[call]!] = next[call]!;
  prev[next[call]!] = prev[call]!;
  next[prev[ret]!] = next[ret]!;
  if (next[ret] !== -1) prev[next[ret]!] = prev[ret]!;
}

/** Relinks what `lift(list, call)` unlinked; undo lifts in reverse order. */
export function unlift(list: EntryList, call: number): void {
  const { next, prev } = list;
  const ret = list.returnOf[call]!;
  next[prev[ret]!] = ret;
  if (next[ret] !== -1) prev[next[ret]!] = ret;
  next[prev[call]!] = call;
  prev[next[call]!] = call;
}
