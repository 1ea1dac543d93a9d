// `npx rpcsim` runs the esbuild bundle in dist/, one folder below the package root, not two like
// the sources in sim/: the bundle must still name the package's version and fingerprint the
// simulated sources, or a replay after a code change blames a determinism bug instead of the edit.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeCodeFingerprint } from '../../sim/replay/code-fingerprint.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('rpcsim --version, as npx runs it', () => {
  it('should print the package version and the fingerprint of the sources on disk', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scenarios', 'bin.mjs'), '--version'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const code = computeCodeFingerprint(ROOT);
    // The hash of no files at all, which the bundle printed when it looked for sources above the root.
    expect(code).not.toBe(computeCodeFingerprint(join(ROOT, 'no-such-folder')));
    expect(run.stdout).toBe(`rpcsim ${version} (simulated code ${code})\n`);
  }, 120_000);
});
