// What real Go printed: the 2015 pbservice suite (Go 1.19 on a 2-core Linux machine, a passing
// student solution whose primary forwards with call() in a retry loop), run six times, with every
// line its call() helper printed on an RPC error counted per test. These are the bands the
// simulator's error lines must land in (`npm run fidelity`). Go 1.19's math/rand is not seeded
// by the tests, so the six runs share one sequence of accept decisions (seed 1), continued from
// test to test in the suite's order; they differ only in timing.

/** The four kinds of line call() prints when Call fails. */
export const LINE_KINDS = ['eof', 'reset', 'pipe', 'shutdown'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export type LineCounts = Readonly<Record<LineKind, number>>;

export interface GoMeasuredTest {
  /** The rpcsim scenario that is this Go test. */
  readonly scenario: string;
  readonly goTest: string;
  /** One entry per suite run: EOF / reset / broken pipe / shut-down lines. */
  readonly runs: readonly LineCounts[];
  /** True when the test runs an unreliable server: "connection is shut down" must show up. */
  readonly unreliable: boolean;
}

function runs(...rows: readonly (readonly [number, number, number, number])[]): LineCounts[] {
  return rows.map(([eof, reset, pipe, shutdown]) => ({ eof, reset, pipe, shutdown }));
}

export const GO_MEASURED: readonly GoMeasuredTest[] = [
  {
    scenario: 'at-most-once',
    goTest: 'TestAtMostOnce',
    // The first unreliable test of the suite: its one clerk's calls take the first decisions of
    // the sequence in the same order every run, 36 failed calls each time (22 replies and 14
    // requests dropped), and leave the sequence at its 260th draw for the next test.
    runs: runs([22, 9, 5, 0], [22, 11, 3, 0], [22, 8, 5, 1], [22, 9, 5, 0], [22, 10, 4, 0], [21, 11, 2, 2]),
    unreliable: true,
  },
  {
    scenario: 'concurrent-same-unreliable',
    goTest: 'TestConcurrentSameUnreliable',
    runs: runs([186, 80, 14, 0], [189, 71, 23, 0], [184, 67, 25, 1], [159, 69, 14, 1], [187, 73, 21, 0], [165, 72, 14, 0]),
    unreliable: true,
  },
  {
    scenario: 'repeated-crash',
    goTest: 'TestRepeatedCrash',
    runs: runs([0, 1, 0, 0], [0, 0, 0, 0], [0, 1, 0, 0], [0, 2, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]),
    unreliable: false,
  },
  {
    scenario: 'repeated-crash-unreliable',
    goTest: 'TestRepeatedCrashUnreliable',
    runs: runs([236, 100, 33, 3], [93, 32, 25, 1], [60, 23, 9, 0], [106, 41, 17, 1], [57, 28, 6, 0], [180, 61, 35, 1]),
    unreliable: true,
  },
];
