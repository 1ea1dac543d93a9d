// lin.<file>_ms: the linearizability checker on each of porcupine's kv histories kept in
// test/check/testdata/porcupine-kv (so the bench runs on a fresh clone), set against Porcupine's
// own check times for the same files. Each check is cold in the sense that matters for a user:
// a fresh checkKvHistory call with no state carried over from an earlier check (every cache is
// built anew), in this process. The JavaScript engine is warm: passes over all four files run
// first (WARMUP_PASSES), and lin.first_check_ms reports what that very first check cost with a cold JIT.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkKvHistory } from '../check/linearizability.ts';
import { parsePorcupineKvHistory } from '../check/porcupine-format.ts';
import type { KvHistory } from '../check/history.ts';
import { wallMillis } from './wallclock.ts';
import type { Benchmark } from './extra-benchmarks.ts';

/** Each file and the verdict Porcupine gives it. */
const FILES: readonly (readonly [string, 'ok' | 'illegal'])[] = [
  ['c01-ok', 'ok'],
  ['c01-bad', 'illegal'],
  ['c10-ok', 'ok'],
  ['c10-bad', 'illegal'],
];
const CHECKS_PER_FILE = 41;
/** Passes over all four files before timing: V8 optimises a function after some hundreds of
 *  calls, and re-optimises the checker for a while after that. With 20 passes, in the bench's
 *  process, c01-bad still ran for stretches at 0.37 ms a check before settling at 0.12, so its
 *  median read anywhere from 0.13 to 0.37 from run to run; after 200 passes (about 0.2 s) every
 *  file had settled. */
const WARMUP_PASSES = 200;

function load(name: string): KvHistory {
  const path = fileURLToPath(new URL(`../../test/check/testdata/porcupine-kv/${name}.txt`, import.meta.url));
  return parsePorcupineKvHistory(readFileSync(path, 'utf8'));
}

/** Wall time of one check, in ms, after asserting Porcupine's verdict. */
function timeCheck(name: string, history: KvHistory, expected: string): number {
  const start = wallMillis();
  const verdict = checkKvHistory(history).result;
  const ms = wallMillis() - start;
  if (verdict !== expected) throw new Error(`lin bench: ${name} was judged ${verdict}, Porcupine says ${expected}`);
  return ms;
}

export const linBenchmark: Benchmark = async () => {
  const histories = FILES.map(([name, expected]) => [name, load(name), expected] as const);
  const rows: [string, number, string][] = [];
  let first = Number.NaN;
  for (let pass = 0; pass < WARMUP_PASSES; pass++) {
    for (const [name, history, expected] of histories) {
      const ms = timeCheck(name, history, expected);
      if (Number.isNaN(first)) first = ms;
    }
  }
  for (const [name, history, expected] of histories) {
    const times: number[] = [];
    for (let i = 0; i < CHECKS_PER_FILE; i++) times.push(timeCheck(name, history, expected));
    times.sort((a, b) => a - b);
    rows.push([`lin.${name}_ms`, times[CHECKS_PER_FILE >> 1]!, 'ms']);
  }
  rows.push(['lin.first_check_ms', first, 'ms']);
  return rows;
};
