// The README's "Your own servers" section, run as written: its console session (init, a pass, a
// one-line mistake, the failure, an IDENTICAL replay, the implementation-changed notice) is
// replayed command by command in a temp folder and must print what the README shows (wall-clock
// seconds aside; a "..." line stands for any lines); the worked example's port is the code the
// init template runs; and every rpcsim name the porting guide uses is exported from 'rpcsim'.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as api from '../../scenarios/rpcsim.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const SECTION = README.slice(README.indexOf('## Your own servers'), README.indexOf('## What is in here'));
const work = mkdtempSync(join(tmpdir(), 'rpcsim-readme-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function block(language: string, nth = 0): string {
  const blocks = [...SECTION.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))];
  return blocks[nth]![1]!;
}

const wall = (line: string): string => line.replace(/[0-9.]+ s wall/, 'N s wall');

/** Output lines against the README's: equal but for wall time, "..." matching any run of lines. */
function matches(actual: readonly string[], expected: readonly string[]): boolean {
  if (expected.length === 0) return actual.length === 0;
  const [head, ...tail] = expected;
  if (head === '...') return actual.some((_, i) => matches(actual.slice(i), tail)) || matches([], tail);
  return actual.length > 0 && wall(actual[0]!) === wall(head!) && matches(actual.slice(1), tail);
}

describe("the README's own-servers section", () => {
  it('should print what the README shows, command by command', () => {
    const session = block('console').trimEnd().split('\n');
    let i = 0;
    while (i < session.length) {
      const command = session[i]!.slice(2);
      expect(session[i]!.startsWith('$ ')).toBe(true);
      const expected: string[] = [];
      for (i++; i < session.length && !session[i]!.startsWith('$ '); i++) expected.push(session[i]!);
      const line = command.replaceAll('npx rpcsim', `${process.execPath} ${join(ROOT, 'scenarios', 'bin.mjs')}`);
      const run = spawnSync('bash', ['-c', line], { cwd: work, encoding: 'utf8' });
      const actual = `${run.stdout}${run.stderr}`.trimEnd().split('\n').filter((l) => l !== '');
      expect(matches(actual, expected), `$ ${command}\n${actual.join('\n')}`).toBe(true);
    }
  }, 120_000);

  it("should quote the init template's Forward as the worked example's port", () => {
    expect(readFileSync(join(ROOT, 'scenarios/init-template/pbservice/server.ts'), 'utf8')).toContain(block('ts'));
  });

  it("should use only names that 'rpcsim' exports in the porting guide", () => {
    for (const name of ['Mutex', 'call', 'go', 'sleep', 'PingInterval', 'RpcServer', 'removeFile', 'listen', 'GoError', 'acceptLoop', 'println', 'nrand', 'randomInt']) {
      expect(SECTION).toContain(name);
      expect(api, name).toHaveProperty(name);
    }
  });
});
