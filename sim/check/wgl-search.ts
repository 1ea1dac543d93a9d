// The Wing–Gong–Lowe linearizability search for one key's operations, after Porcupine's
// checkSingle. Walking the event list from the front, it tries to linearize the next call whose
// operation the register model accepts in the current state and whose (linearized set, state)
// configuration is new; it lifts that operation out of the list and starts again from the front.
// Reaching a return event means the operation returning there cannot be placed yet, so it
// backtracks: it undoes the most recent choice and tries the next candidate after it. An empty
// list is a complete linearization; backtracking with nothing left to undo proves there is none.
// On failure it also returns the longest prefix it managed to linearize, for the report.

import { buildEntryList, lift, unlift } from './entry-list.ts';
import { readsStillReachable } from './read-ahead.ts';
import { INITIAL_STATE, type RegisterModel } from './register-model.ts';
import { SearchCache, zobristCode } from './search-cache.ts';
import type { StepMeter } from './step-meter.ts';

export type SearchOutcome =
  | { readonly verdict: 'ok'; readonly order: readonly number[] }
  | { readonly verdict: 'illegal'; readonly longestPrefix: readonly number[] }
  | { readonly verdict: 'unknown' };

interface SearchState {
  readonly bits: Uint32Array;
  readonly zobrist: Int32Array;
  readonly stackNodes: Int32Array;
  readonly stackStates: Int32Array;
  depth: number;
  stateId: number;
  bitsHash: number;
  longest: readonly number[];
}

function newSearchState(opCount: number): SearchState {
  const zobrist = new Int32Array(opCount);
  for (let id = 0; id < opCount; id++) zobrist[id] = zobristCode(id);
  return {
    bits: new Uint32Array(Math.max(1, Math.ceil(opCount / 32))),
    zobrist,
    stackNodes: new Int32Array(opCount),
    stackStates: new Int32Array(opCount),
    depth: 0,
    stateId: INITIAL_STATE,
    bitsHash: 0,
    longest: [],
  };
}

function stackOps(s: SearchState, opOf: Int32Array): number[] {
  const ops: number[] = [];
  for (let i = 0; i < s.depth; i++) ops.push(opOf[s.stackNodes[i]!]!);
  return ops;
}

export function searchLinearization(model: RegisterModel, meter: StepMeter): SearchOutcome {
  const list = buildEntryList(model.ops);
  const { head, next, opOf, returnOf } = list;
  const s = newSearchState(model.opCount);
  const cache = new SearchCache(s.bits.length);
  let node = next[head]!;
  while (next[head] !== -1) {
    if (!meter.tick()) return { verdict: 'unknown' };
    if (returnOf[node] !== -1) {
      // A call: try to linearize its operation now.
      const op = opOf[node]!;
      const newState = model.step(s.stateId, op);
      if (newState !== -1 && (newState === s.stateId || readsStillReachable(list, model, op, newState))) {
        const word = op >>> 5;
        const bit = 1 << (op & 31);
        s.bits[word] = s.bits[word]! | bit;
        const newHash = s.bitsHash ^ s.zobrist[op]!;
        if (cache.addIfAbsent(s.bits, newHash, newState)) {
          s.stackNodes[s.depth] = node;
          s.stackStates[s.depth] = s.stateId;
          s.depth++;
          s.stateId = newState;
          s.bitsHash = newHash;
          lift(list, node);
          node = next[head]!;
          continue;
        }
        s.bits[word] = s.bits[word]! & ~bit;
      }
      node = next[node]!;
      continue;
    }
    // A return: its operation cannot be placed before it. Undo the latest choice.
    if (s.depth > s.longest.length) s.longest = stackOps(s, opOf);
    if (s.depth === 0) return { verdict: 'illegal', longestPrefix: s.longest };
    s.depth--;
    node = s.stackNodes[s.depth]!;
    s.stateId = s.stackStates[s.depth]!;
    const op = opOf[node]!;
    s.bits[op >>> 5] = s.bits[op >>> 5]! & ~(1 << (op & 31));
    s.bitsHash ^= s.zobrist[op]!;
    unlift(list, node);
    node = next[node]!;
  }
  return { verdict: 'ok', order: stackOps(s, opOf) };
}
