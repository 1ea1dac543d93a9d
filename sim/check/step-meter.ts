// The deterministic budget of the checker. The search charges one step per event it examines and
// stops, answering "unknown", once the budget is spent, so a check never hangs and its verdict
// depends only on the history and the budget. A caller that also wants a wall-clock limit passes a
// `deadline` callback (consulted every few thousand steps and at the start); this code never reads
// a clock itself. A meter can hand a capped share of what is left to a child meter (used by the
// minimiser) and is charged for whatever the child used.

export type ExhaustedBy = 'budget' | 'deadline';

const DEADLINE_EVERY_STEPS = 4096;

export class StepMeter {
  private used = 0;
  private stoppedBy: ExhaustedBy | null = null;

  constructor(
    private readonly limitSteps: number,
    private readonly deadline?: () => boolean,
  ) {}

  get usedSteps(): number {
    return this.used;
  }

  get remainingSteps(): number {
    return Math.max(0, this.limitSteps - this.used);
  }

  /** Why the meter stopped, or null while steps remain. */
  get exhaustedBy(): ExhaustedBy | null {
    return this.stoppedBy;
  }

  /** Charges one step. Returns false (and stays false) once the budget or deadline is hit. */
  tick(): boolean {
    if (this.stoppedBy !== null) return false;
    if (this.used >= this.limitSteps) {
      this.stoppedBy = 'budget';
      return false;
    }
    if (this.used % DEADLINE_EVERY_STEPS === 0 && this.deadline !== undefined && this.deadline()) {
      this.stoppedBy = 'deadline';
      return false;
    }
    this.used++;
    return true;
  }

  /** A meter limited to min(capSteps, what this one has left); settle it with `absorb`. */
  fork(capSteps: number): StepMeter {
    return new StepMeter(Math.min(capSteps, this.remainingSteps), this.deadline);
  }

  /** Charges this meter for the steps a forked child used; a stop that binds here carries over. */
  absorb(child: StepMeter): void {
    this.used += child.used;
    if (this.stoppedBy !== null) return;
    if (child.stoppedBy === 'deadline') this.stoppedBy = 'deadline';
    else if (child.stoppedBy === 'budget' && this.used >= this.limitSteps) this.stoppedBy = 'budget';
  }
}
