// `npm run bench`: one line per metric, `<metric> <value> <unit>`. Performance targets live here,
// not in timed tests. Each workload runs once to warm up, then the best of three is reported.

import { bestOf, wallMillis } from './wallclock.ts';
import { kernelWorkload } from './kernel-bench.ts';
import { rpcRun, rpcWorkload } from './rpc-bench.ts';
import type { Benchmark } from './extra-benchmarks.ts';
import { floorKernelWorkload, floorRpcWorkload } from './floor-bench.ts';

function line(metric: string, value: number, unit: string): void {
  const shown = value >= 100 ? Math.round(value).toString() : value >= 0.1 ? value.toFixed(2) : value.toFixed(4);
  console.log(`${metric} ${shown} ${unit}`);
}

/** Runs the core benchmarks, then `extra` (the layers above add theirs: the lab suite, ...). */
export async function runBenchmarks(extra: readonly Benchmark[]): Promise<void> {
  let events = 0;
  const kernelMs = await bestOf(3, async () => {
    events = await kernelWorkload();
  });
  line('kernel.events_per_s', events / (kernelMs / 1000), 'events/s');

  let calls = 0;
  const rpcMs = await bestOf(3, async () => {
    calls = await rpcWorkload();
  });
  line('rpc.calls_per_s', calls / (rpcMs / 1000), 'calls/s');

  // The floor (floor-bench.ts): the same workloads on the leanest promise-based simulator, in this
  // run, so the ratios hold on a loaded machine where the absolute rates do not.
  let floorEvents = 0;
  const floorKernelMs = await bestOf(3, async () => {
    floorEvents = await floorKernelWorkload();
  });
  let floorCalls = 0;
  const floorRpcMs = await bestOf(3, async () => {
    floorCalls = await floorRpcWorkload();
  });
  const kernelRate = events / (kernelMs / 1000);
  const floorKernelRate = floorEvents / (floorKernelMs / 1000);
  const rpcRate = calls / (rpcMs / 1000);
  const floorRpcRate = floorCalls / (floorRpcMs / 1000);
  line('floor.kernel.events_per_s', floorKernelRate, 'events/s');
  line('floor.rpc.calls_per_s', floorRpcRate, 'calls/s');
  line('kernel.vs_floor', kernelRate / floorKernelRate, 'ratio');
  line('rpc.vs_floor', rpcRate / floorRpcRate, 'ratio');

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
