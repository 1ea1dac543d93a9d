// What crosses a socket is a copy: arguments and replies are deep-copied when written, the way
// gob encodes and decodes them, so no object is ever shared between two simulated processes.
// Plain data only (primitives, arrays, plain objects, Maps, Sets); anything else is a bug.

import { assert } from '../kernel/assert.ts';

export function copyWireValue<T>(value: T): T {
  return copy(value, 0) as T;
}

const MAX_DEPTH = 64;

function copy(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol') assert(false, `cannot send a ${typeof value} over the wire`);
    return value;
  }
  assert(depth < MAX_DEPTH, 'wire value nested too deeply (a cycle?)');
  if (Array.isArray(value)) return value.map((item) => copy(item, depth + 1));
  if (value instanceof Map) {
    const out = new Map<unknown, unknown>();
    for (const [k, v] of value) out.set(copy(k, depth + 1), copy(v, depth + 1));
    return out;
  }
  if (value instanceof Set) {
    const out = new Set<unknown>();
    for (const v of value) out.add(copy(v, depth + 1));
    return out;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  assert(proto === Object.prototype || proto === null, 'only plain objects can be sent over the wire (no class instances)');
  // One pass, recursing only into fields that are not strings or numbers: most RPC arguments are
  // flat records of those.
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    out[key] = typeof field === 'string' || typeof field === 'number' ? field : copy(field, depth + 1);
  }
  return out;
}
