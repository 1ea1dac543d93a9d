// `npm run bench`: the core's benchmarks (sim/bench) plus the lab's: the whole 2015 suite with
// one seed, as `go test` would run it (suite.wall_ms, suite.virtual_s, and per-scenario rows).

import { runBenchmarks } from '../sim/bench/main.ts';
import type { Benchmark } from '../sim/bench/extra-benchmarks.ts';
import { linBenchmark } from '../sim/bench/lin-bench.ts';
import { suiteBenchmark } from './bench-suite-wallclock.ts';

// It takes no flags: one it ignored would leave the user thinking the figures obeyed it.
const args = process.argv.slice(2);
if (args.length > 0) {
  process.stderr.write(`bench: it takes no arguments ("${args.join(' ')}" given); run npm run bench alone\n`);
  process.exit(2);
}

// The checker's rows are sub-millisecond: run after the simulator's workloads, a collection of
// their garbage (and their pooled trace buffers) lands inside checks and doubled c01-bad's median
// from run to run. Porcupine's figures come from a process that did nothing else, so the checker
// is timed first, on a clean heap, and its rows printed last as before.
const linRows = await linBenchmark();
const extra: readonly Benchmark[] = [suiteBenchmark, async () => linRows];
await runBenchmarks(extra);
