// The build patches the installed toolchain's own IndexByte (never a copy of Go's file kept
// here): the patched file differs from Go 1.19's only in the widening after memchr, and a
// toolchain whose file does not read as expected is refused, not built half-patched.

import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { patchedToolchainFiles } from '../../sim/golang/toolchain-patches.ts';

const dir = mkdtempSync(join(tmpdir(), 'rpcsim-patch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeGoroot(indexByte: string): string {
  const goroot = mkdtempSync(join(dir, 'goroot-'));
  mkdirSync(join(goroot, 'src', 'internal', 'bytealg'), { recursive: true });
  writeFileSync(join(goroot, 'src', 'internal', 'bytealg', 'indexbyte_wasm.s'), indexByte);
  return goroot;
}

const GO_119_SHAPE = 'TEXT ·IndexByte(SB)\n\tCall memchr<>(SB)\n\tI64ExtendI32S\n\tSet R0\nTEXT ·IndexByteString(SB)\n\tCall memchr<>(SB)\n\tI64ExtendI32S\n';

describe('patching the toolchain IndexByte', () => {
  it('should widen memchr results unsigned and change nothing else', () => {
    const [[original, patched]] = patchedToolchainFiles(fakeGoroot(GO_119_SHAPE), join(dir, 'cache')) as [[string, string]];
    expect(original.endsWith(join('src', 'internal', 'bytealg', 'indexbyte_wasm.s'))).toBe(true);
    expect(readFileSync(patched, 'utf8')).toBe(GO_119_SHAPE.replaceAll('I64ExtendI32S', 'I64ExtendI32U'));
  });

  it('should refuse a file that does not read as Go 1.19 does', () => {
    const fixed = GO_119_SHAPE.replaceAll('I64ExtendI32S', 'I64ExtendI32U');
    expect(() => patchedToolchainFiles(fakeGoroot(fixed), join(dir, 'cache'))).toThrow(/cannot apply the wasm IndexByte past 2 GiB .* patch to .*indexbyte_wasm.s: expected 2 matches, found 0/);
  });
});
