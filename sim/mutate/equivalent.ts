// The mutants judged equivalent: edits after which the protocol still behaves the same in every
// run the simulator can make (a trace label, code only a bug switch reaches, a retry count no
// schedule exhausts...). They are data, in equivalent-mutants.json beside this file, one site a
// line with a one-line reason, named as sim/mutate/site names them (file, function, the line
// before and after the edit), not by position. `npm run mutants` reports them apart and leaves
// them out of the score; a test fails when an entry no longer names a real site.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface EquivalentMutant {
  /** The site's key (sim/mutate/site.ts): `file · scope · before ⇒ after`. */
  readonly site: string;
  /** Why no run can tell it from the original, in one line. */
  readonly why: string;
}

export const EQUIVALENTS_PATH = fileURLToPath(new URL('./equivalent-mutants.json', import.meta.url));

export function readEquivalents(path: string = EQUIVALENTS_PATH): EquivalentMutant[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (!Array.isArray(parsed)) throw new Error(`${path}: expected a JSON array of { site, why }`);
  return parsed.map((entry: unknown, i) => {
    const { site, why } = (entry ?? {}) as { site?: unknown; why?: unknown };
    if (typeof site !== 'string' || typeof why !== 'string') throw new Error(`${path}: entry ${i + 1} needs a "site" and a "why" string`);
    return { site, why };
  });
}

/** Entries whose site no mutant of the current source has: the code moved on, judge it again. */
export function staleEquivalents(equivalents: readonly EquivalentMutant[], keys: Iterable<string>): EquivalentMutant[] {
  const live = new Set(keys);
  return equivalents.filter((entry) => !live.has(entry.site));
}
