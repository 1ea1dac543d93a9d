// The stand-in held-back student bugs still apply to today's reference: each patch's text occurs
// exactly once in its file, the patched file still parses, and none is a catalogued bug.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { BUGS } from '../../protocol/bugs.ts';
import { applyMutation } from '../../sim/mutate/operators.ts';
import { STUDENT_BUGS, studentBugSplice } from '../../sim/mutate/student-bugs.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the stand-in held-back student bugs', () => {
  it('should be about ten, each with its own name, none of them in the catalogue', () => {
    expect(STUDENT_BUGS.length).toBeGreaterThanOrEqual(8);
    const names = STUDENT_BUGS.map((b) => b.name);
    expect(new Set(names).size).toBe(names.length);
    const catalogued = new Set<string>(BUGS.map((b) => b.name));
    expect(names.filter((n) => catalogued.has(n))).toEqual([]);
  });

  for (const bug of STUDENT_BUGS) {
    it(`should apply ${bug.name} once and leave a file that parses`, () => {
      const splice = studentBugSplice(ROOT, bug);
      if ('problem' in splice) throw new Error(splice.problem);
      const source = readFileSync(join(ROOT, bug.file), 'utf8');
      const patched = applyMutation(source, splice);
      expect(patched).not.toBe(source);
      const tree = ts.createSourceFile(bug.file, patched, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
      expect((tree as unknown as { parseDiagnostics: readonly unknown[] }).parseDiagnostics).toEqual([]);
    });
  }
});
