// The equivalent-mutant list names real sites, stably: a site's key survives edits elsewhere in
// its file and changes when its own line changes, every entry of the list matches a mutant of
// today's protocol/ (a stale one fails here), and the score leaves the listed ones out.

import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readEquivalents, staleEquivalents } from '../../sim/mutate/equivalent.ts';
import { mutationsOf } from '../../sim/mutate/operators.ts';
import { scoreOf, type MutantResult } from '../../sim/mutate/report.ts';
import { allMutations } from '../../sim/mutate/sample.ts';
import { nameMutations } from '../../sim/mutate/site.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const SOURCE = `class S {
  async put(args) {
    await this.mu.lock(); // take it
    if (this.seen.has(args.Id)) return OK;
    this.mu.unlock();
  }
}
`;

function keys(source: string): string[] {
  return nameMutations(source, mutationsOf('x.ts', source)).map((m) => m.key);
}

describe('equivalent mutants', () => {
  it('should name a site by its function and line text, not by its position', () => {
    expect(keys(SOURCE)).toContain('x.ts · S.put · if (this.seen.has(args.Id)) return OK; ⇒ if (!(this.seen.has(args.Id))) return OK;');
    expect(keys(SOURCE)).toContain('x.ts · S.put · await this.mu.lock(); ⇒ this.mu.lock();');
    expect(keys(`// a new first line\n${SOURCE}`)).toEqual(keys(SOURCE));
    expect(keys(SOURCE.replace('args.Id', 'args.Key'))).not.toContain(keys(SOURCE).find((k) => k.includes('!(this.seen')));
  });

  it('should give every mutant of protocol/ a distinct key', () => {
    const all = allMutations(ROOT).map((m) => m.key);
    expect(new Set(all).size).toBe(all.length);
  });

  it('should list only sites that exist today, each once, with a one-line reason', () => {
    const list = readEquivalents();
    expect(staleEquivalents(list, allMutations(ROOT).map((m) => m.key)).map((e) => e.site)).toEqual([]);
    expect(new Set(list.map((e) => e.site)).size).toBe(list.length);
    for (const entry of list) expect(entry.why, entry.site).toMatch(/^[^\n]{10,200}$/);
  });

  it('should call an entry stale once its line has changed', () => {
    const [first] = nameMutations(SOURCE, mutationsOf('x.ts', SOURCE));
    const entry = { site: first!.key, why: 'a reason long enough' };
    expect(staleEquivalents([entry], keys(SOURCE))).toEqual([]);
    expect(staleEquivalents([entry], keys(SOURCE.replace('await this.mu.lock();', 'await this.mu.lock(1);')))).toEqual([entry]);
  });

  it('should score killed over non-equivalent mutants that ran', () => {
    const r = (status: 'killed' | 'survived' | 'timeout' | 'error', equivalent: string | null = null): MutantResult => ({
      key: status,
      where: status,
      verdict: status === 'killed' ? { status, by: 'x', seconds: 1 } : status === 'error' ? { status, why: 'x', seconds: 1 } : { status, seconds: 1 },
      equivalent,
    });
    const score = scoreOf([r('killed'), r('timeout'), r('survived'), r('error'), { key: 'e', where: 'e', verdict: { status: 'equivalent', seconds: 0 }, equivalent: 'why' }, r('killed', 'wrongly listed')]);
    expect([score.killed, score.counted, score.equivalent, score.errors]).toEqual([2, 3, 2, 1]);
    expect(score.survivors.map((s) => s.key)).toEqual(['survived']);
    expect(score.wronglyEquivalent.map((s) => s.key)).toEqual(['killed']);
  });
});
