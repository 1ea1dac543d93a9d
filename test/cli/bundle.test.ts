// The `rpcsim` command runs an esbuild bundle that it builds on the first run after a source
// changes. On a private copy of the package: the first run builds dist/cli.mjs, a later run reuses
// it, an edited .ts file is in the very next run's output (never a stale bundle), and explore's
// child processes boot from the same bundle.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');
const copy = mkdtempSync(join(tmpdir(), 'rpcsim-bundle-'));
for (const dir of ['sim', 'protocol', 'scenarios']) cpSync(join(REPO, dir), join(copy, dir), { recursive: true });
cpSync(join(REPO, 'package.json'), join(copy, 'package.json'));
symlinkSync(join(REPO, 'node_modules'), join(copy, 'node_modules'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const rpcsim = (...args: string[]): string => execFileSync(process.execPath, [join(copy, 'scenarios/bin.mjs'), ...args], { encoding: 'utf8' });
const bundleMtimeMs = (): number => statSync(join(copy, 'dist/cli.mjs')).mtimeMs;

describe('the rpcsim bundle', () => {
  it('should build on the first run, reuse the bundle after, and rebuild when a source changes', () => {
    // The summary says what it counts: kernel events, not the trace's events (view counts those).
    expect(rpcsim('run', 'viewservice', '--seed', '1')).toMatch(/PASS viewservice \(seed 1\): .* client ops, \d+ kernel events, /);
    const built = bundleMtimeMs();
    expect(readFileSync(join(copy, 'dist/cli.mjs'), 'utf8')).toContain('client ops');

    rpcsim('run', 'viewservice', '--seed', '1');
    expect(bundleMtimeMs()).toBe(built);

    const source = join(copy, 'sim/cli/command-run.ts');
    writeFileSync(source, readFileSync(source, 'utf8').replace('client ops', 'client calls'));
    expect(rpcsim('run', 'viewservice', '--seed', '1')).toMatch(/PASS viewservice \(seed 1\): .* client calls/);
  });

  it('should run explore child processes from the bundle', () => {
    const out = rpcsim('explore', 'viewservice', '--seeds', '4', '--jobs', '2');
    expect(readFileSync(join(copy, 'dist/child-boot.mjs'), 'utf8')).toContain("import('./cli.mjs')");
    expect(out).toMatch(/· 2 jobs ·/);
    expect(out).toMatch(/PASS: no failing seed in 4 seeds/);
  });
});
