// Real time, for benchmarks only (this file's name exempts it from the determinism ban).

export function wallMillis(): number {
  return performance.now();
}

/** Runs `body` once to warm the JIT, then `rounds` times, and returns the best wall time in ms. */
export async function bestOf(rounds: number, body: () => Promise<void>): Promise<number> {
  await body();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await body();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
