// `npm run bench`: one line per metric, `<metric> <value> <unit>`. Performance targets live here,
// not in timed tests. Each workload runs once to warm up, then the best of three is reported.

import { bestOf } from './wallclock.ts';
import { kernelWorkload } from './kernel-bench.ts';
import { rpcWorkload } from './rpc-bench.ts';
import type { Benchmark } from './extra-benchmarks.ts';

function line(metric: string, value: number, unit: string): void {
  const shown = value >= 100 ? Math.round(value).toString() : value.toFixed(2);
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

  for (const bench of extra) {
    for (const [metric, value, unit] of await bench()) line(metric, value, unit);
  }
}
