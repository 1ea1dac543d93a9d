// What a debugger does to a thread, for real: it stops it. The breakpoint lesson's replay calls
// this inside its breakpoint hook, which runs in the middle of a simulation step, so the one
// thread the simulation runs on stands still for `millis` of wall time. The simulator itself
// never reads the wall clock; only this file does (its name exempts it from the determinism ban).

/** Busy-waits `millis` of real time, as a debugger holding the thread would; returns the ms held. */
export function holdThreadMillis(millis: number): number {
  const start = performance.now();
  let now = start;
  while (now - start < millis) now = performance.now();
  return now - start;
}
