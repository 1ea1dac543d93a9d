// The simulated world (sim/, protocol/, scenarios/) may not read real time or real randomness,
// or depend on object key order or an unspecified sort: any of these breaks "same seed, same trace".

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanSource, scanTree } from './scan.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('determinism ban', () => {
  it('should find no real time, randomness or unstable ordering in sim/, protocol/ and scenarios/', () => {
    const violations = scanTree(ROOT, ['sim', 'protocol', 'scenarios']);
    expect(violations.map((v) => `${v.file}:${v.line}: ${v.why}: ${v.text}`)).toEqual([]);
  });

  it('should catch each banned construct when it is planted', () => {
    const planted = [
      'const x = Math.random();',
      'const t = Date.now();',
      'const d = new Date();',
      'const p = performance.now();',
      'setTimeout(() => {}, 1);',
      'setImmediate(f);',
      'const b = crypto.randomUUID();',
      'const h = process.hrtime.bigint();',
      'xs.sort();',
      'for (const k in obj) {}',
    ];
    for (const line of planted) expect(scanSource('planted.ts', line), line).toHaveLength(1);
  });

  it('should ignore comments and comparator sorts', () => {
    expect(scanSource('ok.ts', '// Math.random() is banned\nxs.sort((a, b) => a - b);\n * uses Date.now() in prose')).toEqual([]);
  });
});
