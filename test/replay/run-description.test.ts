// The run description: built once, printed as a replay command, read back from JSON unchanged,
// and compared field by field.

import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../sim/cli/plan-file.ts';
import { codeFingerprint, computeCodeFingerprint } from '../../sim/replay/code-fingerprint.ts';
import { DescriptionError, descriptionFromJSON, descriptionToJSON } from '../../sim/replay/description-json.ts';
import { describeRun, differingFields, replayArgs, replayCommandLine, withPlanFile } from '../../sim/replay/run-description.ts';

const base = describeRun({ scenario: 'kv-faults', seed: 29, bugs: ['unreachable-backup-as-none'], swarm: true, code: 'code-x' });

describe('run description', () => {
  it('should print every field that changes a run as a replay flag', () => {
    const d = withPlanFile({ ...base, strategy: 'pct', pct: { depth: 3, maxSteps: 20_000 } }, 'my plan.json', []);
    expect(replayArgs(d)).toEqual(['replay', 'kv-faults', '--seed', '29', '--bug', 'unreachable-backup-as-none', '--swarm', '--strategy', 'pct', '--plan', 'my plan.json']);
    expect(replayCommandLine(d)).toContain("--plan 'my plan.json'");
  });

  it('should read back from JSON exactly what it wrote', () => {
    const d = withPlanFile(base, 'p.json', [{ at: 5, fault: { type: 'crash', target: 's1' } }]);
    const back = descriptionFromJSON('h', JSON.parse(JSON.stringify(descriptionToJSON(d))), checkPlan);
    expect(back).toEqual(d);
    expect(differingFields(d, back)).toEqual([]);
  });

  it('should name each differing field, and ignore a plan file renamed with the same faults', () => {
    expect(differingFields(base, { ...base, seed: 99, swarm: false })).toEqual(['seed', 'swarm']);
    expect(differingFields(withPlanFile(base, 'a', []), withPlanFile(base, 'b', []))).toEqual([]);
    expect(differingFields(base, { ...base, code: 'code-y' })).toEqual(['code']);
  });

  it('should refuse a seed the flags could not give, naming the field', () => {
    for (const seed of [-5, 1.5, 2 ** 53, '7']) {
      expect(() => descriptionFromJSON('h', { ...descriptionToJSON(base), seed }, checkPlan)).toThrow(DescriptionError);
    }
    expect(() => descriptionFromJSON('h', { ...descriptionToJSON(base), seed: 1.5 }, checkPlan)).toThrow(/"seed"/);
  });

  it('should fingerprint the simulated code, the same each time, not the CLI', () => {
    expect(codeFingerprint()).toMatch(/^code-[0-9a-f]{16}$/);
    expect(computeCodeFingerprint(new URL('../../', import.meta.url).pathname)).toBe(codeFingerprint());
  });
});
