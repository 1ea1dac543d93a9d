// A simulated run never leaves the microtask queue, so a long loop of runs (explore, shrink)
// never lets Node deliver a signal. Awaiting this between runs lets Ctrl-C land.

export function yieldToEventLoop(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}
