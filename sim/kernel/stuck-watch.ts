// The kernel's one look outside the simulated world: a run is a single unbroken chain of
// microtasks, so a timer callback can only run once that chain has ended. If the run is not over
// by then, a goroutine awaits something no kernel event will resolve (a real timer, real I/O, a
// promise nobody settles), and the kernel stops the run as stuck. Nothing here picks an order of
// simulated events or reads the clock: it only notices that the simulation cannot go on.

/** Calls `check` after the current chain of microtasks has run out. */
export function whenMicrotasksRunDry(check: () => void): void {
  setTimeout(check, 0);
}
