// The mutation operators of `npm run mutants` make the edits they are named for, leave bug
// switches alone, and a seeded sample names the same mutants every time.

import { describe, expect, it } from 'vitest';
import { applyMutation, mutationsOf, type OperatorName } from '../../sim/mutate/operators.ts';
import { sampleMutations } from '../../sim/mutate/sample.ts';

const SOURCE = `async function put(args) {
  await this.mu.lock();
  if (this.seen.has(args.Id)) return OK;
  if (this.bugs.has('no-dup-detection')) return OK;
  this.apply(args);
  this.seen.add(args.Id);
  const n = count < 3;
  this.mu.unlock();
}
`;

function edits(operator: OperatorName): string[] {
  return mutationsOf('x.ts', SOURCE)
    .filter((m) => m.operator === operator)
    .map((m) => applyMutation(SOURCE, m).split('\n').filter((line, i) => line !== SOURCE.split('\n')[i]).join(' | '));
}

describe('mutation operators', () => {
  it('should invert and remove a condition, but never one that tests a bug switch', () => {
    expect(edits('invert-condition')).toEqual(['  if (!(this.seen.has(args.Id))) return OK;']);
    expect(edits('remove-condition')).toEqual(['  if (true) return OK;']);
  });

  it('should remove lock calls, other calls and awaits, flip comparisons and shift constants by one', () => {
    expect(edits('remove-lock')).toEqual(['  ', '  ']);
    expect(edits('remove-call')).toEqual(['  ', '  ']);
    expect(edits('remove-await')).toEqual(['  this.mu.lock();']);
    expect(edits('flip-comparison')).toEqual(['  const n = count <= 3;']);
    expect(edits('off-by-one')).toEqual(['  const n = count < 4;', '  const n = count < 2;']);
  });

  it('should swap neighbouring statements', () => {
    expect(edits('swap-statements')).toContain('  this.seen.add(args.Id); |   this.apply(args);');
  });

  it('should sample the same mutants for the same seed', () => {
    const all = mutationsOf('x.ts', SOURCE);
    expect(sampleMutations(all, 5, 7)).toEqual(sampleMutations(all, 5, 7));
    expect(sampleMutations(all, all.length, 7)).toHaveLength(all.length);
  });
});
