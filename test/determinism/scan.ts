// The scanner behind the determinism ban: finds real time, real randomness,
// order-unstable iteration and comparator-less sorts in the simulated world's sources. Only
// files named for real time or the CLI (realtime, wallclock, cli) may touch real time.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const BANNED: readonly { readonly pattern: RegExp; readonly why: string }[] = [
  { pattern: /\bMath\.random\s*\(/, why: 'real randomness: draw from the chooser' },
  { pattern: /\bDate\.now\s*\(|\bnew Date\s*\(/, why: 'real time: use the kernel clock' },
  { pattern: /\bperformance\.now\s*\(/, why: 'real time: use the kernel clock' },
  { pattern: /\b(setTimeout|setInterval|setImmediate)\s*\(/, why: 'real timers: use sleep()' },
  { pattern: /\bcrypto\./, why: 'real randomness: draw from the chooser' },
  { pattern: /\bprocess\.hrtime\b/, why: 'real time: use the kernel clock' },
  { pattern: /\.sort\(\s*\)/, why: 'sort() without a comparator' },
  { pattern: /\bfor\s*\(\s*(const|let|var)\s+\w+\s+in\s/, why: 'for…in over object keys: use a Map' },
];

const EXEMPT = /(realtime|wallclock|cli)[^/]*\.ts$/;

export interface Violation {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly why: string;
}

export function scanSource(file: string, source: string): Violation[] {
  const out: Violation[] = [];
  source.split('\n').forEach((text, index) => {
    const code = text.replace(/\/\/.*$/, '').trim();
    if (code.startsWith('*') || code.startsWith('/*')) return;
    for (const { pattern, why } of BANNED) if (pattern.test(code)) out.push({ file, line: index + 1, text: text.trim(), why });
  });
  return out;
}

export function scanTree(root: string, dirs: readonly string[]): Violation[] {
  const out: Violation[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort((a, b) => a.localeCompare(b))) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts') && !EXEMPT.test(path)) out.push(...scanSource(relative(root, path), readFileSync(path, 'utf8')));
    }
  };
  for (const dir of dirs) walk(join(root, dir));
  return out;
}
