// A sound pruning rule for the search, specific to the register model: every pending get must
// still be able to read its value. A get g can be fed by a put p when p's value is a prefix of
// what g read and p was called before g returned (or else p must come after g). While some feeder
// of g is unplaced, g may still be reached through it. Once all of g's feeders are placed (or it
// never had any) g is an "orphan": the state can reach g's value only by appends from where it is
// now, so the current state must be a prefix of g's value, i.e. g must be one of its readers. A
// configuration in which some orphan is not a reader of the current state is dead. Feeder counts
// and the number of orphans are maintained incrementally as the search places and undoes ops.

import { effectiveReturnMicros } from './history.ts';
import { DEAD_STATE, type RegisterModel } from './register-model.ts';

export class OrphanReads {
  /** For each put, the gets it can feed. */
  private readonly fedBy: Int32Array[] = [];
  /** For each get, how many of its feeders are still unplaced. */
  private readonly unplacedFeeders: Int32Array;
  private orphans = 0;

  constructor(
    private readonly model: RegisterModel,
    private readonly bits: Uint32Array,
  ) {
    const ops = model.ops;
    this.unplacedFeeders = new Int32Array(ops.length);
    ops.forEach((op, id) => {
      const readers = model.isPut(id) ? model.readersOf(model.stateAfterPut(id)) : new Int32Array(0);
      const fed = readers.filter((get) => op.callMicros <= effectiveReturnMicros(ops[get]!));
      this.fedBy.push(fed);
      for (const get of fed) this.unplacedFeeders[get]!++;
    });
    ops.forEach((_, id) => {
      if (model.isGet(id) && this.unplacedFeeders[id] === 0) this.orphans++;
    });
  }

  private pending(get: number): boolean {
    return (this.bits[get >>> 5]! & (1 << (get & 31))) === 0;
  }

  /** Call after marking `op` as linearized in the bitset. */
  placed(op: number): void {
    if (this.model.isGet(op)) {
      if (this.unplacedFeeders[op] === 0) this.orphans--;
      return;
    }
    const fed = this.fedBy[op]!;
    for (let i = 0; i < fed.length; i++) {
      const get = fed[i]!;
      if (--this.unplacedFeeders[get]! === 0 && this.pending(get)) this.orphans++;
    }
  }

  /** Call after clearing `op` from the bitset; exactly undoes `placed(op)`. */
  unplaced(op: number): void {
    if (this.model.isGet(op)) {
      if (this.unplacedFeeders[op] === 0) this.orphans++;
      return;
    }
    const fed = this.fedBy[op]!;
    for (let i = 0; i < fed.length; i++) {
      const get = fed[i]!;
      if (this.unplacedFeeders[get]!++ === 0 && this.pending(get)) this.orphans--;
    }
  }

  /** Whether every orphan get reads a value that `stateId` can still grow into. */
  allReachable(stateId: number): boolean {
    if (this.orphans === 0) return true;
    if (stateId === DEAD_STATE) return false;
    const readers = this.model.readersOf(stateId);
    if (readers.length < this.orphans) return false;
    let found = 0;
    for (let i = 0; i < readers.length; i++) {
      const get = readers[i]!;
      if (this.unplacedFeeders[get] === 0 && this.pending(get) && ++found === this.orphans) return true;
    }
    return false;
  }
}
