// `--proc NAME`, `--from SECONDS` and `--to SECONDS` on run and replay: which events the summary,
// `--full` and the last-events list print (a concurrent-same `--full` is 1.67 M lines). The run
// itself, its verdict, its fingerprint and its trace file are never filtered.

import type { TraceEvent } from '../trace/events.ts';
import { UsageError } from './usage-error.ts';

export interface EventFilter {
  /** Process names ("s1" matches "s1", "s1#2" and its tasks); empty: every process. */
  readonly procs: readonly string[];
  readonly fromMicros: number;
  readonly toMicros: number;
}

export function parseEventFilter(flags: { proc?: readonly string[] | undefined; from?: string | undefined; to?: string | undefined }): EventFilter {
  const fromMicros = flags.from === undefined ? 0 : seconds('--from', flags.from);
  const toMicros = flags.to === undefined ? Number.POSITIVE_INFINITY : seconds('--to', flags.to);
  if (toMicros < fromMicros) throw new UsageError(`--from ${flags.from} is after --to ${flags.to}: give a range of virtual seconds, e.g. --from 2 --to 3.5`);
  return { procs: flags.proc ?? [], fromMicros, toMicros };
}

function seconds(flag: string, text: string): number {
  if (!/^\d+(\.\d{1,6})?$/.test(text)) throw new UsageError(`bad ${flag} "${text}": give virtual seconds, a non-negative number with at most 6 decimals, e.g. ${flag} 2.5`);
  return Math.round(Number(text) * 1_000_000);
}

export function isFiltered(filter: EventFilter): boolean {
  return filter.procs.length > 0 || filter.fromMicros > 0 || filter.toMicros !== Number.POSITIVE_INFINITY;
}

export function keeps(filter: EventFilter, event: TraceEvent): boolean {
  if (event.t < filter.fromMicros || event.t > filter.toMicros) return false;
  if (filter.procs.length === 0) return true;
  const proc = event.proc.split('#')[0];
  return filter.procs.some((p) => p === event.proc || p === proc);
}

export function* filtered(filter: EventFilter, events: readonly TraceEvent[]): Generator<TraceEvent> {
  for (const event of events) if (keeps(filter, event)) yield event;
}
