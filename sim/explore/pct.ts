// PCT, probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010), adapted to the
// kernel's scheduling questions: each goroutine gets a random priority when first seen; a
// same-instant tie or a mutex handoff goes to the highest-priority candidate; at d-1 change points,
// drawn uniformly over the first `maxSteps` scheduling steps, the chosen goroutine drops to the
// lowest priorities. A bug of depth d is found with probability ≥ 1/(n·k^(d-1)) per run.
// Every other question (latencies, faults, workload) goes to the seeded chooser.

import { SeededChooser, type Chooser, type DecisionKind } from '../kernel/chooser.ts';
import { streamFor, type RandomStream } from '../kernel/rng.ts';

export interface PctOptions {
  /** The bug depth d: how many ordering constraints the search aims to flip (d-1 change points). */
  readonly depth: number;
  /** Scheduling steps over which the change points are spread. */
  readonly maxSteps: number;
}

export const DEFAULT_PCT: PctOptions = { depth: 3, maxSteps: 20_000 };

export class PctChooser implements Chooser {
  private readonly fallback: SeededChooser;
  private readonly stream: RandomStream;
  private readonly priorities = new Map<number, number>();
  private readonly changePoints: Set<number>;
  private step = 0;
  private lowered = 0;

  constructor(seed: number, options: PctOptions = DEFAULT_PCT) {
    this.fallback = new SeededChooser(seed);
    this.stream = streamFor(seed, 'schedule');
    this.changePoints = new Set<number>();
    for (let i = 1; i < options.depth; i++) this.changePoints.add(1 + this.stream.below(options.maxSteps));
  }

  pick(kind: DecisionKind, n: number): number {
    return this.fallback.pick(kind, n);
  }

  pickTask(_kind: 'schedule.tie' | 'schedule.handoff', taskIds: readonly number[]): number {
    this.step++;
    let best = 0;
    for (let i = 1; i < taskIds.length; i++) {
      if (this.priorityOf(taskIds[i]!) > this.priorityOf(taskIds[best]!)) best = i;
    }
    if (this.changePoints.has(this.step)) {
      // Below every initial priority (which are ≥ 1), and below earlier demotions.
      this.priorities.set(taskIds[best]!, -++this.lowered);
    }
    return best;
  }

  private priorityOf(taskId: number): number {
    let priority = this.priorities.get(taskId);
    if (priority === undefined) {
      priority = 1 + this.stream.below(1 << 30);
      this.priorities.set(taskId, priority);
    }
    return priority;
  }
}
