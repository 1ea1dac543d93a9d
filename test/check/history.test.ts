import { describe, expect, it } from 'vitest';
import { describeOperation, formatOperationLine, InvalidHistoryError, quoteValue, validateKvHistory } from '../../sim/check/history.ts';
import { append, get, put } from './kv-fixtures.ts';

describe('history helpers', () => {
  it('should describe each kind of operation with its key and values', () => {
    expect(describeOperation(put(0, 'k', 'v', 0, 1))).toBe('put("k", "v")');
    expect(describeOperation(append(0, 'k', 'v', 0, 1))).toBe('append("k", "v")');
    expect(describeOperation(get(0, 'k', 'v', 0, 1))).toBe('get("k") -> "v"');
    expect(describeOperation(get(0, 'k', 'v', 0, null))).toBe('get("k") -> ?');
  });

  it('should elide the middle of long values', () => {
    const value = 'a'.repeat(10) + 'b'.repeat(100) + 'c'.repeat(10);
    expect(quoteValue(value, 20)).toBe('"aaaaaaaaaa"…(100 chars)…"cccccccccc"');
    expect(quoteValue('short', 20)).toBe('"short"');
  });

  it('should format times, client and operation on one line', () => {
    expect(formatOperationLine(put(3, 'k', 'v', 12, 15))).toBe('[12, 15]  client 3  put("k", "v")');
    expect(formatOperationLine(put(3, 'k', 'v', 12, null))).toBe('[12, never returned]  client 3  put("k", "v")');
  });

  it('should reject non-finite call times and returns before calls', () => {
    expect(() => validateKvHistory([put(0, 'k', 'v', Number.NaN, 1)])).toThrow(InvalidHistoryError);
    expect(() => validateKvHistory([put(0, 'k', 'v', 2, 1)])).toThrow(/operation 0: returnMicros 1 is before callMicros 2/);
    expect(() => validateKvHistory([put(0, 'k', 'v', 1, 1), get(0, 'k', 'v', 2, null)])).not.toThrow();
  });
});
