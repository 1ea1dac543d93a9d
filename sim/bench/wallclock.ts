// Real time, for benchmarks only (this file's name exempts it from the determinism ban).

export function wallMillis(): number {
  return performance.now();
}

/** CPU time this process has used (user + system, all threads), in ms. */
export function cpuMillis(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}
