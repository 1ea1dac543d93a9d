// suite.wall_ms and suite.virtual_s: every 2015 lab test, seed 1, trace off (as `go test` prints
// nothing but failures), one after another after a warm-up pass; plus each scenario's ops.

import type { Benchmark } from '../sim/bench/extra-benchmarks.ts';
import { SCENARIOS, runScenario } from './index.ts';

const LAB_TESTS = SCENARIOS.slice(0, 11).map((s) => s.name);

export const suiteBenchmark: Benchmark = async () => {
  for (const name of LAB_TESTS) await runScenario(name, { seed: 1, trace: false }); // warm-up
  const rows: [string, number, string][] = [];
  let wallMs = 0;
  let virtualMicros = 0;
  for (const name of LAB_TESTS) {
    const started = performance.now();
    const result = await runScenario(name, { seed: 1, trace: false });
    const ms = performance.now() - started;
    if (!result.ok) throw new Error(`suite bench: ${name} failed on seed 1: ${result.reason}`);
    wallMs += ms;
    virtualMicros += result.virtualMicros;
    rows.push([`suite.${name}.wall_ms`, ms, 'ms'], [`suite.${name}.ops`, result.opCount, 'ops']);
  }
  return [['suite.wall_ms', wallMs, 'ms'], ['suite.virtual_s', virtualMicros / 1e6, 's'], ...rows];
};
