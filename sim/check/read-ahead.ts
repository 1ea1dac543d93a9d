// A sound pruning rule for the search, specific to the register model: look ahead at the reads
// the new state must still be able to reach. Every operation linearized before a get g must have
// been called before g returned, so until g is placed the state can change only through the
// pending operations called before g's return. If none of those is a put, the state can only grow
// by appends, so the current state must be a prefix of the value g read, or g can never be placed.
// The scan walks the event list from the front (skipping the operation being placed) and checks
// the first get return it meets, stopping early at the first pending put call. Pruning a dead
// configuration early saves the search from enumerating orders of concurrent appends that only
// the next read would have rejected.

import type { EntryList } from './entry-list.ts';
import type { RegisterModel } from './register-model.ts';

/** False if placing op `placedOp` to reach `stateId` makes some pending get unreachable. */
export function readsStillReachable(list: EntryList, model: RegisterModel, placedOp: number, stateId: number): boolean {
  const { next, opOf, returnOf } = list;
  for (let node = next[list.head]!; node !== -1; node = next[node]!) {
    const op = opOf[node]!;
    if (op === placedOp) continue;
    if (returnOf[node] !== -1) {
      if (model.isPut(op)) return true;
      continue;
    }
    if (model.isGet(op)) return model.isPrefixOfRead(stateId, op);
  }
  return true;
}
