// A debugger breakpoint, modelled as a pause of one goroutine or one process. When a trigger matches, the debugger
// holds one goroutine (`task`: its process runs on, other goroutines included) or the whole
// process (`process`: SIGSTOP) for `forMicros` of virtual time, while every other clock goes on.
// Held means the kernel defers the task's wakes until it is released; nothing is dropped.
//
// Where it stops: a `receive` trigger holds the goroutine that will serve that request, before
// its first line runs (the handler's entry, where a student puts a breakpoint). JavaScript cannot
// stop a running step, so the request's reader is let finish its step inside a process hold of
// zero length, and the debugger turns that into a hold of the new handler alone. A `serve` or
// `send` trigger holds the acting task from its next blocking point on.
//
// With `forMicros` 0 the breakpoint has no virtual effect at all: it only runs `onHit`, inside
// the very step that matched. That is a real debugger in a deterministic replay: it stops the
// one thread the simulation runs on, so virtual time cannot move, and the run is unchanged.

import type { Process } from '../kernel/process.ts';
import type { Task } from '../kernel/task.ts';
import type { TraceEvent } from '../trace/events.ts';
import type { World } from '../world.ts';
import { triggerMatches } from './executor.ts';
import { describeTrigger, type Trigger } from './plan.ts';

export type HoldMode = 'task' | 'process';

export interface Breakpoint {
  readonly when: Trigger;
  readonly hold: HoldMode;
  /** Virtual time the debugger holds it; 0 leaves the run exactly as it was. */
  readonly forMicros: number;
  /** The debugger's own code, run synchronously at the hit (it may hold the real thread). */
  readonly onHit?: (event: TraceEvent) => void;
}

export function describeBreakpoint(bp: Breakpoint): string {
  const which = bp.when.on === 'receive' ? 'the goroutine that will serve it, before its first line' : 'the goroutine that did it';
  const what = bp.hold === 'task' ? which : `the whole ${bp.when.target} process`;
  return `breakpoint ${describeTrigger(bp.when)}: hold ${what}, for ${bp.forMicros / 1000} ms of virtual time`;
}

/** Arms `bp` in `world`; it fires once, at the trigger's nth match. */
export function installBreakpoint(world: World, bp: Breakpoint): void {
  let seen = 0;
  world.journal.onEvent((event) => {
    if (seen >= bp.when.nth || !triggerMatches(bp.when, event) || ++seen !== bp.when.nth) return;
    bp.onHit?.(event);
    if (bp.forMicros > 0) hit(world, bp, event);
  });
}

function hit(world: World, bp: Breakpoint, event: TraceEvent): void {
  const kernel = world.kernel;
  const proc = kernel.currentProcess();
  const debugger_ = kernel.newProcess('debugger');
  const say = (text: string): void => world.within(debugger_, () => world.note({ type: 'fault', text }));
  if (bp.hold === 'process') {
    say(`breakpoint hit (${event.task}): ${proc.label} stopped for ${bp.forMicros / 1000} ms`);
    kernel.pause(proc);
    kernel.at(bp.forMicros, () => {
      if (!proc.alive) return; // it died while stopped: nothing to release
      say(`breakpoint released: ${proc.label} runs again`);
      kernel.resume(proc);
    });
    return;
  }
  if (bp.when.on !== 'receive') {
    const acting = kernel.current;
    if (acting !== null) holdTask(world, bp, acting, say);
    else say(`breakpoint missed: no goroutine of ${proc.label} was running`);
    return;
  }
  // The handler this request starts does not exist yet: its reader spawns it later in this step.
  const before = new Set(proc.tasks);
  const running = proc.state === 'running'; // someone else's pause is theirs to end
  if (running) kernel.pause(proc);
  kernel.at(0, () => {
    const handler = [...proc.tasks].find((task) => !before.has(task) && task.name === bp.when.method);
    if (handler !== undefined) holdTask(world, bp, handler, say);
    else say(`breakpoint missed: ${proc.label} started no ${bp.when.method} goroutine`);
    if (running) kernel.resume(proc);
  });
}

function holdTask(world: World, bp: Breakpoint, task: Task, say: (text: string) => void): void {
  const kernel = world.kernel;
  kernel.pauseTask(task);
  say(`breakpoint hit: ${task.label} held for ${bp.forMicros / 1000} ms (the rest of ${task.proc.label} runs on)`);
  kernel.at(bp.forMicros, () => {
    if (!liveTask(task.proc, task)) return; // it died while held: nothing to release
    say(`breakpoint released: ${task.label} runs again`);
    kernel.resumeTask(task);
  });
}

function liveTask(proc: Process, task: Task): boolean {
  return proc.alive && task.state !== 'dead' && task.state !== 'done';
}
