// `rpcsim go explore <package dir> --seeds N [--from S] [--jobs J] [--first] [--run REGEX] [--plan
// FILE | --swarm]`: runs the package's tests on many seeds (in worker threads with --jobs) and
// reports each failing seed with Go's words and the command that replays it; --first stops at the
// lowest failing seed. Exit 0 when every seed passed, 1 when one failed, 2 for bad input.

import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { runGoSeed, type GoExploreJob, type GoSeedVerdict } from '../golang/explore-seed.ts';
import type { PreparedGoTest } from '../golang/go-test.ts';
import { GO_RUN_OPTIONS, prepareOrExplain, readGoRunFlags, refusedRunPattern, replayCommand, type GoRunFlags } from './go-flags-cli.ts';
import { parseSeed } from './options.ts';
import { ambiguousValueLine, UsageError, withCommandPrefix } from './usage-error.ts';
import { GO_EXPLORE_USAGE } from './help.ts';

const USAGE = GO_EXPLORE_USAGE;

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: { seeds: { type: 'string' }, from: { type: 'string' }, jobs: { type: 'string' }, first: { type: 'boolean' }, ...GO_RUN_OPTIONS },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const ambiguous = ambiguousValueLine(error, argv);
    if (ambiguous !== null) throw new UsageError(`go explore: ${ambiguous}`);
    throw new UsageError(`go explore: ${(error as Error).message.split('\n')[0]!.replace(/\. To specify.*$/, '')}; usage: ${USAGE}`);
  }
}

function positive(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) throw new UsageError(`go explore: ${flag} ${text}: give a whole number, 1 or more`);
  return value;
}

export async function goExploreCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  const flags = readGoRunFlags('go explore', positionals, values, USAGE);
  if (values.seeds === undefined) throw new UsageError(`go explore: how many seeds? usage: ${USAGE}`);
  const count = positive('--seeds', values.seeds);
  const from = withCommandPrefix('go explore', () => parseSeed(values.from ?? '1', '--from'));
  const jobs = Math.min(count, values.jobs === undefined ? 1 : positive('--jobs', values.jobs), availableParallelism() * 4);
  const prepared = prepareOrExplain(flags.dir, 'go explore');
  if (typeof prepared === 'number') return prepared;
  const job: GoExploreJob = { dir: prepared.pkg.dir, ...(flags.run === undefined ? {} : { run: flags.run }), ...(flags.faults === undefined ? {} : { faults: flags.faults }), env: flags.env, ...(flags.pid === undefined ? {} : { pid: flags.pid }) };
  const seeds = Array.from({ length: count }, (_, i) => from + i);
  const startedMs = Date.now();
  const first = values.first === true;
  const ran = jobs <= 1 ? await runHere(prepared, job, seeds, first) : await runInWorkers(prepared, job, seeds, jobs, first);
  const verdicts = first ? upToFirstFailure(ran) : ran.sort((a, b) => a.seed - b.seed);
  const refused = refusedRunPattern('go explore', flags, verdicts.find((v) => !v.ok)?.why.join('\n') ?? '');
  if (refused !== null) throw refused;
  report(flags, verdicts, (Date.now() - startedMs) / 1000, jobs, prepared.pkg.name, first && verdicts.length < count);
  return verdicts.every((v) => v.ok) ? 0 : 1;
}

async function runHere(prepared: PreparedGoTest, job: GoExploreJob, seeds: readonly number[], first: boolean): Promise<GoSeedVerdict[]> {
  const verdicts: GoSeedVerdict[] = [];
  for (const seed of seeds) {
    const verdict = await runGoSeed(prepared, job, seed);
    verdicts.push(verdict);
    if (first && !verdict.ok) break;
  }
  return verdicts;
}

/**
 * The seeds from the first up to the lowest failing one. Workers take seeds in order, so once a
 * seed has failed every lower seed has been handed out; waiting for those in flight and cutting
 * here gives the report one worker would have given.
 */
function upToFirstFailure(verdicts: GoSeedVerdict[]): GoSeedVerdict[] {
  verdicts.sort((a, b) => a.seed - b.seed);
  const failAt = verdicts.findIndex((v) => !v.ok);
  return failAt < 0 ? verdicts : verdicts.slice(0, failAt + 1);
}

/** Exported for the test that a worker runs the binary this thread built. */
export function runInWorkers(prepared: PreparedGoTest, job: GoExploreJob, seeds: readonly number[], jobs: number, first: boolean): Promise<GoSeedVerdict[]> {
  const verdicts: GoSeedVerdict[] = [];
  let next = 0;
  let handedOut = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const feed = (worker: Worker): void => {
      const stopped = first && verdicts.some((v) => !v.ok);
      if (!stopped && next < seeds.length) {
        worker.postMessage(seeds[next++]);
        handedOut++;
      } else if (verdicts.length === handedOut) void Promise.all(workers.map((w) => w.terminate())).then(() => resolve(verdicts));
    };
    for (let i = 0; i < jobs; i++) {
      const worker = new Worker(new URL('./go-explore-worker-boot-cli.mjs', import.meta.url), { workerData: { job, prepared } });
      workers.push(worker);
      worker.on('message', (verdict: GoSeedVerdict) => {
        verdicts.push(verdict);
        feed(worker);
      });
      worker.on('error', (error) => {
        void Promise.all(workers.map((w) => w.terminate())).then(() => reject(error));
      });
      feed(worker);
    }
  });
}

function report(flags: GoRunFlags, verdicts: readonly GoSeedVerdict[], wallSeconds: number, jobs: number, name: string, stoppedEarly: boolean): void {
  const failing = verdicts.filter((v) => !v.ok);
  for (const verdict of failing) {
    const about = [...(flags.pid === undefined ? [] : [`pid ${verdict.pid}`]), ...(flags.faults === undefined ? [] : [`socket faults: ${verdict.faults}`])];
    console.log(`seed ${verdict.seed}: FAIL ${verdict.failed.join(', ') || '(the program died)'}${about.length === 0 ? '' : ` (${about.join('; ')})`}`);
    for (const line of verdict.why) console.log(`    ${line}`);
    // Shown without -v (Go still prints a failing test's log); the replay may add -v: the
    // program runs with Go's -test.v either way, so it is the same run.
    console.log(`    replay: ${replayCommand(flags, verdict.seed)}`);
  }
  const first = verdicts[0]?.seed ?? 0;
  const last = verdicts[verdicts.length - 1]?.seed ?? 0;
  console.log(`rpcsim go explore ${name}: ${failing.length} of ${verdicts.length} seeds failed (seeds ${first}-${last}${stoppedEarly ? ', stopped at the first failure' : ''}), ${wallSeconds.toFixed(1)} s wall with ${jobs} job${jobs === 1 ? '' : 's'}`);
}
