// Trace files (`--trace-out run.jsonl`): line 1 is a header with the run description (everything
// that decides the run), its verdict and its decision log; then one JSON event per line; the last
// line holds the trace's fingerprint and event count. The file is opened before the run (a path
// that cannot be written is bad input, said before any work), and written and hashed in one pass
// in bounded chunks, so a million-event trace never becomes one string.
// Reading one checks every field and says, in one line, what is wrong with a malformed file.

import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { DecisionLog } from '../kernel/decision-log.ts';
import { decisionKindCode } from '../kernel/chooser.ts';
import type { TraceEvent } from '../trace/events.ts';
import type { CliRunResult } from './catalogue.ts';
import { checkPlan } from './plan-file.ts';
import { UsageError, fileReadError, fileWriteError } from './usage-error.ts';
import { DescriptionError, descriptionFromJSON, descriptionToJSON } from '../replay/description-json.ts';
import type { RunDescription } from '../replay/run-description.ts';
import { StreamFingerprint } from '../trace/hash.ts';

export const TRACE_FORMAT = 'rpcsim-trace/2';
const CHUNK_CHARS = 1 << 20;

export interface TraceFile {
  readonly run: RunDescription;
  readonly verdict: string;
  readonly decisions: DecisionLog;
  /** The fingerprint the last line records. */
  readonly hash: string;
  readonly events: readonly TraceEvent[];
}

/** A trace file opened for writing before the run starts. */
export class TraceFileWriter {
  private constructor(readonly path: string, private readonly fd: number) {}

  static open(path: string): TraceFileWriter {
    try {
      return new TraceFileWriter(path, openSync(path, 'w'));
    } catch (error) {
      throw fileWriteError('trace file', path, error);
    }
  }

  /** Writes the run and closes the file; returns the trace's fingerprint. */
  write(run: RunDescription, result: CliRunResult): string {
    const hasher = new StreamFingerprint();
    const head = JSON.stringify({ format: TRACE_FORMAT, run: descriptionToJSON(run), verdict: verdictOf(result), decisions: [] });
    let chunk = head.slice(0, -2); // up to and including "decisions":[
    const flush = (): void => {
      this.put(chunk);
      chunk = '';
    };
    // The decision log, a million triples in a busy run, goes out in chunks too.
    const decisions = result.decisions;
    for (let i = 0; i < decisions.length; i++) {
      const record = decisions.at(i)!;
      chunk += `${i === 0 ? '' : ','}${decisionKindCode(record.kind)},${record.n},${record.value}`;
      if (chunk.length >= CHUNK_CHARS) flush();
    }
    chunk += ']}\n';
    for (const event of result.trace) {
      const line = JSON.stringify(event) + '\n';
      hasher.update(line);
      chunk += line;
      if (chunk.length >= CHUNK_CHARS) flush();
    }
    const hash = hasher.digest();
    chunk += JSON.stringify({ end: TRACE_FORMAT, events: result.trace.length, hash }) + '\n';
    flush();
    closeSync(this.fd);
    return hash;
  }

  private put(text: string): void {
    try {
      writeSync(this.fd, text);
    } catch (error) {
      throw fileWriteError('trace file', this.path, error);
    }
  }
}

export function verdictOf(result: Pick<CliRunResult, 'ok' | 'kind' | 'reason'>): string {
  return result.ok ? 'ok' : `${result.kind ?? 'failure'}: ${result.reason ?? ''}`;
}

/** Reads a trace file; `path` "-" reads standard input. */
export function readTraceFile(fileArg: string): TraceFile {
  const path = fileArg === '-' ? 'standard input' : fileArg;
  let text: string;
  try {
    text = readFileSync(fileArg === '-' ? 0 : fileArg, 'utf8');
  } catch (error) {
    throw fileReadError('trace file', path, error);
  }
  const lines = text.split('\n').filter((line) => line.length > 0);
  const header = parseLine(path, lines[0], 1);
  if (header['format'] !== TRACE_FORMAT) {
    const older = typeof header['format'] === 'string' && header['format'].startsWith('rpcsim-trace/') ? ` (this one is ${header['format']}, from an older rpcsim: record it again)` : '';
    throw new UsageError(`${path} is not an rpcsim trace file${older}: line 1 should be a header with "format":"${TRACE_FORMAT}"; write one with \`rpcsim run <scenario> --trace-out FILE\``);
  }
  let run: RunDescription;
  let decisions: DecisionLog;
  try {
    run = descriptionFromJSON(`${path}: line 1: run`, header['run'], checkPlan);
    if (!Array.isArray(header['decisions'])) throw new DescriptionError(`${path}: line 1: "decisions" must be a list of numbers`);
    decisions = DecisionLog.fromJSON(header['decisions'] as number[]);
  } catch (error) {
    if (error instanceof DescriptionError || error instanceof UsageError) throw new UsageError(error.message);
    throw new UsageError(`${path}: line 1: ${(error as Error).message}`);
  }
  const end = lines.length >= 2 ? parseLine(path, lines[lines.length - 1], lines.length) : {};
  const count = end['events'];
  if (end['end'] !== TRACE_FORMAT || typeof end['hash'] !== 'string' || typeof count !== 'number' || count !== lines.length - 2) {
    throw new UsageError(`${path}: the last line should be {"end":"${TRACE_FORMAT}","events":N,"hash":...} with N the number of event lines; the file is cut short or damaged`);
  }
  const events = lines.slice(1, -1).map((line, i) => checkEvent(path, parseLine(path, line, i + 2), i + 2));
  return { run, verdict: typeof header['verdict'] === 'string' ? header['verdict'] : '', decisions, hash: end['hash'], events };
}

function checkEvent(path: string, value: Record<string, unknown>, lineNumber: number): TraceEvent {
  if (typeof value['t'] !== 'number' || typeof value['type'] !== 'string') throw new UsageError(`${path}: line ${lineNumber} is not a trace event (it needs "t" and "type")`);
  return value as unknown as TraceEvent;
}

function parseLine(path: string, line: string | undefined, lineNumber: number): Record<string, unknown> {
  if (line === undefined) throw new UsageError(`${path} is empty: expected an rpcsim trace (header line, then events)`);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`${path}: line ${lineNumber} is not a JSON object; the file is damaged or not an rpcsim trace`);
  return value as Record<string, unknown>;
}
