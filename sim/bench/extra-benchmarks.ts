// Benchmarks of the layers above the core (the lab suite, the linearizability checker), added
// by the issues that build them. Each returns [metric, value, unit] rows.

export type Benchmark = () => Promise<readonly (readonly [string, number, string])[]>;

export const extraBenchmarks: readonly Benchmark[] = [];
