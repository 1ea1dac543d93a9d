// The world whose goroutines are running. Protocol code calls `go`, `sleep` and `call` like Go
// package functions, so they find their world here. One world runs at a time per thread; a
// second concurrent run is refused with a clear error rather than silently mixed.

import { assert } from '../kernel/assert.ts';
import type { World } from '../world.ts';

let active: World | null = null;

export function enterWorld(world: World): void {
  assert(active === null, 'another simulation is already running in this thread: await one run before starting the next');
  active = world;
}

export function leaveWorld(world: World): void {
  if (active === world) active = null;
}

export function world(): World {
  assert(active !== null, 'no simulation is running: call this from code started by World.run()');
  return active;
}
