// `npm run bench`: the core's benchmarks (sim/bench) plus the lab's: the whole 2015 suite with
// one seed, as `go test` would run it (suite.wall_ms, suite.virtual_s, and per-scenario rows).

import { runBenchmarks } from '../sim/bench/main.ts';
import type { Benchmark } from '../sim/bench/extra-benchmarks.ts';
import { linBenchmark } from '../sim/bench/lin-bench.ts';
import { suiteBenchmark } from './bench-suite-wallclock.ts';

const extra: readonly Benchmark[] = [suiteBenchmark, linBenchmark];
await runBenchmarks(extra);
