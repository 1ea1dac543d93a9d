// Fixes to the installed toolchain's own standard-library files, made at build time: the file
// is read from GOROOT, a named instruction sequence is swapped, and the result joins the build
// overlay (build.ts). Go's files are never copied into this repository; a patch whose text is
// not found exactly as expected (another Go release) fails the build in one line instead of
// silently building something else.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface ToolchainPatch {
  /** The file under GOROOT/src. */
  readonly target: string;
  readonly from: string;
  readonly to: string;
  /** How many times `from` occurs in the toolchain's file. */
  readonly occurrences: number;
  readonly why: string;
}

const PATCHES: readonly ToolchainPatch[] = [
  {
    // memchr returns the address of the byte it found as a wasm i32, and Go 1.19 widens it with
    // I64ExtendI32S: once the heap passes 2 GiB of linear memory (a long suite with GOGC=off
    // does), that address comes back negative, IndexByte returns about -2^32 instead of the
    // index, and strings.Index, which trusts any negative, reports a present substring as
    // absent. Native Go has no such limit. Go fixed it upstream the same way (golang/go#65571,
    // "internal/bytealg: extend memchr result correctly on wasm"): the address is unsigned.
    target: 'internal/bytealg/indexbyte_wasm.s',
    from: 'Call memchr<>(SB)\n\tI64ExtendI32S',
    to: 'Call memchr<>(SB)\n\tI64ExtendI32U',
    occurrences: 2,
    why: "wasm IndexByte past 2 GiB (Go's later fix, golang/go#65571)",
  },
];

/** The patched files, written under `cacheDir` (named by content), as overlay entries:
 *  toolchain path → patched copy. Throws when a patch no longer matches the toolchain. */
export function patchedToolchainFiles(goroot: string, cacheDir: string): [string, string][] {
  const dir = join(cacheDir, 'patched');
  mkdirSync(dir, { recursive: true });
  return PATCHES.map((patch) => {
    const original = join(goroot, 'src', patch.target);
    const text = readFileSync(original, 'utf8');
    const found = text.split(patch.from).length - 1;
    if (found !== patch.occurrences) throw new Error(`cannot apply the ${patch.why} patch to ${original}: expected ${patch.occurrences} matches, found ${found}`);
    const patched = text.split(patch.from).join(patch.to);
    const name = `${createHash('sha256').update(patched).digest('hex').slice(0, 12)}-${patch.target.split('/').pop()}`;
    const path = join(dir, name);
    // Named by content, so one written earlier is this one; written whole or not at all, since
    // parallel runs may patch at once.
    if (!existsSync(path)) {
      writeFileSync(`${path}.${process.pid}.part`, patched);
      renameSync(`${path}.${process.pid}.part`, path);
    }
    return [original, path];
  });
}
