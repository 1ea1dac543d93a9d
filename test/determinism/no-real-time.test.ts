// The simulated world (sim/, protocol/, scenarios/) may not read real time or real randomness,
// or depend on object key order or an unspecified sort: any of these breaks "same seed, same trace".

import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXEMPT, scanSource, scanTree } from './scan.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('determinism ban', () => {
  it('should find no real time, randomness or unstable ordering in sim/, protocol/ and scenarios/', () => {
    const violations = scanTree(ROOT, ['sim', 'protocol', 'scenarios']);
    expect(violations.map((v) => `${v.file}:${v.line}: ${v.why}: ${v.text}`)).toEqual([]);
  });

  it('should exempt only files that exist, each by its full name', () => {
    const missing = [...EXEMPT.keys()].filter((file) => !existsSync(join(ROOT, file)));
    expect(missing).toEqual([]);
  });

  it('should scan a file whose name merely contains an exempt word, and skip a listed one', () => {
    const root = mkdtempSync(join(tmpdir(), 'rpcsim-scan-'));
    for (const file of ['protocol/pbservice/client.ts', 'sim/explore/pool.ts']) {
      mkdirSync(join(root, dirname(file)), { recursive: true });
      writeFileSync(join(root, file), 'const t = Date.now();\n');
    }
    expect(scanTree(root, ['protocol', 'sim']).map((v) => v.file)).toEqual(['protocol/pbservice/client.ts']);
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
