// Comments may cite a file only if the repository has it: a reader must be able to open what a
// comment points to. Scans the comments of every source file for names ending in .md or .txt.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'testdata') return [];
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|mjs)$/.test(name) ? [path] : [];
  });
}

const repoFiles = new Set(['sim', 'protocol', 'scenarios', 'test'].flatMap((d) => sources(join(ROOT, d))).map((p) => basename(p)));
repoFiles.add('README.md');

describe('comments', () => {
  it('should cite only files the repository has', () => {
    const bad: string[] = [];
    for (const file of ['sim', 'protocol', 'scenarios', 'test'].flatMap((d) => sources(join(ROOT, d)))) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        const comment = /(?:^|\s)(?:\/\/|\*|\/\*)(.*)$/.exec(line)?.[1];
        if (comment === undefined) return;
        for (const [cited] of comment.matchAll(/[\w./-]+\.(?:md|txt)\b/g)) {
          if (!existsSync(join(ROOT, cited)) && !repoFiles.has(basename(cited))) bad.push(`${file.slice(ROOT.length)}:${i + 1}: ${cited}`);
        }
      });
    }
    expect(bad).toEqual([]);
  });
});
