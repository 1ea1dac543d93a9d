// The flags of `npm run mutants` and `npm run student-bugs`, as a user types them: a wrong one is
// refused in one line on stderr with exit 2 (no stack trace) before any sandbox or explorer
// starts, and --help prints the usage line and exits 0.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCRIPTS = { mutants: 'sim/mutate/main.ts', 'student-bugs': 'sim/mutate/student-bugs-main.ts' } as const;

function script(name: keyof typeof SCRIPTS, ...args: string[]): { status: number | null; out: string[]; err: string[] } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPTS[name], ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');
  return { status: run.status, out: lines(run.stdout), err: lines(run.stderr) };
}

const BAD: [keyof typeof SCRIPTS, string[], RegExp][] = [
  ['mutants', ['--bogus'], /^mutants: Unknown option '--bogus'; usage: npm run mutants \[/],
  ['mutants', ['--seed'], /^mutants: Option '--seed <value>' argument missing; usage: /],
  ['mutants', ['--sites', '/nonexistent/sites.txt'], /^mutants: cannot read --sites \/nonexistent\/sites.txt \(ENOENT\)/],
  ['student-bugs', ['--sample', '10'], /^student-bugs: Unknown option '--sample'; usage: npm run student-bugs \[-- --runs R --jobs J\]$/],
];

describe('the flags of the mutation scripts', () => {
  for (const [name, args, message] of BAD) {
    it(`should refuse ${name} ${args.join(' ')} in one line, exit 2`, () => {
      const run = script(name, ...args);
      expect(run.err).toHaveLength(1);
      expect(run.err[0]).toMatch(message);
      expect(run.out).toEqual([]);
      expect(run.status).toBe(2);
    });
  }

  for (const name of ['mutants', 'student-bugs'] as const) {
    it(`should print ${name}'s usage for --help and exit 0`, () => {
      const run = script(name, '--help');
      expect(run.out).toEqual([expect.stringMatching(new RegExp(`^npm run ${name} \\[-- --`))]);
      expect(run.err).toEqual([]);
      expect(run.status).toBe(0);
    });
  }
});
