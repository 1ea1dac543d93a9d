// A `rpcsim go explore` worker thread: runs the seeds it is sent, one at a time, on the test
// binary the main thread built and compiled, handed over whole (a WebAssembly.Module crosses to a
// worker thread as it is). Building again here could pick up sources changed since, and a
// worker would then run another program than the one the printed replay command rebuilds.

import { parentPort, workerData } from 'node:worker_threads';
import type { PreparedGoTest } from '../golang/go-test.ts';
import { runGoSeed, type GoExploreJob } from '../golang/explore-seed.ts';

const { job, prepared } = workerData as { job: GoExploreJob; prepared: PreparedGoTest };
parentPort!.on('message', (seed: number) => {
  void runGoSeed(prepared, job, seed).then((verdict) => parentPort!.postMessage(verdict));
});
