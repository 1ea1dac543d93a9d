// The Wing–Gong–Lowe linearizability search for one key's operations, after Porcupine's
// checkSingle. Walking the event list from the front, it tries to linearize the next call whose
// operation the register model accepts in the current state and whose (linearized set, state)
// configuration is new; it lifts that operation out of the list and starts again from the front.
// Reaching a return event means the operation returning there cannot be placed yet, so it
// backtracks: it undoes the most recent choice and tries the next candidate after it. An empty
// list is a complete linearization; backtracking with nothing left to undo proves there is none.
// Candidates are tried in two passes: first those that leave a state some pending get can still
// read, then the writes nobody can observe (DEAD results), which are mostly better placed later.
// The order of exploration does not affect the verdict, only how fast it is found.

import { buildEntryList, lift, unlift, type EntryList } from './entry-list.ts';
import { OrphanReads } from './orphan-reads.ts';
import { DEAD_STATE, INITIAL_STATE, type RegisterModel } from './register-model.ts';
import { SearchCache, zobristCode } from './search-cache.ts';
import type { StepMeter } from './step-meter.ts';

export type SearchOutcome =
  | { readonly verdict: 'ok'; readonly order: readonly number[] }
  | { readonly verdict: 'illegal'; readonly longestPrefix: readonly number[] }
  | { readonly verdict: 'unknown'; readonly longestPrefix: readonly number[] };

export interface SearchOptions {
  /**
   * Prune configurations that orphan a pending read (orphan-reads.ts). Sound, and much faster on
   * concurrent histories; turned off only to find Porcupine-style longest prefixes for reports.
   */
  readonly pruneOrphans: boolean;
}

/** Pass 0 tries candidates whose result is observable; pass 1 the rest. */
type Pass = 0 | 1;

class WglSearch {
  private readonly list: EntryList;
  private readonly bits: Uint32Array;
  private readonly zobrist: Int32Array;
  private readonly cache: SearchCache;
  private readonly orphans: OrphanReads;
  private readonly stackNodes: Int32Array;
  private readonly stackStates: Int32Array;
  private readonly stackPasses: Uint8Array;
  private depth = 0;
  private stateId = INITIAL_STATE;
  private bitsHash = 0;
  private longest: readonly number[] = [];

  constructor(
    private readonly model: RegisterModel,
    private readonly options: SearchOptions,
  ) {
    const n = model.opCount;
    this.list = buildEntryList(model.ops);
    this.bits = new Uint32Array(Math.max(1, Math.ceil(n / 32)));
    this.zobrist = new Int32Array(n);
    for (let id = 0; id < n; id++) this.zobrist[id] = zobristCode(id);
    this.cache = new SearchCache(this.bits.length);
    this.orphans = new OrphanReads(model, this.bits);
    this.stackNodes = new Int32Array(n);
    this.stackStates = new Int32Array(n);
    this.stackPasses = new Uint8Array(n);
  }

  run(meter: StepMeter): SearchOutcome {
    const { head, next, returnOf } = this.list;
    let node = next[head]!;
    let pass: Pass = 0;
    while (next[head] !== -1) {
      if (!meter.tick()) return { verdict: 'unknown', longestPrefix: this.longest };
      if (returnOf[node] !== -1) {
        if (this.tryPlace(node, pass)) {
          node = next[head]!;
          pass = 0;
        } else {
          node = next[node]!;
        }
      } else if (pass === 0) {
        node = next[head]!;
        pass = 1;
      } else {
        if (this.depth > this.longest.length) this.longest = this.placedOps();
        if (this.depth === 0) return { verdict: 'illegal', longestPrefix: this.longest };
        node = this.undoLast();
        pass = this.stackPasses[this.depth] as Pass;
        node = next[node]!;
      }
    }
    return { verdict: 'ok', order: this.placedOps() };
  }

  /** Linearizes the operation of call `node` now if allowed in this pass; true if it did. */
  private tryPlace(node: number, pass: Pass): boolean {
    const { model, bits } = this;
    const op = this.list.opOf[node]!;
    const stepped = model.step(this.stateId, op);
    if (stepped === -1) return false;
    const word = op >>> 5;
    const bit = 1 << (op & 31);
    bits[word] = bits[word]! | bit;
    const newState = this.liveOrDead(stepped);
    const unobservable = newState === DEAD_STATE && !model.isGet(op);
    if (unobservable !== (pass === 1)) {
      bits[word] = bits[word]! & ~bit;
      return false;
    }
    this.orphans.placed(op);
    const newHash = this.bitsHash ^ this.zobrist[op]!;
    // A get leaves the state as it was, so it cannot orphan anything.
    const reachable = !this.options.pruneOrphans || model.isGet(op) || this.orphans.allReachable(newState);
    if (reachable && this.cache.addIfAbsent(bits, newHash, newState)) {
      this.stackNodes[this.depth] = node;
      this.stackStates[this.depth] = this.stateId;
      this.stackPasses[this.depth] = pass;
      this.depth++;
      this.stateId = newState;
      this.bitsHash = newHash;
      lift(this.list, node);
      return true;
    }
    bits[word] = bits[word]! & ~bit;
    this.orphans.unplaced(op);
    return false;
  }

  /** Pops the latest choice, relinks it and returns its call node. */
  private undoLast(): number {
    this.depth--;
    const node = this.stackNodes[this.depth]!;
    const op = this.list.opOf[node]!;
    this.stateId = this.stackStates[this.depth]!;
    this.bits[op >>> 5] = this.bits[op >>> 5]! & ~(1 << (op & 31));
    this.bitsHash ^= this.zobrist[op]!;
    this.orphans.unplaced(op);
    unlift(this.list, node);
    return node;
  }

  /** DEAD_STATE if every get that could read `stateId` is already linearized. */
  private liveOrDead(stateId: number): number {
    if (stateId === DEAD_STATE) return stateId;
    const readers = this.model.readersOf(stateId);
    for (let i = 0; i < readers.length; i++) {
      const get = readers[i]!;
      if ((this.bits[get >>> 5]! & (1 << (get & 31))) === 0) return stateId;
    }
    return DEAD_STATE;
  }

  private placedOps(): number[] {
    const ops: number[] = [];
    for (let i = 0; i < this.depth; i++) ops.push(this.list.opOf[this.stackNodes[i]!]!);
    return ops;
  }
}

export function searchLinearization(
  model: RegisterModel,
  meter: StepMeter,
  options: SearchOptions = { pruneOrphans: true },
): SearchOutcome {
  return new WglSearch(model, options).run(meter);
}
