// Invariant checks for the simulator itself. A failed assert is a bug in rpcsim (or a misuse of
// its API), never a simulated failure: those are values. TigerBeetle-style: assert densely.

export class InvariantError extends Error {
  override readonly name = 'InvariantError';
}

export function assert(condition: unknown, why: string): asserts condition {
  if (!condition) throw new InvariantError(why);
}

/** Exhaustiveness check for `switch` over discriminated unions. */
export function unreachable(value: never, what: string): never {
  throw new InvariantError(`unexpected ${what}: ${JSON.stringify(value)}`);
}
