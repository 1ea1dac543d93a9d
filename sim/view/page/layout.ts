// Where things go on the page: one row per process (or, for an expanded process, one per
// goroutine), then one row per client for the client operations; and the map from virtual time
// to x. Pure: the drawing code asks it, the tests of the page read what the drawing produced.

import type { ViewModel } from '../view-model.ts';

export const ROW_HEIGHT_PX = 34;
export const LABEL_WIDTH_PX = 150;
export const AXIS_HEIGHT_PX = 26;

export interface ViewWindow {
  /** The visible span of virtual time, in microseconds. */
  readonly t0: number;
  readonly t1: number;
}

export interface Row {
  readonly label: string;
  readonly lane: number; // -1 for a client row
  readonly task: number; // -1 unless the row is one goroutine
  readonly client: number; // -1 unless a client row
}

export interface Layout {
  readonly rows: readonly Row[];
  /** task index → row index, or -1 when its process is hidden. */
  readonly taskRow: Int32Array;
  /** lane index → the row of the process (its first row when expanded), or -1. */
  readonly laneRow: Int32Array;
  readonly clientRow: ReadonlyMap<number, number>;
  readonly heightPx: number;
}

export function layoutRows(model: ViewModel, hidden: ReadonlySet<number>, expanded: ReadonlySet<number>): Layout {
  const rows: Row[] = [];
  const taskRow = new Int32Array(model.tasks.length).fill(-1);
  const laneRow = new Int32Array(model.lanes.length).fill(-1);
  model.lanes.forEach((lane, laneIndex) => {
    if (hidden.has(laneIndex)) return;
    laneRow[laneIndex] = rows.length;
    const tasks = model.tasks.map((_, i) => i).filter((i) => model.taskLane[i] === laneIndex);
    if (expanded.has(laneIndex)) {
      for (const task of tasks) {
        taskRow[task] = rows.length;
        rows.push({ label: model.tasks[task]!, lane: laneIndex, task, client: -1 });
      }
    } else {
      for (const task of tasks) taskRow[task] = rows.length;
      rows.push({ label: lane, lane: laneIndex, task: -1, client: -1 });
    }
  });
  const clientRow = new Map<number, number>();
  const clients = [...new Set(model.ops.map((op) => op.client))].sort((a, b) => a - b);
  for (const client of clients) {
    clientRow.set(client, rows.length);
    rows.push({ label: `client ${client}`, lane: -1, task: -1, client });
  }
  return { rows, taskRow, laneRow, clientRow, heightPx: AXIS_HEIGHT_PX + rows.length * ROW_HEIGHT_PX + 8 };
}

export function rowY(row: number): number {
  return AXIS_HEIGHT_PX + row * ROW_HEIGHT_PX + ROW_HEIGHT_PX / 2;
}

export function timeToX(window: ViewWindow, widthPx: number, t: number): number {
  return LABEL_WIDTH_PX + ((t - window.t0) / Math.max(1, window.t1 - window.t0)) * (widthPx - LABEL_WIDTH_PX - 10);
}

export function xToTime(window: ViewWindow, widthPx: number, x: number): number {
  return window.t0 + ((x - LABEL_WIDTH_PX) / Math.max(1, widthPx - LABEL_WIDTH_PX - 10)) * (window.t1 - window.t0);
}

/** First index whose value is ≥ t in a nondecreasing array. */
export function lowerBound(values: readonly number[], t: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
