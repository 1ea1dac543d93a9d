// A chooser that answers the 6.824 accept loop's draws as a real, unseeded Go 1.19 process does:
// from Go's math/rand global source, seeded with 1, one draw after another across every server
// and every test of the process. Every other decision (timing, scheduling, workload) still comes
// from the inner chooser. Run the tests of one suite in order with one GoRandSource, and each
// test starts where the previous one left Go's sequence, as in `go test` of the 2015 lab.

import type { Chooser, DecisionKind } from '../kernel/chooser.ts';
import { GoRandSource } from './go-rand.ts';

export class GoGlobalRandChooser implements Chooser {
  readonly pickTask?: (kind: 'schedule.tie' | 'schedule.handoff', taskIds: readonly number[]) => number;

  constructor(
    private readonly inner: Chooser,
    /** The process-global source; shared by the runs that stand for one `go test` process. */
    readonly source: GoRandSource = new GoRandSource(),
  ) {
    if (inner.pickTask !== undefined) this.pickTask = (kind, taskIds) => inner.pickTask!(kind, taskIds);
  }

  pick(kind: DecisionKind, n: number): number {
    // The accept loop's rand.Int63()%1000 (sim/rpc/unreliable-accept.ts) is its only draw of
    // this kind; the value is recorded like any other answer, so the run replays from its log.
    return kind === 'fault.unreliable' ? this.source.int63Mod(n) : this.inner.pick(kind, n);
  }
}
