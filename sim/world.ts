// One simulated world: a kernel, a unix-socket namespace, a journal and a recording chooser,
// built from one seed. `run(main)` runs `main` as the test goroutine of a "tester" process and
// returns how the run stopped, with everything needed to look at it or replay it.

import { assert } from './kernel/assert.ts';
import type { Chooser } from './kernel/chooser.ts';
import { SeededChooser } from './kernel/chooser.ts';
import { RecordingChooser, type DecisionLog } from './kernel/decision-log.ts';
import { Kernel, type RunLimits, type StopReason, type TaskFailure } from './kernel/kernel.ts';
import type { Process } from './kernel/process.ts';
import { Network } from './net/network.ts';
import { DEFAULT_TIMING, type NetTiming } from './net/timing.ts';
import type { TraceEvent } from './trace/events.ts';
import { Journal } from './trace/journal.ts';
import { enterWorld, leaveWorld } from './runtime/active.ts';

export interface WorldOptions {
  readonly seed: number;
  /** Answers every decision; defaults to the seeded chooser for `seed`. */
  readonly chooser?: Chooser;
  readonly timing?: Partial<NetTiming>;
  /** Keep the journal (default true). Listeners still see events when it is off. */
  readonly trace?: boolean;
  /** Keep the decision log (default: as `trace`); a run without it replays from its seed. */
  readonly recordDecisions?: boolean;
  readonly limits?: Partial<RunLimits>;
}

export const DEFAULT_LIMITS: RunLimits = { maxVirtualMicros: 600_000_000, maxEvents: 50_000_000 };

export interface RunReport {
  readonly seed: number;
  readonly stop: StopReason;
  readonly virtualMicros: number;
  readonly events: number;
  readonly failure: TaskFailure | null;
  readonly decisions: DecisionLog;
  readonly trace: readonly TraceEvent[];
}

export class World {
  readonly kernel: Kernel;
  readonly net: Network;
  readonly journal: Journal;
  readonly recorder: RecordingChooser;
  readonly limits: RunLimits;
  readonly tester: Process;
  /** Faults from a plan act as this process, so the trace says who did it. */
  readonly faultProcess: Process;

  constructor(readonly options: WorldOptions) {
    assert(Number.isSafeInteger(options.seed) && options.seed >= 0, `seed must be a non-negative integer, got ${options.seed}`);
    this.recorder = new RecordingChooser(options.chooser ?? new SeededChooser(options.seed), options.recordDecisions ?? options.trace ?? true);
    this.kernel = new Kernel(this.recorder);
    this.journal = new Journal(options.trace ?? true);
    this.net = new Network(this.kernel, this.recorder, this.journal, { ...DEFAULT_TIMING, ...options.timing });
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.tester = this.kernel.newProcess('tester');
    this.faultProcess = this.kernel.newProcess('faults');
  }

  /** Runs `body` as process `proc` (for kernel callbacks that act for someone). */
  within<T>(proc: Process, body: () => T): T {
    return this.kernel.within(proc, body);
  }

  /** Records a trace event on behalf of the running task (or the kernel between tasks). */
  note(body: Parameters<Network['trace']>[0]): void {
    this.net.trace(body);
  }

  /** The run is over and nobody will read its trace or its decisions (a benchmark, a passing
   *  run nobody looks at): their buffers go to the next world's in this process. */
  release(): void {
    this.journal.release();
    this.recorder.log.release();
  }

  async run(main: () => Promise<void>): Promise<RunReport> {
    enterWorld(this);
    try {
      const mainTask = this.kernel.go(this.tester, 'main', main);
      this.kernel.setMain(mainTask);
      const stop = await this.kernel.run(this.limits);
      const journal = this.journal;
      return {
        seed: this.options.seed,
        stop,
        virtualMicros: this.kernel.nowMicros,
        events: this.kernel.eventsFired,
        failure: this.kernel.failure,
        decisions: this.recorder.log,
        // Built when first read: a benchmark or a passing run that nobody looks at skips it.
        get trace(): readonly TraceEvent[] {
          return journal.events;
        },
      };
    } finally {
      leaveWorld(this);
    }
  }
}
