// A child process of a parallel exploration: loads its own copy of the target (from the module
// URL it was started with), then runs the runs of each batch it is sent, in order, replying with
// each verdict. Runs share nothing, so a run's verdict is the same in any process.

import type { ExploreTarget, SeedRun, SeedVerdict } from './seed-run.ts';
import { runSeed } from './seed-run.ts';

export type ToChild =
  | { readonly type: 'batch'; readonly items: readonly { readonly index: number; readonly run: SeedRun }[] }
  | { readonly type: 'cutoff'; readonly limit: number }
  | { readonly type: 'give-back' };

export type FromChild =
  | { readonly type: 'verdict'; readonly verdict: SeedVerdict }
  | { readonly type: 'skipped'; readonly index: number }
  | { readonly type: 'returned'; readonly indexes: readonly number[] };

/**
 * Serves batches in this child process until the parent disconnects. A function, not top-level
 * code, so that the CLI bundle can carry it and a child boots from the same bundle as its parent.
 */
export async function serveExploreChild(): Promise<void> {
  const send = process.send?.bind(process);
  if (send === undefined) throw new Error('serveExploreChild runs only in a child process of an exploration');
  // Ctrl-C reaches the whole process group; the parent decides what stops, and then stops us.
  process.on('SIGINT', () => {});
  process.on('disconnect', () => process.exit(0));

  const moduleUrl = process.argv[2] ?? '';
  const loaded = (await import(moduleUrl)) as { catalogue?: ExploreTarget };
  const target = loaded.catalogue;
  if (target === undefined) throw new Error(`${moduleUrl} does not export a catalogue`);

  const queue: { index: number; run: SeedRun }[] = [];
  let limit = Number.POSITIVE_INFINITY;
  let running = false;

  const drain = async (): Promise<void> => {
    running = true;
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      const reply: FromChild = item.index >= limit ? { type: 'skipped', index: item.index } : { type: 'verdict', verdict: await runSeed(target, item.run, item.index) };
      send(reply);
      // Let a cutoff that arrived during the run land before the next one starts.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    running = false;
  };

  process.on('message', (message: ToChild) => {
    if (message.type === 'give-back') {
      // The parent ran out of runs while we hold some: hand back the later half not yet started.
      const back = queue.splice(queue.length - Math.ceil(queue.length / 2));
      send({ type: 'returned', indexes: back.map((item) => item.index) });
      return;
    }
    if (message.type === 'cutoff') limit = Math.min(limit, message.limit);
    else queue.push(...message.items);
    if (!running) void drain();
  });
}
