// The kernel's own promises: time only moves forward, goroutines start after their creator's
// step, a Go mutex serialises and hands over, pause holds a process while time goes on, and a
// run says which bound stopped it.

import { describe, expect, it } from 'vitest';
import { Mutex, World, crashProcess, go, nowMicros, pauseProcess, resumeProcess, sleep, spawnProcess } from '../../sim/index.ts';
import { KEEP_BLOCKED } from '../../sim/kernel/kernel.ts';

describe('kernel', () => {
  it('should advance virtual time only by sleeping, in whole microseconds', async () => {
    const seen: number[] = [];
    const report = await new World({ seed: 1 }).run(async () => {
      seen.push(nowMicros());
      await sleep(250);
      seen.push(nowMicros());
      await sleep(0);
      seen.push(nowMicros());
    });
    expect(seen).toEqual([0, 250, 250]);
    expect(report.stop).toBe('main-returned');
  });

  it('should start a goroutine only after its creator blocks', async () => {
    const order: string[] = [];
    await new World({ seed: 1 }).run(async () => {
      go(() => {
        order.push('child');
      });
      order.push('parent before block');
      await sleep(1);
      order.push('parent after block');
    });
    expect(order).toEqual(['parent before block', 'child', 'parent after block']);
  });

  it('should let only one goroutine hold a mutex, and never lose an increment', async () => {
    let counter = 0;
    let inside = 0;
    let maxInside = 0;
    const report = await new World({ seed: 9 }).run(async () => {
      const mu = new Mutex();
      const done = { n: 0 };
      for (let g = 0; g < 8; g++) {
        go(async () => {
          for (let i = 0; i < 50; i++) {
            await mu.lock();
            inside++;
            maxInside = Math.max(maxInside, inside);
            const read = counter;
            await sleep(1 + (i % 3)); // hold the lock across a blocking call
            counter = read + 1;
            inside--;
            mu.unlock();
          }
          done.n++;
        });
      }
      while (done.n < 8) await sleep(100);
    });
    expect(report.failure).toBeNull();
    expect(counter).toBe(400);
    expect(maxInside).toBe(1);
  });

  it('should hand a mutex only to live waiters, in the order they came when the chooser takes the first', async () => {
    const order: string[] = [];
    const first = { pick: (): number => 0 }; // every tie and every handoff: the first candidate
    await new World({ seed: 1, chooser: first }).run(async () => {
      const mu = new Mutex();
      await mu.lock();
      const waitFor = (name: string) => async (): Promise<void> => {
        await mu.lock();
        order.push(name);
        await sleep(5);
        mu.unlock();
      };
      const doomed = spawnProcess('p', () => go(waitFor('p'), 'w'));
      go(waitFor('b'), 'b');
      go(waitFor('c'), 'c');
      go(waitFor('d'), 'd');
      await sleep(10); // all four wait, p's first
      crashProcess(doomed.proc);
      mu.unlock();
      await sleep(100);
    });
    expect(order).toEqual(['b', 'c', 'd']);
  });

  it('should refuse to unlock an unlocked mutex, as Go does', async () => {
    const report = await new World({ seed: 1 }).run(async () => {
      new Mutex().unlock();
    });
    expect(report.stop).toBe('task-failed');
    expect(String(report.failure?.error)).toContain('sync: unlock of unlocked mutex');
  });

  it('should hold a paused process while time goes on, then run what it missed', async () => {
    const ticks: number[] = [];
    await new World({ seed: 1 }).run(async () => {
      const { proc } = spawnProcess('s1', () =>
        go(async () => {
          for (;;) {
            ticks.push(nowMicros());
            await sleep(100);
          }
        }),
      );
      await sleep(250);
      pauseProcess(proc);
      await sleep(1_000);
      resumeProcess(proc);
      await sleep(150);
    });
    expect(ticks).toEqual([0, 100, 200, 1250, 1350]);
  });

  it('should say which bound stopped a run that does not finish', async () => {
    const spin = async () => {
      for (;;) await sleep(10);
    };
    const timeBound = await new World({ seed: 1, limits: { maxVirtualMicros: 1_000 } }).run(spin);
    expect(timeBound.stop).toBe('time-bound');
    expect(timeBound.virtualMicros).toBeLessThanOrEqual(1_000);
    const eventBound = await new World({ seed: 1, limits: { maxEvents: 50 } }).run(spin);
    expect(eventBound.stop).toBe('event-bound');
    expect(eventBound.events).toBe(50);
  });

  it('should report a goroutine that awaits something the kernel does not control', async () => {
    const report = await new World({ seed: 1 }).run(async () => {
      await new Promise<void>(() => {}); // never resolves, and is not a kernel primitive
    });
    expect(report.stop).toBe('stuck-task');
  });

  it('should show a scheduler the goroutine a callback stands in for, among same-instant events', async () => {
    // A chooser that schedules by task: it records each tie's candidates and takes the first.
    const ties: number[][] = [];
    const chooser = {
      pick: (_kind: string, _n: number): number => 0,
      pickTask: (_kind: string, taskIds: readonly number[]): number => {
        ties.push([...taskIds]);
        return 0;
      },
    };
    let standInId = -1;
    let ran = 0;
    const world = new World({ seed: 1, chooser });
    await world.run(async () => {
      const parked = go(() => sleep(1_000_000), 'parked');
      await sleep(1); // the parked goroutine has started and sleeps
      standInId = parked.id;
      world.kernel.at(10, { goroutine: parked, run: () => void ran++ });
      world.kernel.at(10, () => void ran++);
      await sleep(100);
    });
    expect(ran).toBe(2);
    expect(ties).toContainEqual([standInId, 0]);
  });

  it('should run a blocked goroutine\'s step as that goroutine, leaving it blocked or resuming it', async () => {
    const order: string[] = [];
    let got: unknown = null;
    const world = new World({ seed: 1 });
    const { kernel } = world;
    await world.run(async () => {
      go(async () => {
        const waiter = kernel.block<number>('test');
        const task = waiter.task;
        const stepAt = (delay: number, step: () => number | typeof KEEP_BLOCKED): void =>
          kernel.at(delay, { goroutine: task, run: () => kernel.stepBlocked(waiter, { step }) });
        stepAt(10, () => {
          order.push(`step 1 at ${nowMicros()} as ${kernel.actorLabel()}`);
          return KEEP_BLOCKED;
        });
        stepAt(20, () => {
          order.push(`step 2 at ${nowMicros()} as ${kernel.actorLabel()}`);
          return 42;
        });
        got = await waiter.promise;
        order.push(`resumed at ${nowMicros()}`);
      }, 'stepper');
      await sleep(100);
    });
    expect(order).toEqual(['step 1 at 10 as tester/stepper', 'step 2 at 20 as tester/stepper', 'resumed at 20']);
    expect(got).toBe(42);
  });

  it('should fail the goroutine whose blocked step throws', async () => {
    const world = new World({ seed: 1 });
    const { kernel } = world;
    const report = await world.run(async () => {
      go(async () => {
        const waiter = kernel.block<number>('test');
        kernel.at(10, {
          goroutine: waiter.task,
          run: () =>
            kernel.stepBlocked(waiter, {
              step: () => {
                throw new Error('the step broke');
              },
            }),
        });
        await waiter.promise;
      }, 'stepper');
      await sleep(100);
    });
    expect(report.stop).toBe('task-failed');
    expect(report.failure?.task.name).toBe('stepper');
    expect(String(report.failure?.error)).toMatch(/the step broke/);
  });
});
