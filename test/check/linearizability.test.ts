import { describe, expect, it } from 'vitest';
import { InvalidHistoryError, type KvHistory } from '../../sim/check/history.ts';
import { checkKvHistory, formatLinearizabilityReport } from '../../sim/check/linearizability.ts';
import { append, get, put } from './kv-fixtures.ts';

describe('checkKvHistory', () => {
  describe('sequential histories', () => {
    it('should accept an empty history', () => {
      expect(checkKvHistory([])).toMatchObject({ result: 'ok', keysChecked: 0 });
    });

    it('should accept a sequential history that follows the register semantics', () => {
      const history = [
        get(0, 'k', '', 0, 1),
        put(0, 'k', 'a', 2, 3),
        append(0, 'k', 'b', 4, 5),
        get(0, 'k', 'ab', 6, 7),
        put(0, 'k', 'c', 8, 9),
        get(0, 'k', 'c', 10, 11),
      ];
      expect(checkKvHistory(history).result).toBe('ok');
    });

    it('should read a missing key as the empty string', () => {
      expect(checkKvHistory([get(0, 'missing', '', 0, 1)]).result).toBe('ok');
      expect(checkKvHistory([get(0, 'missing', 'x', 0, 1)]).result).toBe('illegal');
    });

    it('should keep keys independent', () => {
      const history = [put(0, 'a', '1', 0, 1), put(1, 'b', '2', 2, 3), get(0, 'a', '1', 4, 5), get(1, 'b', '2', 6, 7)];
      expect(checkKvHistory(history).result).toBe('ok');
    });
  });

  describe('violations', () => {
    it('should reject a stale read', () => {
      const history = [put(0, 'k', 'old', 0, 1), put(0, 'k', 'new', 2, 3), get(1, 'k', 'old', 4, 5)];
      expect(checkKvHistory(history).result).toBe('illegal');
    });

    it('should reject a lost append', () => {
      const history = [append(0, 'k', 'a', 0, 1), append(1, 'k', 'b', 2, 3), get(2, 'k', 'a', 4, 5)];
      expect(checkKvHistory(history).result).toBe('illegal');
    });

    it('should reject an append applied twice', () => {
      const history = [append(0, 'k', 'x', 0, 1), get(1, 'k', 'xx', 2, 3)];
      expect(checkKvHistory(history).result).toBe('illegal');
    });

    it('should reject a read that goes back in time between clients', () => {
      const history = [
        put(0, 'k', '1', 0, 10),
        get(1, 'k', '1', 2, 3),
        get(2, 'k', '', 4, 5),
      ];
      expect(checkKvHistory(history).result).toBe('illegal');
    });
  });

  describe('concurrency', () => {
    it('should accept concurrent operations that are legal in one order only', () => {
      const history = [
        append(0, 'k', 'a', 0, 10),
        append(1, 'k', 'b', 1, 9),
        get(2, 'k', 'ba', 11, 12),
      ];
      expect(checkKvHistory(history).result).toBe('ok');
      expect(checkKvHistory([...history.slice(0, 2), get(2, 'k', 'ab', 11, 12)]).result).toBe('ok');
      expect(checkKvHistory([...history.slice(0, 2), get(2, 'k', 'b', 11, 12)]).result).toBe('illegal');
    });

    it('should let a read overlapping a write see either value', () => {
      const write = put(0, 'k', 'new', 5, 15);
      expect(checkKvHistory([write, get(1, 'k', 'new', 10, 12)]).result).toBe('ok');
      expect(checkKvHistory([write, get(1, 'k', '', 10, 12)]).result).toBe('ok');
    });

    it('should treat operations that touch at the same instant as concurrent', () => {
      // The put returns at 5 and the get is called at 5: the clock cannot order them.
      expect(checkKvHistory([put(0, 'k', 'v', 1, 5), get(1, 'k', '', 5, 6)]).result).toBe('ok');
      expect(checkKvHistory([put(0, 'k', 'v', 1, 5), get(1, 'k', '', 6, 7)]).result).toBe('illegal');
    });
  });

  describe('unknown outcomes', () => {
    const crashedPut = put(0, 'k', 'maybe', 0, null);

    it('should accept a later read that saw a put whose call never returned', () => {
      expect(checkKvHistory([crashedPut, get(1, 'k', 'maybe', 10, 11)]).result).toBe('ok');
    });

    it('should accept a later read that did not see a put whose call never returned', () => {
      expect(checkKvHistory([crashedPut, get(1, 'k', '', 10, 11)]).result).toBe('ok');
    });

    it('should accept an unknown-outcome put that takes effect late', () => {
      const history = [crashedPut, get(1, 'k', '', 10, 11), get(1, 'k', 'maybe', 20, 21)];
      expect(checkKvHistory(history).result).toBe('ok');
    });

    it('should not let an unknown-outcome put take effect before it was called', () => {
      const history = [get(1, 'k', 'maybe', 0, 1), put(0, 'k', 'maybe', 5, null)];
      expect(checkKvHistory(history).result).toBe('illegal');
    });

    it('should ignore a get whose outcome is unknown', () => {
      expect(checkKvHistory([get(0, 'k', 'whatever', 0, null)]).result).toBe('ok');
    });
  });

  describe('budget', () => {
    const history: KvHistory = [
      append(0, 'k', 'a', 0, 10),
      append(1, 'k', 'b', 0, 10),
      append(2, 'k', 'c', 0, 10),
      get(3, 'k', 'cba', 11, 12),
    ];

    it('should answer unknown when the step budget runs out', () => {
      const result = checkKvHistory(history, { budgetSteps: 1 });
      expect(result).toMatchObject({ result: 'unknown', exhaustedBy: 'budget', undecidedKeys: ['k'] });
      expect(result.stepsUsed).toBeLessThanOrEqual(1);
    });

    it('should list every key left undecided', () => {
      const twoKeys = [...history, ...history.map((op) => ({ ...op, key: 'j' }))];
      expect(checkKvHistory(twoKeys, { budgetSteps: 3 })).toMatchObject({ result: 'unknown', undecidedKeys: ['k', 'j'] });
    });

    it('should still find a violation in a small key when a big key is too expensive', () => {
      const stale = [put(0, 'small', 'a', 0, 1), get(1, 'small', '', 2, 3)];
      const result = checkKvHistory([...history, ...stale], { budgetSteps: 20 });
      expect(result).toMatchObject({ result: 'illegal', report: { key: 'small' } });
    });

    it('should answer unknown when the deadline has passed', () => {
      expect(checkKvHistory(history, { deadline: () => true })).toMatchObject({ result: 'unknown', exhaustedBy: 'deadline' });
    });

    it('should give the same verdict and step count on every run', () => {
      const first = checkKvHistory(history);
      expect(first.result).toBe('ok');
      expect(checkKvHistory(history)).toEqual(first);
    });
  });

  describe('input validation', () => {
    it('should reject an operation that returns before it is called', () => {
      expect(() => checkKvHistory([put(0, 'k', 'v', 5, 4)])).toThrow(InvalidHistoryError);
    });
  });
});

describe('the violation report', () => {
  const history = [
    put(0, 'k', 'x', 0, 1),
    append(1, 'k', 'y', 2, 3),
    get(2, 'other', '', 2, 3),
    get(0, 'k', 'x', 5, 6),
    append(1, 'k', 'z', 7, 8),
    get(2, 'k', 'xyz', 9, 10),
  ];

  it('should name the key and the operation that cannot be placed', () => {
    const result = checkKvHistory(history);
    expect(result.result).toBe('illegal');
    if (result.result !== 'illegal') return;
    const { report } = result;
    expect(report.key).toBe('k');
    expect(report.opsOnKey).toBe(5);
    expect(report.longestPrefix.map((op) => op.value)).toEqual(['x', 'y']);
    expect(report.valueAfterPrefix).toBe('xy');
    expect(report.firstUnplaced).toEqual(history[3]);
  });

  it('should minimise to the write, the later write and the stale read', () => {
    const result = checkKvHistory(history);
    if (result.result !== 'illegal') throw new Error('expected illegal');
    expect(result.report.minimalIsOneMinimal).toBe(true);
    expect(result.report.minimal).toEqual([history[0], history[1], history[3]]);
  });

  it('should render times, clients, operations and values', () => {
    const result = checkKvHistory(history);
    if (result.result !== 'illegal') throw new Error('expected illegal');
    const text = formatLinearizabilityReport(result.report);
    expect(text).toContain('not linearizable: key "k"');
    expect(text).toContain('[5, 6]  client 0  get("k") -> "x"');
    expect(text).toContain('append("k", "y")');
    expect(text).toContain('"xy"');
    expect(text).toMatchInlineSnapshot(`
      "not linearizable: key "k" (5 operations on it); times are [call, return]
        longest linearizable prefix: 2 of 5 operations, leaving "k" = "xy"
          [0, 1]  client 0  put("k", "x")
          [2, 3]  client 1  append("k", "y")
        first operation that cannot be linearized after it:
          [5, 6]  client 0  get("k") -> "x"
        no other unplaced operation is concurrent with it
        minimal non-linearizable sub-history (3 operations; none of them can be dropped):
          [0, 1]  client 0  put("k", "x")
          [2, 3]  client 1  append("k", "y")
          [5, 6]  client 0  get("k") -> "x""
    `);
  });

  it('should report an unminimised counterexample when minimising has no budget', () => {
    const result = checkKvHistory(history, { minimiseBudgetSteps: 0 });
    if (result.result !== 'illegal') throw new Error('expected illegal');
    expect(result.report.minimalIsOneMinimal).toBe(false);
    expect(result.report.minimal).toHaveLength(5);
    expect(formatLinearizabilityReport(result.report)).toContain('minimisation stopped early');
  });

  it('should show unknown outcomes as never returned', () => {
    const result = checkKvHistory([put(0, 'k', 'a', 0, null), get(1, 'k', 'b', 1, 2)]);
    if (result.result !== 'illegal') throw new Error('expected illegal');
    expect(formatLinearizabilityReport(result.report)).toContain('[0, never returned]  client 0  put("k", "a")');
  });
});
