// The bug catalogue against the code: every catalogued bug is one guarded deviation, at exactly
// one place, in the file of the component it belongs to, and no guard names an unknown bug.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUGS, BUG_CATCHES, isBugName, type BugComponent } from '../../protocol/index.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FILE_OF: ReadonlyMap<BugComponent, string> = new Map([
  ['viewservice', 'protocol/viewservice/server.ts'],
  ['pbservice-server', 'protocol/pbservice/server.ts'],
  ['pbservice-clerk', 'protocol/pbservice/client.ts'],
]);

/** Every `bugs.has('…')` in protocol/, as [file, bug name]. */
function guards(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort((a, b) => a.localeCompare(b))) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) {
        for (const match of readFileSync(path, 'utf8').matchAll(/bugs\.has\('([^']+)'\)/g)) out.push([relative(ROOT, path), match[1]!]);
      }
    }
  };
  walk(join(ROOT, 'protocol'));
  return out;
}

describe('bug catalogue', () => {
  it('should list unique kebab-case names, each caught by at least one listed run', () => {
    const names = BUGS.map((bug) => bug.name);
    expect(new Set(names).size).toBe(names.length);
    for (const bug of BUGS) {
      expect(bug.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(bug.description.length).toBeGreaterThan(20);
      expect(BUG_CATCHES.filter((c) => c.bug === bug.name).length).toBeGreaterThan(0);
    }
  });

  it.each(BUGS.map((bug) => [bug.name, bug.component] as const))('should guard %s at exactly one place, in its %s file', (name, component) => {
    const places = guards().filter(([, bug]) => bug === name);
    expect(places).toEqual([[FILE_OF.get(component), name]]);
  });

  it('should guard no bug that is not in the catalogue', () => {
    expect(guards().filter(([, bug]) => !isBugName(bug))).toEqual([]);
  });
});
