// What `rpcsim explore` prints: a header saying what is searched, each failing run (its replay
// command first, with the scenario and strategy that found it, then the reason), and a summary;
// or, with --json, one JSON object per line (a "failure" per failing run, then one "summary")
// that batch runners can concatenate and `rpcsim merge` can join.

import { replayCommandLine, type RunDescription } from '../replay/run-description.ts';
import { DEFAULT_PCT } from '../explore/pct.ts';
import { implementationText } from './impl-flag.ts';
import type { ExploreOptions } from './explore-options.ts';
import type { Failure } from '../explore/explore.ts';
import { strategyOfRun } from '../explore/portfolio.ts';
import { describeSeeds, seedAt } from '../explore/seeds.ts';
import type { SeedRun } from '../explore/seed-run.ts';
import { paint } from './style-cli.ts';

export interface ExploreSummary {
  readonly failures: number;
  readonly checked: number;
  readonly runs: number;
  readonly wallSeconds: number;
  readonly interrupted: boolean;
}

const STRATEGY_TEXT: Readonly<Record<ExploreOptions['strategy'], string>> = {
  portfolio: 'strategy: portfolio (random, swarm, pct by seed)',
  random: 'strategy: random',
  swarm: 'swarm: each seed picks its fault mix',
  pct: 'strategy: pct',
  'pct+swarm': 'strategy: pct · swarm: each seed picks its fault mix',
};

/** What is explored, without the seeds: the same for every shard, so merge groups by it. */
export function explorationLabel(options: ExploreOptions): string {
  const plan = options.run.plan.kind === 'file' ? ` · plan: ${options.run.plan.path}` : '';
  return `${options.label} · ${implementationText(options.run.impl, options.bugs)} · ${STRATEGY_TEXT[options.strategy]}${plan}`;
}

export function headerLine(options: ExploreOptions): string {
  const shard = options.shard === null ? '' : ` (shard ${options.shard.index}/${options.shard.total} of ${options.rangeFrom}..${options.rangeFrom + options.rangeCount - 1})`;
  const jobs = Math.min(options.jobs, Math.max(1, options.seeds.count)); // no idle jobs
  const jobsText = jobs === 1 ? '1 job' : `${jobs} jobs`;
  const until = options.stopAtFirstFailure ? 'stops at the first failure' : 'runs every seed (--all)';
  const units = options.scenarios.length === 1 ? 'seeds' : `runs (${options.scenarios.length} scenarios, dealt in turn)`;
  return `explore ${explorationLabel(options)} · ${units} ${describeSeeds(options.seeds)}${shard} · ${jobsText} · ${until}`;
}

export function failureLines(options: ExploreOptions, failure: Failure): string[] {
  if (options.json) return [JSON.stringify(failureRecord(options, failure))];
  const found = `${options.scenarios.length > 1 ? `${failure.run.scenario}, ` : ''}seed ${failure.seed}, ${strategyOfRun(failure.run)}`;
  return [paint('red', `replay: ${replayOf(options, failure.run)}`), `  FAIL ${found} (${failure.kind}): ${failure.reason}`];
}

export function summaryLine(options: ExploreOptions, summary: ExploreSummary): string {
  const rate = summary.wallSeconds > 0 ? summary.runs / summary.wallSeconds : 0;
  if (options.json) return JSON.stringify(summaryRecord(options, summary, rate));
  const checked = { ...options.seeds, count: summary.checked };
  const noun = options.scenarios.length === 1 ? 'seed' : 'run';
  const seeds = `${summary.checked} ${summary.checked === 1 ? noun : `${noun}s`} (${describeSeeds(checked)})`;
  const speed = `${summary.runs} ${summary.runs === 1 ? 'run' : 'runs'} · ${rate.toFixed(1)} seeds/s · ${summary.wallSeconds.toFixed(2)} s wall`;
  const stopped = summary.interrupted ? ' · interrupted' : '';
  if (summary.failures === 0) return paint('green', `PASS: no failing ${noun} in ${seeds} · ${speed}${stopped}`);
  const what = summary.failures === 1 ? `1 failing ${noun}` : `${summary.failures} failing ${noun}s`;
  return paint('red', `FOUND ${what} in ${seeds} · ${speed}${stopped}`);
}

/** The description of one run of the exploration: the base with its scenario, seed and strategy. */
export function runDescriptionOf(options: ExploreOptions, run: SeedRun): RunDescription {
  const pct = run.strategy === 'pct' ? (options.run.pct ?? DEFAULT_PCT) : null;
  return { ...options.run, scenario: run.scenario, seed: run.seed, swarm: run.swarm, strategy: run.strategy, pct };
}

/** The replay command of one run, with the strategy it ran under. */
function replayOf(options: ExploreOptions, run: SeedRun): string {
  return replayCommandLine(runDescriptionOf(options, run));
}

function failureRecord(options: ExploreOptions, failure: Failure): Record<string, unknown> {
  return {
    type: 'failure',
    exploration: explorationLabel(options),
    scenario: failure.run.scenario,
    seed: failure.seed,
    bugs: [...options.bugs],
    swarm: failure.run.swarm,
    strategy: strategyOfRun(failure.run),
    kind: failure.kind,
    reason: failure.reason,
    replay: replayOf(options, failure.run),
  };
}

function summaryRecord(options: ExploreOptions, summary: ExploreSummary, rate: number): Record<string, unknown> {
  const last = summary.checked === 0 ? null : seedAt(options.seeds, summary.checked - 1);
  return {
    type: 'summary',
    exploration: explorationLabel(options),
    scenario: options.label,
    scenarios: options.scenarios,
    bugs: [...options.bugs],
    strategy: options.strategy,
    from: options.rangeFrom,
    seeds: options.rangeCount,
    shard: options.shard === null ? null : `${options.shard.index}/${options.shard.total}`,
    // The units checked are the first `checked` of this shard's slice, `first` to `last` by `stride`.
    first: options.seeds.from,
    stride: options.seeds.stride,
    checked: summary.checked,
    last,
    complete: summary.checked === options.seeds.count,
    failures: summary.failures,
    runs: summary.runs,
    wallSeconds: Number(summary.wallSeconds.toFixed(3)),
    seedsPerSecond: Number(rate.toFixed(1)),
    interrupted: summary.interrupted,
  };
}
