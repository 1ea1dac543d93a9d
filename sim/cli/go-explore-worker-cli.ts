// A `rpcsim go explore` worker thread: loads the package's test binary once (the build is
// already cached by the main thread) and runs the seeds it is sent, one at a time.

import { parentPort, workerData } from 'node:worker_threads';
import { isGoTestProblem, prepareGoTest } from '../golang/go-test.ts';
import { runGoSeed, type GoExploreJob } from '../golang/explore-seed.ts';

const job = workerData as GoExploreJob;
const prepared = prepareGoTest(job.dir);
if (isGoTestProblem(prepared)) throw new Error(`go explore worker: ${job.dir} no longer builds`);
parentPort!.on('message', (seed: number) => {
  void runGoSeed(prepared, job, seed).then((verdict) => parentPort!.postMessage(verdict));
});
