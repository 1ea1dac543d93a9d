// A worker thread of `rpcsim explore --jobs N`: loads its own copy of the catalogue (from the
// module URL the composition root gave), then runs each seed index the main thread sends and
// posts back its verdict. Runs share nothing, so a seed's verdict is the same in any thread.

import { parentPort, workerData } from 'node:worker_threads';
import type { Catalogue } from './catalogue.ts';
import { runSeed, type SeedJob } from './explore-seed.ts';

export interface WorkerSetup extends SeedJob {
  readonly moduleUrl: string;
}

export interface RunMessage {
  readonly index: number;
  readonly seed: number;
}

/**
 * Serves seeds in this worker thread until the main thread ends it. A function, not top-level
 * code, so that the CLI bundle can carry it and a worker thread boots from the same bundle.
 */
export async function serveExploreWorker(): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('serveExploreWorker runs only in a worker thread');
  const setup = workerData as WorkerSetup;
  const loaded = (await import(setup.moduleUrl)) as { catalogue?: Catalogue };
  const catalogue = loaded.catalogue;
  if (catalogue === undefined) throw new Error(`${setup.moduleUrl} does not export a catalogue`);

  // One seed at a time, in the order they arrive: the main thread sends the next only after this
  // one's verdict, so the queue here never holds more than one message.
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (message: RunMessage) => {
    queue = queue.then(async () => port.postMessage(await runSeed(catalogue, setup, message.index, message.seed)));
  });
}
