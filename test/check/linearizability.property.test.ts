import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KvOperation, KvOperationKind } from '../../sim/check/history.ts';
import { checkKvHistory } from '../../sim/check/linearizability.ts';
import { bruteForceLinearizable } from './kv-fixtures.ts';

interface PlannedOp {
  readonly kind: KvOperationKind;
  readonly key: string;
  /** How far before / after its linearization point the call / return is recorded. */
  readonly leadMicros: number;
  readonly lagMicros: number;
  /** Writes only: the call never returned; `applied` says whether it took effect anyway. */
  readonly unknown: boolean;
  readonly applied: boolean;
}

const plannedOp: fc.Arbitrary<PlannedOp> = fc
  .record({
    kind: fc.constantFrom<KvOperationKind>('put', 'append', 'append', 'get', 'get'),
    key: fc.constantFrom('a', 'b', 'c'),
    leadMicros: fc.integer({ min: 0, max: 35 }),
    lagMicros: fc.integer({ min: 0, max: 35 }),
    crashed: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
    applied: fc.boolean(),
  })
  .map(({ crashed, ...op }) => ({ ...op, unknown: op.kind !== 'get' && crashed }));

/**
 * Runs the operations one at a time against a real register, the i-th taking effect at time
 * 10·i, and records each op's call/return around that point (so intervals overlap, but always
 * contain the real linearization point). The result is linearizable by construction.
 */
function runSequentialRegister(plan: readonly PlannedOp[]): KvOperation[] {
  const values = new Map<string, string>();
  return plan.map((op, i) => {
    const pointMicros = 10 * (i + 1);
    const current = values.get(op.key) ?? '';
    const written = `<${i}>`;
    const takesEffect = !op.unknown || op.applied;
    if (takesEffect && op.kind === 'put') values.set(op.key, written);
    if (takesEffect && op.kind === 'append') values.set(op.key, current + written);
    return {
      clientId: i,
      kind: op.kind,
      key: op.key,
      value: op.kind === 'get' ? current : written,
      callMicros: pointMicros - op.leadMicros,
      returnMicros: op.unknown ? null : pointMicros + op.lagMicros,
    };
  });
}

describe('checkKvHistory on generated histories', () => {
  it('should accept every history recorded from a sequential register', () => {
    fc.assert(
      fc.property(fc.array(plannedOp, { maxLength: 60 }), (plan) => {
        expect(checkKvHistory(runSequentialRegister(plan)).result).toBe('ok');
      }),
      { numRuns: 300 },
    );
  });

  it('should reject the history once one get reports a value never written', () => {
    const planWithGet = fc
      .array(plannedOp, { minLength: 1, maxLength: 60 })
      .filter((plan) => plan.some((op) => op.kind === 'get'));
    fc.assert(
      fc.property(planWithGet, fc.nat(), (plan, pick) => {
        const history = runSequentialRegister(plan);
        const gets = history.flatMap((op, i) => (op.kind === 'get' ? [i] : []));
        const victim = gets[pick % gets.length]!;
        const mutated = history.map((op, i) => (i === victim ? { ...op, value: `${op.value}#never-written` } : op));
        const result = checkKvHistory(mutated);
        expect(result.result).toBe('illegal');
        if (result.result === 'illegal') expect(checkKvHistory(result.report.minimal).result).toBe('illegal');
      }),
      { numRuns: 300 },
    );
  });
});

const tinyOp: fc.Arbitrary<KvOperation> = fc
  .record({
    clientId: fc.nat({ max: 5 }),
    kind: fc.constantFrom<KvOperationKind>('put', 'append', 'get'),
    key: fc.constantFrom('a', 'b'),
    writeValue: fc.constantFrom('x', 'y'),
    readValue: fc.constantFrom('', 'x', 'y', 'xy', 'yx', 'xx'),
    callMicros: fc.integer({ min: 0, max: 20 }),
    durationMicros: fc.integer({ min: 0, max: 10 }),
    unknown: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
  })
  .map((r) => ({
    clientId: r.clientId,
    kind: r.kind,
    key: r.key,
    value: r.kind === 'get' ? r.readValue : r.writeValue,
    callMicros: r.callMicros,
    returnMicros: r.unknown ? null : r.callMicros + r.durationMicros,
  }));

describe('checkKvHistory against a brute-force reference', () => {
  it('should agree on the verdict for random tiny histories', () => {
    fc.assert(
      fc.property(fc.array(tinyOp, { maxLength: 7 }), (history) => {
        const expected = bruteForceLinearizable(history) ? 'ok' : 'illegal';
        expect(checkKvHistory(history).result).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('should report minimal sub-histories that are themselves not linearizable', () => {
    fc.assert(
      fc.property(fc.array(tinyOp, { maxLength: 7 }), (history) => {
        const result = checkKvHistory(history);
        if (result.result !== 'illegal') return;
        expect(bruteForceLinearizable(result.report.minimal)).toBe(false);
        for (let i = 0; i < result.report.minimal.length; i++) {
          const fewer = result.report.minimal.filter((_, j) => j !== i);
          if (fewer.length === 0) continue;
          const dropped = result.report.minimal[i]!;
          // 1-minimal: dropping an op makes it linearizable, unless that op wrote what a read saw.
          if (dropped.kind === 'get') expect(bruteForceLinearizable(fewer)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
