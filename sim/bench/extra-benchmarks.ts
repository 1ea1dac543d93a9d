// The shape of a benchmark from the layers above the core (the lab suite, the linearizability
// checker): it returns [metric, value, unit] rows. scenarios/bench.ts hands them to runBenchmarks.

export type Benchmark = () => Promise<readonly (readonly [string, number, string])[]>;
