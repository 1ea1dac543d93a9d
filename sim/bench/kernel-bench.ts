// kernel.events_per_s: goroutines sleeping, locking and logging, with the journal recording.
// Measures the kernel's cost per event: agenda, chooser, resume, microtask hops, tracing.

import { Mutex, World, go, println, randomInt, sleep, WaitGroup } from '../index.ts';

const GOROUTINES = 100;
const ITERATIONS = 2_000;

export async function kernelWorkload(): Promise<number> {
  const world = new World({ seed: 1 });
  const report = await world.run(async () => {
    const mu = new Mutex();
    const done = new WaitGroup();
    for (let g = 0; g < GOROUTINES; g++) {
      done.add(1);
      go(async () => {
        for (let i = 0; i < ITERATIONS; i++) {
          if (i % 4 === 0) {
            await mu.lock();
            await sleep(1);
            mu.unlock();
          } else await sleep(1 + randomInt(50));
          if (i % 100 === 0) println(`goroutine ${g} at ${i}`);
        }
        done.done();
      });
    }
    await done.wait();
  });
  world.release(); // nobody reads this trace or its decisions: their buffers serve the next run
  return report.events;
}
