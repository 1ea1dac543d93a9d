// `npm run bench`: one line per metric, `<metric> <value> <unit>`. Performance targets live here,
// not in timed tests. Each workload runs once to warm up; see paired.ts for how rates and ratios are timed.

import { wallMillis } from './wallclock.ts';
import { pairedRates } from './paired.ts';
import { kernelWorkload } from './kernel-bench.ts';
import { rpcRun, rpcWorkload } from './rpc-bench.ts';
import type { Benchmark } from './extra-benchmarks.ts';
import { floorKernelWorkload, floorRpcWorkload } from './floor-bench.ts';

function line(metric: string, value: number, unit: string): void {
  // Ratios to three significant digits: 0.10 and 0.104 differ by a step of progress.
  const shown = unit === 'ratio' ? value.toPrecision(3) : value >= 100 ? Math.round(value).toString() : value >= 0.1 ? value.toFixed(2) : value.toFixed(4);
  console.log(`${metric} ${shown} ${unit}`);
}

/** Runs the core benchmarks, then `extra` (the layers above add theirs: the lab suite, ...). */
export async function runBenchmarks(extra: readonly Benchmark[]): Promise<void> {
  // Each rate is rpcsim's units per CPU-second, paired round by round with the floor
  // (floor-bench.ts: the same workloads on the leanest promise-based simulator); the ratios are
  // the medians of the per-round ratios, so they hold on a loaded machine where the rates do not.
  const kernel = await pairedRates(kernelWorkload, floorKernelWorkload);
  const rpc = await pairedRates(rpcWorkload, floorRpcWorkload);
  line('kernel.events_per_s', kernel.rate, 'events/s');
  line('rpc.calls_per_s', rpc.rate, 'calls/s');
  line('floor.kernel.events_per_s', kernel.floorRate, 'events/s');
  line('floor.rpc.calls_per_s', rpc.floorRate, 'calls/s');
  line('kernel.vs_floor', kernel.ratio, 'ratio');
  line('rpc.vs_floor', rpc.ratio, 'ratio');

  // Reading a trace turns the journal's columns back into event objects: timed apart from the run.
  let decoded = 0;
  let decodeMs = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round++) {
    const { report } = await rpcRun();
    const start = wallMillis();
    decoded = report.trace.length;
    decodeMs = Math.min(decodeMs, wallMillis() - start);
  }
  line('trace.decode_events_per_s', decoded / (decodeMs / 1000), 'events/s');

  for (const bench of extra) {
    for (const [metric, value, unit] of await bench()) line(metric, value, unit);
  }
}
