// Splits a key/value history into independent per-key sub-histories. Operations on different keys
// commute in the model (each key is its own register), so a history is linearizable exactly when
// every key's sub-history is (the locality of linearizability, as Porcupine's kv model uses it).
// A get whose outcome is unknown observed nothing and changes nothing, so it constrains no
// linearization and is left out. Keys come out in order of first appearance.

import type { KvHistory, KvOperation } from './history.ts';

export interface KeyPartition {
  readonly key: string;
  readonly ops: readonly KvOperation[];
}

export function partitionByKey(history: KvHistory): KeyPartition[] {
  const byKey = new Map<string, KvOperation[]>();
  for (const op of history) {
    if (op.kind === 'get' && op.returnMicros === null) continue;
    const ops = byKey.get(op.key);
    if (ops === undefined) byKey.set(op.key, [op]);
    else ops.push(op);
  }
  return [...byKey].map(([key, ops]) => ({ key, ops }));
}
