// What `rpcsim explore` prints: a header saying what is searched, each failing seed (its replay
// command first, then the reason), and a summary; or, with --json, one JSON object per line (a
// "failure" per failing seed, then one "summary") that batch runners can concatenate and merge.

import { replayCommandLine, withSeed } from '../replay/run-description.ts';
import { implementationText } from './impl-flag.ts';
import type { ExploreOptions } from './explore-options.ts';
import { describeSeeds, seedAt } from './explore-options.ts';
import type { SeedVerdict } from './explore-seed.ts';
import { paint } from './style-cli.ts';

type Failure = Extract<SeedVerdict, { ok: false }>;

export interface ExploreSummary {
  readonly failures: number;
  readonly checked: number;
  readonly runs: number;
  readonly wallSeconds: number;
  readonly interrupted: boolean;
}

export function headerLine(options: ExploreOptions): string {
  const shard = options.shard === null ? '' : ` (shard ${options.shard.index}/${options.shard.total} of ${options.rangeFrom}..${options.rangeFrom + options.rangeCount - 1})`;
  const jobs = Math.min(options.jobs, Math.max(1, options.seeds.count)); // no idle threads
  const threads = jobs === 1 ? '1 thread' : `${jobs} threads`;
  const until = options.stopAtFirstFailure ? 'stops at the first failure' : 'runs every seed (--all)';
  const plan = options.run.plan.kind === 'file' ? ` · plan: ${options.run.plan.path}` : '';
  const swarm = `${options.swarm ? ' · swarm: each seed picks its fault mix' : ''}${options.strategy === 'pct' ? ' · strategy: pct' : ''}${plan}`;
  return `explore ${options.scenario} · ${implementationText(options.run.impl, options.bugs)}${swarm} · seeds ${describeSeeds(options.seeds)}${shard} · ${threads} · ${until}`;
}

export function failureLines(options: ExploreOptions, failure: Failure): string[] {
  if (options.json) return [JSON.stringify(failureRecord(options, failure))];
  return [paint('red', `replay: ${replayOf(options, failure.seed)}`), `  FAIL seed ${failure.seed} (${failure.kind}): ${failure.reason}`];
}

export function summaryLine(options: ExploreOptions, summary: ExploreSummary): string {
  const rate = summary.wallSeconds > 0 ? summary.runs / summary.wallSeconds : 0;
  if (options.json) return JSON.stringify(summaryRecord(options, summary, rate));
  const checked = { ...options.seeds, count: summary.checked };
  const seeds = `${summary.checked} ${summary.checked === 1 ? 'seed' : 'seeds'} (${describeSeeds(checked)})`;
  const speed = `${summary.runs} ${summary.runs === 1 ? 'run' : 'runs'} · ${rate.toFixed(1)} seeds/s · ${summary.wallSeconds.toFixed(2)} s wall`;
  const stopped = summary.interrupted ? ' · interrupted' : '';
  if (summary.failures === 0) return paint('green', `PASS: no failing seed in ${seeds} · ${speed}${stopped}`);
  const what = summary.failures === 1 ? '1 failing seed' : `${summary.failures} failing seeds`;
  return paint('red', `FOUND ${what} in ${seeds} · ${speed}${stopped}`);
}

function replayOf(options: ExploreOptions, seed: number): string {
  return replayCommandLine(withSeed(options.run, seed));
}

function failureRecord(options: ExploreOptions, failure: Failure): Record<string, unknown> {
  return {
    type: 'failure',
    scenario: options.scenario,
    seed: failure.seed,
    bugs: [...options.bugs],
    swarm: options.swarm,
    kind: failure.kind,
    reason: failure.reason,
    replay: replayOf(options, failure.seed),
  };
}

function summaryRecord(options: ExploreOptions, summary: ExploreSummary, rate: number): Record<string, unknown> {
  const last = summary.checked === 0 ? null : seedAt(options.seeds, summary.checked - 1);
  return {
    type: 'summary',
    scenario: options.scenario,
    bugs: [...options.bugs],
    swarm: options.swarm,
    from: options.rangeFrom,
    seeds: options.rangeCount,
    shard: options.shard === null ? null : `${options.shard.index}/${options.shard.total}`,
    // The seeds checked are the first `checked` of this shard's slice, `first` to `last` by `stride`.
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
