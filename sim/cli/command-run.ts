// `rpcsim run <scenario>`: one run, seed first, a readable summary, then PASS or the failure in
// the Go test's words. A failing run prints its replay command before anything else; the
// command comes from the run's description, the same record the trace file's header holds.

import type { Catalogue, CliRunResult } from './catalogue.ts';
import type { Flags } from './main.ts';
import { paint } from './style-cli.ts';
import { formatSeconds, lastEvents, summaryLines } from './summary.ts';
import { renderTextLine } from '../trace/render-text.ts';
import { TraceFileWriter } from './trace-file.ts';
import { wallMillis } from '../bench/wallclock.ts';
import { describePlan, describePlannedFault } from '../faults/plan.ts';
import { describeFromFlags, runOptionsOf } from './run-setup.ts';
import { replayCommandLine, type RunDescription } from '../replay/run-description.ts';
import { descriptionToJSON } from '../replay/description-json.ts';
import { streamTraceHash as traceHash } from '../trace/hash.ts';
import { shellWord } from '../replay/run-description.ts';
import { printLines } from './stdout-cli.ts';
import { filtered, isFiltered, parseEventFilter } from './event-filter.ts';
import { implementationText, withImplementation } from './impl-flag.ts';

function* mapLines<T>(items: readonly T[], render: (item: T) => string): Generator<string> {
  for (const item of items) yield render(item);
}

export type PrintFlags = Pick<Flags, 'full' | 'quiet' | 'json' | 'proc' | 'from' | 'to'>;

export async function runCommand(catalogue: Catalogue, scenarioArg: string | undefined, flags: Flags): Promise<number> {
  const description = await withImplementation(catalogue, describeFromFlags(catalogue, 'run', scenarioArg, flags, 1), flags);
  parseEventFilter(flags); // bad --proc/--from/--to is said before the run
  // Opened before the run: a path that cannot be written is said before any work is done.
  const writer = flags['trace-out'] === undefined ? null : TraceFileWriter.open(flags['trace-out']);
  const started = wallMillis();
  const result = await catalogue.run(description.scenario, runOptionsOf(description, true));
  const wallSeconds = (wallMillis() - started) / 1000;
  const hash = writer === null ? traceHash(result.trace) : writer.write(description, result);
  printResult(result, description, flags, wallSeconds, hash);
  if (writer !== null && flags.json !== true) {
    console.log(`trace written to ${writer.path} (replay it: npx rpcsim replay --trace ${shellWord(writer.path)})`);
  }
  return result.ok ? 0 : 1;
}

/** The header line: what ran, in the words of its description. */
export function headerLine(description: RunDescription): string {
  const swarm = description.swarm ? ' · swarm: the seed picks the fault mix' : '';
  const strategy = description.strategy === 'pct' ? ' · strategy: pct' : '';
  const plan = description.plan.kind === 'file' ? ` · plan: ${description.plan.path}` : '';
  return `seed ${description.seed} · scenario ${description.scenario} · ${implementationText(description.impl, description.bugs)}${swarm}${strategy}${plan}`;
}

export function resultRecord(result: CliRunResult, description: RunDescription, wallSeconds: number, hash: string): Record<string, unknown> {
  return {
    type: 'run',
    run: descriptionToJSON(description),
    ok: result.ok,
    kind: result.ok ? null : (result.kind ?? 'failure'),
    reason: result.ok ? null : (result.reason ?? null),
    replay: replayCommandLine(description),
    fingerprint: hash,
    virtualMicros: result.virtualMicros,
    events: result.events,
    opCount: result.opCount,
    wallSeconds: Number(wallSeconds.toFixed(3)),
    ...(description.plan.kind === 'file' ? { unstruck: unstruckLines(result, description).map((line) => line.replace(/^note: /, '')) } : {}),
  };
}

export function printResult(result: CliRunResult, description: RunDescription, flags: PrintFlags, wallSeconds: number, hash: string): void {
  if (flags.json === true) {
    console.log(JSON.stringify(resultRecord(result, description, wallSeconds, hash)));
    return;
  }
  if (!result.ok) console.log(paint('red', `replay: ${replayCommandLine(description)}`));
  console.log(headerLine(description));
  if (result.faults.length > 0) console.log(`faults: ${describePlan(result.faults)}`);
  const filter = parseEventFilter(flags);
  const shown = isFiltered(filter) ? [...filtered(filter, result.trace)] : result.trace;
  if (isFiltered(filter)) console.log(paint('dim', `showing ${shown.length} of ${result.trace.length} events (--proc/--from/--to)`));
  if (flags.full === true) printLines(mapLines(shown, renderTextLine));
  else if (flags.quiet !== true) for (const line of summaryLines(shown, 40)) console.log(line);
  const stats = `${formatSeconds(result.virtualMicros)} virtual, ${result.opCount} client ops, ${result.events} kernel events, ${wallSeconds.toFixed(2)} s wall`;
  for (const line of unstruckLines(result, description)) console.log(paint('yellow', line));
  if (result.ok) {
    console.log(paint('green', `PASS ${result.scenario} (seed ${result.seed}): ${stats}`));
    return;
  }
  console.log(paint('red', `FAIL ${result.scenario} (seed ${result.seed}, ${result.kind}): ${result.reason}`));
  if (flags.full !== true) {
    console.log(paint('dim', 'the last events before the failure:'));
    for (const line of lastEvents(shown, 12)) console.log(line);
  }
  if (result.detail) console.log(paint('dim', result.detail));
  console.log(paint('dim', stats));
}

/**
 * A --plan entry that never struck (a method nobody calls, a time past the run's end, an nth
 * beyond the run) leaves no trace line, and the verdict reads as if the plan had run: say so.
 * Only for a plan file the user wrote; drawn and scenario plans are the tool's own business.
 */
export function unstruckLines(result: CliRunResult, description: RunDescription): string[] {
  if (description.plan.kind !== 'file' || result.unstruck === undefined) return [];
  return result.unstruck.map((planned) => `note: plan entry ${result.faults.indexOf(planned)} never struck: ${describePlannedFault(planned)}`);
}

