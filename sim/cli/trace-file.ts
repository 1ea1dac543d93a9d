// Trace files (`--trace-out run.jsonl`): a header line with everything needed to replay the run
// (scenario, seed, bugs, the decision log, the trace's fingerprint), then one JSON event per line.
// Reading one checks its shape and says, in one line, what is wrong with a malformed file.

import { readFileSync, writeFileSync } from 'node:fs';
import { DecisionLog } from '../kernel/decision-log.ts';
import type { TraceEvent } from '../trace/events.ts';
import { traceHash } from '../trace/hash.ts';
import { renderJsonl } from '../trace/render-jsonl.ts';
import type { CliRunResult, ImplementationRef } from './catalogue.ts';
import type { FaultPlan } from '../faults/plan.ts';
import { checkPlan } from './plan-file.ts';
import { UsageError, fileReadError } from './usage-error.ts';

export const TRACE_FORMAT = 'rpcsim-trace/1';

export interface TraceFile {
  readonly scenario: string;
  readonly seed: number;
  readonly bugs: readonly string[];
  /** Swarm mode: the seed also picked the fault mix (absent in older files: false). */
  readonly swarm: boolean;
  /** The fault plan the run used, whether its own, drawn or from --plan (absent in older files:
   *  the scenario's own). A replay must strike the same faults, and a --plan file may be gone. */
  readonly faults: FaultPlan | undefined;
  readonly decisions: DecisionLog;
  readonly hash: string;
  readonly events: readonly TraceEvent[];
  /** The user's implementation the run used (`--impl`), with its source hash then; absent: the reference. */
  readonly impl: ImplementationRef | undefined;
}

export function writeTraceFile(path: string, result: CliRunResult, bugs: ReadonlySet<string>, swarm = false, impl?: ImplementationRef): void {
  const header = {
    format: TRACE_FORMAT,
    scenario: result.scenario,
    seed: result.seed,
    bugs: [...bugs],
    swarm,
    ...(impl === undefined ? {} : { impl: { path: impl.path, sourceHash: impl.sourceHash } }),
    verdict: result.ok ? 'ok' : `${result.kind}: ${result.reason}`,
    hash: traceHash(result.trace),
    faults: result.faults,
    decisions: result.decisions.toJSON(),
  };
  writeFileSync(path, JSON.stringify(header) + '\n' + renderJsonl(result.trace));
}

export function readTraceFile(path: string): TraceFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw fileReadError('trace file', path, error);
  }
  const lines = text.split('\n').filter((line) => line.length > 0);
  const header = parseLine(path, lines[0], 1) as Record<string, unknown>;
  if (header['format'] !== TRACE_FORMAT) {
    throw new UsageError(`${path} is not an rpcsim trace file (line 1 should be a header with "format":"${TRACE_FORMAT}"); write one with \`rpcsim run <scenario> --trace-out ${path}\``);
  }
  const { scenario, seed, bugs, decisions, hash } = header;
  if (typeof scenario !== 'string' || typeof seed !== 'number' || typeof hash !== 'string' || !Array.isArray(bugs) || !Array.isArray(decisions)) {
    throw new UsageError(`${path}: line 1 is missing scenario, seed, bugs, hash or decisions`);
  }
  let log: DecisionLog;
  try {
    log = DecisionLog.fromJSON(decisions as number[]);
  } catch (error) {
    throw new UsageError(`${path}: line 1: ${(error as Error).message}`);
  }
  const events = lines.slice(1).map((line, i) => parseLine(path, line, i + 2) as TraceEvent);
  const faults = header['faults'] === undefined ? undefined : checkPlan(`${path}: line 1: faults`, header['faults']);
  const impl = header['impl'] === undefined ? undefined : checkImpl(path, header['impl']);
  return { scenario, seed, bugs: bugs.map(String), swarm: header['swarm'] === true, faults, decisions: log, hash, events, impl };
}

function checkImpl(path: string, value: unknown): ImplementationRef {
  const impl = value as Partial<Record<keyof ImplementationRef, unknown>> | null;
  if (typeof impl !== 'object' || impl === null || typeof impl.path !== 'string' || typeof impl.sourceHash !== 'string') {
    throw new UsageError(`${path}: line 1: impl should be {"path": ..., "sourceHash": ...}`);
  }
  return { path: impl.path, sourceHash: impl.sourceHash };
}

function parseLine(path: string, line: string | undefined, lineNumber: number): unknown {
  if (line === undefined) throw new UsageError(`${path} is empty: expected an rpcsim trace (header line, then events)`);
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null) throw new Error('not an object');
    return value;
  } catch {
    throw new UsageError(`${path}: line ${lineNumber} is not a JSON object; the file is damaged or not an rpcsim trace`);
  }
}
