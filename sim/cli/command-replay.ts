// `rpcsim replay`: the same run again, byte for byte. From a seed, it re-runs and shows the
// trace fingerprint; from a trace file, it replays the recorded decisions and compares the new
// trace with the recorded one, saying where they first part if the code has changed since.

import { ReplayChooser, ReplayDivergence } from '../kernel/decision-log.ts';
import { traceHash } from '../trace/hash.ts';
import { renderTextLine } from '../trace/render-text.ts';
import type { TraceEvent } from '../trace/events.ts';
import type { Catalogue, ImplementationRef } from './catalogue.ts';
import { printResult, runExtras, type RunFlags } from './command-run.ts';
import { checkBugs, checkScenario, parseSeed } from './options.ts';
import { paint } from './style-cli.ts';
import { readTraceFile, type TraceFile } from './trace-file.ts';
import { UsageError } from './usage-error.ts';
import { wallMillis } from '../bench/wallclock.ts';
import { implementationFlag } from './impl-flag.ts';

export interface ReplayFlags extends RunFlags {
  readonly trace?: string;
}

export async function replayCommand(catalogue: Catalogue, scenarioArg: string | undefined, flags: ReplayFlags): Promise<number> {
  if (flags.trace !== undefined) return replayTraceFile(catalogue, flags.trace, flags);
  if (flags.seed === undefined) throw new UsageError('replay needs --seed N (the seed a run printed) or --trace FILE (from run --trace-out)');
  const scenario = checkScenario(catalogue, scenarioArg, 'replay');
  const seed = parseSeed(flags.seed);
  const bugs = checkBugs(catalogue, flags.bug);
  const impl = await implementationFlag(catalogue, flags);
  const started = wallMillis();
  const result = await catalogue.run(scenario, { seed, bugs, trace: true, ...runExtras(flags), ...(impl ? { impl } : {}) });
  printResult(result, bugs, flags, (wallMillis() - started) / 1000, impl);
  console.log(`trace fingerprint ${traceHash(result.trace)} (the same seed always gives the same fingerprint)`);
  return result.ok ? 0 : 1;
}

async function replayTraceFile(catalogue: Catalogue, path: string, flags: ReplayFlags): Promise<number> {
  const file = readTraceFile(path);
  const scenario = checkScenario(catalogue, file.scenario, 'replay');
  const bugs = checkBugs(catalogue, file.bugs);
  if (flags.impl !== undefined) throw new UsageError(`--impl goes with --seed; ${path} names the implementation it was recorded with`);
  const impl = await recordedImplementation(catalogue, file, path);
  const chooser = new ReplayChooser(file.decisions);
  const started = wallMillis();
  let result;
  try {
    const faults = file.faults === undefined ? {} : { faults: file.faults };
    result = await catalogue.run(scenario, { seed: file.seed, bugs, trace: true, chooser, swarm: file.swarm, ...faults, ...(impl ? { impl } : {}) });
  } catch (error) {
    if (!(error instanceof ReplayDivergence)) throw error;
    console.log(paint('red', `DIVERGED: ${error.message}; the program has changed since ${path} was recorded`));
    return 1;
  }
  if (chooser.divergence !== null) {
    console.log(paint('red', `DIVERGED: ${chooser.divergence.message}; the program has changed since ${path} was recorded`));
    return 1;
  }
  printResult(result, bugs, { ...flags, swarm: file.swarm }, (wallMillis() - started) / 1000, impl);
  const divergence = firstDifference(file.events, result.trace);
  if (divergence === null && traceHash(result.trace) === file.hash) {
    console.log(paint('green', `IDENTICAL: ${result.trace.length} trace events, fingerprint ${file.hash}, as recorded in ${path}`));
    return result.ok ? 0 : 1;
  }
  const at = divergence ?? Math.min(file.events.length, result.trace.length);
  console.log(paint('red', `DIVERGED at event ${at + 1} of ${file.events.length}: the program has changed since ${path} was recorded`));
  const was = file.events[at];
  const now = result.trace[at];
  console.log(`  recorded: ${was ? renderTextLine(was) : '(end of trace)'}`);
  console.log(`  replayed: ${now ? renderTextLine(now) : '(end of trace)'}`);
  return 1;
}

/** The implementation a trace file was recorded with, loaded again; says so when its sources
 *  have changed since (the replay then shows where the run parts, if it does). */
async function recordedImplementation(catalogue: Catalogue, file: TraceFile, path: string): Promise<ImplementationRef | undefined> {
  if (file.impl === undefined) return undefined;
  const impl = await implementationFlag(catalogue, { impl: file.impl.path });
  if (impl !== undefined && impl.sourceHash !== file.impl.sourceHash) {
    console.log(paint('red', `the implementation has changed since ${path} was recorded: source ${file.impl.sourceHash} then, ${impl.sourceHash} now`));
  }
  return impl;
}

function firstDifference(recorded: readonly TraceEvent[], replayed: readonly TraceEvent[]): number | null {
  const n = Math.max(recorded.length, replayed.length);
  for (let i = 0; i < n; i++) {
    const a = recorded[i];
    const b = replayed[i];
    if (a === undefined || b === undefined || JSON.stringify(a) !== JSON.stringify(b)) return i;
  }
  return null;
}
