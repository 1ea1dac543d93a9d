// What the generic CLI needs from the layers above it (scenarios and protocol), as an interface,
// so sim/ never imports upwards. The composition root (scenarios/cli-catalogue.ts) supplies it.

import type { Chooser } from '../kernel/chooser.ts';
import type { DecisionLog } from '../kernel/decision-log.ts';
import type { TraceEvent } from '../trace/events.ts';

export interface NamedThing {
  readonly name: string;
  readonly description: string;
}

export interface BugEntry extends NamedThing {
  /** Which test or scenario should catch it. */
  readonly catches: string;
}

export interface CliRunOptions {
  readonly seed: number;
  readonly bugs: ReadonlySet<string>;
  readonly trace: boolean;
  readonly chooser?: Chooser;
}

export interface CliRunResult {
  readonly ok: boolean;
  readonly kind?: string;
  readonly reason?: string;
  readonly detail?: string | null;
  readonly seed: number;
  readonly scenario: string;
  readonly virtualMicros: number;
  readonly events: number;
  readonly opCount: number;
  readonly trace: readonly TraceEvent[];
  readonly decisions: DecisionLog;
}

export interface Catalogue {
  readonly scenarios: readonly NamedThing[];
  readonly bugs: readonly BugEntry[];
  run(scenario: string, options: CliRunOptions): Promise<CliRunResult>;
}
