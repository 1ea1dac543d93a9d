// The data model of a key/value history as the linearizability checker sees it: one record per
// client operation (Put, Append or Get on one key) with the virtual times at which it was called
// and returned. An operation whose return was never observed (the client crashed or gave up) has
// returnMicros null: it may or may not have taken effect, at any moment after its call. This file
// also holds the small helpers that validate a history and describe one operation in text.

export type KvOperationKind = 'put' | 'append' | 'get';

export interface KvOperation {
  readonly clientId: number;
  readonly kind: KvOperationKind;
  readonly key: string;
  /**
   * The argument of a put or append; the observed output of a get. A get whose outcome is
   * unknown (returnMicros null) observed nothing, so its value is ignored.
   */
  readonly value: string;
  readonly callMicros: number;
  /** null: the outcome is unknown (the call never returned). */
  readonly returnMicros: number | null;
}

export type KvHistory = readonly KvOperation[];

/** Thrown by the checker for a history that is not well formed (e.g. returns before its call). */
export class InvalidHistoryError extends Error {
  override readonly name = 'InvalidHistoryError';
}

export function validateKvHistory(history: KvHistory): void {
  history.forEach((op, index) => {
    if (!Number.isFinite(op.callMicros)) {
      throw new InvalidHistoryError(`operation ${index}: callMicros ${op.callMicros} is not finite`);
    }
    if (op.returnMicros !== null && !(op.returnMicros >= op.callMicros)) {
      throw new InvalidHistoryError(
        `operation ${index}: returnMicros ${op.returnMicros} is before callMicros ${op.callMicros}`,
      );
    }
    if (op.kind !== 'put' && op.kind !== 'append' && op.kind !== 'get') {
      throw new InvalidHistoryError(`operation ${index}: unknown kind ${JSON.stringify(op.kind)}`);
    }
  });
}

/** The return time used for ordering: an unknown outcome returns at +infinity (as in Porcupine). */
export function effectiveReturnMicros(op: KvOperation): number {
  return op.returnMicros ?? Number.POSITIVE_INFINITY;
}

/** Shortens a long value in the middle so that reports stay readable. */
export function quoteValue(value: string, maxChars: number): string {
  if (value.length <= maxChars) return JSON.stringify(value);
  const half = Math.max(1, Math.floor(maxChars / 2));
  const omitted = value.length - 2 * half;
  return `${JSON.stringify(value.slice(0, half))}…(${omitted} chars)…${JSON.stringify(value.slice(-half))}`;
}

/** e.g. `append("4", "x 0 1 y")`, `get("4") -> "x 0 1 y"`, `get("4") -> ?` (unknown outcome). */
export function describeOperation(op: KvOperation, maxValueChars = 80): string {
  const key = JSON.stringify(op.key);
  if (op.kind === 'get') {
    const output = op.returnMicros === null ? '?' : quoteValue(op.value, maxValueChars);
    return `get(${key}) -> ${output}`;
  }
  return `${op.kind}(${key}, ${quoteValue(op.value, maxValueChars)})`;
}

/** e.g. `[12, 15]  client 3  append("4", "x")`; an unknown outcome shows as `[12, never returned]`. */
export function formatOperationLine(op: KvOperation, maxValueChars = 80): string {
  const ret = op.returnMicros === null ? 'never returned' : String(op.returnMicros);
  return `[${op.callMicros}, ${ret}]  client ${op.clientId}  ${describeOperation(op, maxValueChars)}`;
}
