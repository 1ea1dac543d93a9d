// A run's header as the page shows it: what ran, with which seed and bugs, its verdict, its
// fingerprint and the command that reproduces it. The CLI and the page's branches both use it.

import type { CliRunResult } from '../cli/catalogue.ts';
import { traceHash } from '../trace/hash.ts';
import type { ViewMeta } from './view-model.ts';
import type { PctOptions } from '../explore/pct.ts';

/** How a run chose its schedule: the seeded random walk, or PCT from the same seed. */
export interface RunSchedule {
  readonly strategy: 'random' | 'pct';
  readonly pct: PctOptions | null;
}

export const RANDOM_SCHEDULE: RunSchedule = { strategy: 'random', pct: null };

export function reproduceCommand(scenario: string, seed: number, bugs: readonly string[], swarm: boolean, planPath: string | null, schedule: RunSchedule = RANDOM_SCHEDULE): string {
  const flags = [`--seed ${seed}`, ...bugs.map((b) => `--bug ${b}`), ...(swarm ? ['--swarm'] : []), ...(schedule.strategy === 'pct' ? ['--strategy pct'] : []), ...(planPath === null ? [] : [`--plan ${planPath}`])];
  return `npx rpcsim run ${scenario} ${flags.join(' ')}`;
}

/** Past this many events, the page does not fingerprint the trace: hashing a million events takes
 *  longer than drawing them, and `rpcsim replay` prints the fingerprint anyway. */
export const HASH_EVENTS_MAX = 300_000;

export function viewMetaOf(result: CliRunResult, bugs: readonly string[], swarm: boolean, planPath: string | null = null, schedule: RunSchedule = RANDOM_SCHEDULE): ViewMeta {
  const trace = result.trace;
  return {
    scenario: result.scenario,
    seed: result.seed,
    bugs,
    swarm,
    strategy: schedule.strategy,
    pct: schedule.pct,
    verdict: result.ok ? 'ok' : `${result.kind ?? 'fail'}: ${result.reason ?? ''}`,
    detail: result.detail ?? null,
    hash: trace.length <= HASH_EVENTS_MAX ? traceHash(trace) : '(not computed for a run this long: rpcsim replay prints it)',
    faults: result.faults,
    replay: reproduceCommand(result.scenario, result.seed, bugs, swarm, planPath, schedule),
    events: trace.length,
    endMicros: trace.length === 0 ? 0 : trace[trace.length - 1]!.t,
  };
}
