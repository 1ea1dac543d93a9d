// Shared helpers for the checker tests: terse constructors for operations, the location of
// Porcupine's test data, and a brute-force reference checker (tries every order of the
// operations that respects real time) to compare the real checker against on tiny histories.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KvHistory, KvOperation } from '../../sim/check/history.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Porcupine's own key/value histories, kept in the repository (testdata/porcupine-kv/README.md). */
export function porcupineDataPath(fileName: string): string {
  return path.resolve(repoRoot, 'test', 'check', 'testdata', 'porcupine-kv', fileName);
}

export function put(clientId: number, key: string, value: string, callMicros: number, returnMicros: number | null): KvOperation {
  return { clientId, kind: 'put', key, value, callMicros, returnMicros };
}

export function append(clientId: number, key: string, value: string, callMicros: number, returnMicros: number | null): KvOperation {
  return { clientId, kind: 'append', key, value, callMicros, returnMicros };
}

export function get(clientId: number, key: string, value: string, callMicros: number, returnMicros: number | null): KvOperation {
  return { clientId, kind: 'get', key, value, callMicros, returnMicros };
}

/**
 * Exhaustive reference: some order of the operations respects real time (an op that returned
 * strictly before another was called comes first) and the register semantics, with every
 * known-outcome op included and unknown-outcome ops optional. Exponential: tiny histories only.
 */
export function bruteForceLinearizable(history: KvHistory): boolean {
  const ops = history.filter((op) => !(op.kind === 'get' && op.returnMicros === null));
  const used = new Array<boolean>(ops.length).fill(false);
  const values = new Map<string, string>();
  const mustPrecede = (a: KvOperation, b: KvOperation) => a.returnMicros !== null && a.returnMicros < b.callMicros;
  const search = (): boolean => {
    if (ops.every((op, i) => used[i] || op.returnMicros === null)) return true;
    return ops.some((op, i) => {
      if (used[i] || ops.some((other, j) => !used[j] && j !== i && mustPrecede(other, op))) return false;
      const before = values.get(op.key) ?? '';
      if (op.kind === 'get' && op.value !== before) return false;
      used[i] = true;
      if (op.kind === 'put') values.set(op.key, op.value);
      if (op.kind === 'append') values.set(op.key, before + op.value);
      const found = search();
      values.set(op.key, before);
      used[i] = false;
      return found;
    });
  };
  return search();
}
