// The readable summary of a run: the scenario's own narration, faults, process starts and
// crashes, and every line a process printed (call() errors included), capped so a 20-second
// scenario fits on a screen; `--full` prints every event instead.

import type { TraceEvent, TraceType } from '../trace/events.ts';
import { renderTextLine } from '../trace/render-text.ts';

const SUMMARY_TYPES: ReadonlySet<TraceType> = new Set<TraceType>(['note', 'fault', 'log', 'crash', 'pause', 'resume', 'spawn']);

export function summaryLines(trace: readonly TraceEvent[], maxLines: number): string[] {
  const lines = trace.filter((e) => SUMMARY_TYPES.has(e.type)).map(renderTextLine);
  if (lines.length <= maxLines) return lines;
  const head = Math.floor(maxLines / 2);
  const tail = maxLines - head;
  return [...lines.slice(0, head), `          … ${lines.length - maxLines} more lines (--full shows every event) …`, ...lines.slice(-tail)];
}

/** The last `count` events of any kind: what happened just before a failure. */
export function lastEvents(trace: readonly TraceEvent[], count: number): string[] {
  return trace.slice(-count).map(renderTextLine);
}

export function formatSeconds(micros: number): string {
  return `${(micros / 1_000_000).toFixed(1)} s`;
}
