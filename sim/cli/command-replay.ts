// `rpcsim replay`: the same run again, byte for byte. From flags, it re-runs the description
// they give and shows the trace fingerprint; from a trace file, it replays the recorded
// decisions under the recorded description and compares the new trace with the recorded one.
// A difference is named: a field of the description the command contradicts (bad input), or
// the first decision or event where the runs part, blamed on the program only when the code
// fingerprint differs. Exit 0/1 for an identical replay of a passing/failing run, 3 diverged.

import { ReplayChooser, ReplayDivergence } from '../kernel/decision-log.ts';
import { streamTraceHash as traceHash } from '../trace/hash.ts';
import { renderTextLine } from '../trace/render-text.ts';
import type { TraceEvent } from '../trace/events.ts';
import type { Catalogue } from './catalogue.ts';
import type { Flags } from './main.ts';
import { printResult } from './command-run.ts';
import { paint } from './style-cli.ts';
import { readTraceFile, type TraceFile } from './trace-file.ts';
import { UsageError } from './usage-error.ts';
import { wallMillis } from '../bench/wallclock.ts';
import { EXIT_DIVERGED } from './flags-per-command.ts';
import { describeFromFlags, runOptionsOf } from './run-setup.ts';
import { implementationFlag, withImplementation } from './impl-flag.ts';
import { codeFingerprint } from '../replay/code-fingerprint.ts';
import { differingFields, showField, type RunDescription } from '../replay/run-description.ts';

const RUN_FLAGS = ['seed', 'bug', 'swarm', 'strategy', 'plan'] as const;

export async function replayCommand(catalogue: Catalogue, scenarioArg: string | undefined, flags: Flags): Promise<number> {
  if (flags.trace !== undefined) return replayTraceFile(catalogue, scenarioArg, flags.trace, flags);
  if (flags.seed === undefined) throw new UsageError('replay needs --seed N (the seed a run printed) or --trace FILE (from run --trace-out)');
  const description = await withImplementation(catalogue, describeFromFlags(catalogue, 'replay', scenarioArg, flags), flags);
  const started = wallMillis();
  const result = await catalogue.run(description.scenario, runOptionsOf(description, true));
  const hash = traceHash(result.trace);
  printResult(result, description, flags, (wallMillis() - started) / 1000, hash);
  if (flags.json !== true) console.log(`trace fingerprint ${hash} (the same seed always gives the same fingerprint)`);
  return result.ok ? 0 : 1;
}

async function replayTraceFile(catalogue: Catalogue, scenarioArg: string | undefined, fileArg: string, flags: Flags): Promise<number> {
  const file = readTraceFile(fileArg);
  const path = fileArg === '-' ? 'standard input' : fileArg;
  checkFileConsistent(path, file);
  const recorded = file.run;
  if (flags.impl !== undefined) {
    throw new UsageError(`replay --trace does not take --impl: ${path} records the implementation it ran${recorded.impl === null ? ' (the reference)' : ` (${recorded.impl.path})`}, and the replay loads it from there`);
  }
  if (scenarioArg !== undefined || RUN_FLAGS.some((flag) => flags[flag] !== undefined)) {
    // The command names a run too: it must be the file's, or the user is comparing two things.
    const asked = describeFromFlags(catalogue, 'replay', scenarioArg ?? recorded.scenario, flags, recorded.seed);
    const fields = differingFields(recorded, { ...asked, code: recorded.code, impl: recorded.impl });
    if (fields.length > 0) {
      const said = fields.map((f) => `${f}: the command says ${showField(asked, f)}, ${path} records ${showField(recorded, f)}`).join('; ');
      throw new UsageError(`replay --trace: ${said}. Drop those flags to replay the file, or replay the command's run without --trace`);
    }
  }
  const now = codeFingerprint();
  const impl = await implementationNow(catalogue, recorded.impl);
  const implChanged = impl !== null && recorded.impl !== null && impl.sourceHash !== recorded.impl.sourceHash;
  if (implChanged) {
    const notice = `the implementation has changed since ${path} was recorded: source ${recorded.impl!.sourceHash} then, ${impl.sourceHash} now`;
    if (flags.json === true) console.error(`rpcsim: ${notice}`);
    else console.log(paint('red', notice));
  }
  const current: RunDescription = { ...recorded, code: now, impl };
  const blame = implChanged
    ? `the implementation at ${impl.path} has changed since ${path} was recorded`
    : recorded.code === now
    ? `the code fingerprint is the same (${now}), so either ${path} was edited or the run is not deterministic (a bug in rpcsim: please report it with this file)`
    : `the program has changed since ${path} was recorded (code fingerprint ${recorded.code} then, ${now} now)`;
  if (!catalogue.scenarios.some((s) => s.name === recorded.scenario)) throw new UsageError(`${path} records scenario "${recorded.scenario}", which this rpcsim does not have; run \`rpcsim list\``);
  const unknownBug = recorded.bugs.find((b) => !catalogue.bugs.some((c) => c.name === b));
  if (unknownBug !== undefined) throw new UsageError(`${path} records bug "${unknownBug}", which this rpcsim does not have; run \`rpcsim bugs\``);
  const chooser = new ReplayChooser(file.decisions);
  const started = wallMillis();
  let result;
  try {
    result = await catalogue.run(recorded.scenario, runOptionsOf(current, true, chooser));
  } catch (error) {
    if (!(error instanceof ReplayDivergence)) throw error;
    console.log(paint('red', `DIVERGED: ${error.message}; ${blame}`));
    return EXIT_DIVERGED;
  }
  if (chooser.divergence !== null) {
    console.log(paint('red', `DIVERGED: ${chooser.divergence.message}; ${blame}`));
    return EXIT_DIVERGED;
  }
  const hash = traceHash(result.trace);
  printResult(result, current, flags, (wallMillis() - started) / 1000, hash);
  const at = firstDifference(file.events, result.trace);
  if (at === null && hash === file.hash) {
    if (flags.json !== true) console.log(paint('green', `IDENTICAL: ${result.trace.length} trace events, fingerprint ${file.hash}, as recorded in ${path}`));
    return result.ok ? 0 : 1;
  }
  const index = at ?? Math.min(file.events.length, result.trace.length);
  console.log(paint('red', `DIVERGED at event ${index + 1} (${path} has ${file.events.length} events, the replay ${result.trace.length}): ${blame}`));
  const was = file.events[index];
  const is = result.trace[index];
  console.log(`  recorded: ${was ? renderTextLine(was) : `(the recorded run ended after event ${file.events.length})`}`);
  console.log(`  replayed: ${is ? renderTextLine(is) : `(the replay ended after event ${result.trace.length})`}`);
  return EXIT_DIVERGED;
}

/** The recorded implementation as it is on disk now (its source hash may have changed); null: the reference. */
async function implementationNow(catalogue: Catalogue, recorded: RunDescription['impl']): Promise<RunDescription['impl']> {
  if (recorded === null) return null;
  return (await implementationFlag(catalogue, { impl: recorded.path })) ?? null;
}

/** A file whose last line's fingerprint does not match its own events was damaged or edited. */
function checkFileConsistent(path: string, file: TraceFile): void {
  const own = traceHash(file.events);
  if (own !== file.hash) {
    throw new UsageError(`${path}: the last line records fingerprint ${file.hash}, but the file's own events hash to ${own}: the file was edited or damaged; record it again with \`rpcsim run ... --trace-out\``);
  }
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
