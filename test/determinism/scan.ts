// The scanner behind the determinism ban: finds real time, real randomness,
// order-unstable iteration and comparator-less sorts in the simulated world's sources. Only the
// files listed in EXEMPT, each with the reason it needs real time, are not scanned: a file is
// exempted by name, never by a pattern (a pattern on "cli" once exempted every client.ts).

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

/** Files that run outside the simulated world, relative to the repository root, and why. */
export const EXEMPT: ReadonlyMap<string, string> = new Map([
  ['sim/bench/wallclock.ts', 'the benchmark clock: times runs in real milliseconds'],
  ['scenarios/bench-suite-wallclock.ts', 'the benchmark suite: times each scenario in real time'],
  ['scenarios/stories/teach-breakpoint-realtime.ts', 'a breakpoint held in real time, the effect the lesson shows'],
  ['sim/cli/command-go-cli.ts', 'rpcsim go test: the wall time it prints beside the virtual time'],
  ['sim/cli/command-go-explore-cli.ts', 'rpcsim go explore: the wall time of its summary'],
  ['sim/cli/event-loop-cli.ts', 'yields to the event loop between runs, so Ctrl-C lands in explore and shrink'],
  ['sim/cli/command-check-history-cli.ts', 'check-history: a real-time deadline and the checking time it prints'],
  ['sim/explore/pool.ts', 'the explorer\'s pool: times runs to size batches, yields to the event loop between them'],
  ['sim/mutate/run-mutants.ts', 'npm run mutants: a wall-clock limit on each mutant\'s exploration'],
  ['sim/explore/child.ts', 'an explorer child process: yields to the event loop between runs so a cutoff lands'],
  ['sim/kernel/stuck-watch.ts', 'notices a goroutine stuck awaiting something outside the simulation: a timer runs only once a run\'s microtasks have run dry'],
]);

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
      else if (path.endsWith('.ts') && !EXEMPT.has(relative(root, path))) out.push(...scanSource(relative(root, path), readFileSync(path, 'utf8')));
    }
  };
  for (const dir of dirs) walk(join(root, dir));
  return out;
}
