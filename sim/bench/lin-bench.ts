// lin.c10_ok_ms: the linearizability checker on porcupine's 10-client ok history (kept in
// test/check/testdata/porcupine-kv, so the bench runs on a fresh clone).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkKvHistory } from '../check/linearizability.ts';
import { parsePorcupineKvHistory } from '../check/porcupine-format.ts';
import { bestOf } from './wallclock.ts';
import type { Benchmark } from './extra-benchmarks.ts';

const C10_OK = fileURLToPath(new URL('../../test/check/testdata/porcupine-kv/c10-ok.txt', import.meta.url));

export const linBenchmark: Benchmark = async () => {
  const history = parsePorcupineKvHistory(readFileSync(C10_OK, 'utf8'));
  let verdict = '';
  const ms = await bestOf(5, async () => {
    verdict = checkKvHistory(history).result;
  });
  if (verdict !== 'ok') throw new Error(`lin bench: c10-ok was judged ${verdict}`);
  return [['lin.c10_ok_ms', ms, 'ms']];
};
