// The fingerprint of the simulated code: one hash over the sources whose behaviour a seed's run
// depends on (the kernel, network, RPC, faults and traces in sim/, the servers in protocol/, the
// scenarios). A trace file records it, so a replay that differs can say whether the program
// changed (the fingerprints differ) or not (then the difference is a determinism bug).
//
// Run from sources (tsx), it hashes the files next to this one. A bundled CLI has no sources
// beside it: its build computes the same value with `computeCodeFingerprint` and defines
// `__RPCSIM_CODE_FINGERPRINT__` (esbuild `define`), which this module then returns as is.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprint } from '../trace/hash.ts';

declare const __RPCSIM_CODE_FINGERPRINT__: string | undefined;

/** The folders that hold simulated code, from the repository root. */
const SIMULATED_ROOTS = ['sim', 'protocol', 'scenarios'] as const;

/** Printing, viewing, timing and benchmarking do not change what a seed does. */
const NOT_SIMULATED = /(^|\/)(cli|view|bench|replay)\/|cli[^/]*\.(ts|mjs)$|bench[^/]*\.ts$/;

let cached: string | undefined;

/** The fingerprint of the code this process runs ("code-" and 16 hex digits). */
export function codeFingerprint(): string {
  if (cached !== undefined) return cached;
  cached = typeof __RPCSIM_CODE_FINGERPRINT__ === 'string' ? __RPCSIM_CODE_FINGERPRINT__ : computeCodeFingerprint(rpcsimRoot());
  return cached;
}

/** The folder holding rpcsim's package.json, sim/, protocol/ and scenarios/. This module runs from
 *  sim/replay/ (sources) or from dist/cli.mjs (the CLI bundle, one level down, not two), so the root
 *  is found by walking up: a fixed '../../' from the bundle hashed no files at all, and every
 *  change of the code kept the same fingerprint. */
export function rpcsimRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === 'rpcsim') return dir;
    } catch {
      // no package.json here (or not JSON): look further up
    }
    const parent = dirname(dir);
    if (parent === dir) return fileURLToPath(new URL('../../', import.meta.url));
    dir = parent;
  }
}

/** The fingerprint of the sources under `root` (a checkout of this repository). */
export function computeCodeFingerprint(root: string): string {
  const files: string[] = [];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return; // a folder the checkout lacks hashes as empty
    }
    for (const name of names) {
      const path = join(dir, name);
      const rel = relative(root, path).split(sep).join('/');
      if (statSync(path).isDirectory()) {
        if (name !== 'node_modules' && !NOT_SIMULATED.test(`${rel}/`)) walk(path);
      } else if (/\.(ts|go)$/.test(name) && !NOT_SIMULATED.test(rel)) files.push(rel);
    }
  };
  for (const dir of SIMULATED_ROOTS) walk(join(root, dir));
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const parts = files.map((rel) => `${rel}\n${fingerprint(readFileSync(join(root, rel), 'utf8'))}`);
  return `code-${fingerprint(parts.join('\n'))}`;
}
