/// <reference lib="dom" />
// The page's controller: reads the view model embedded in the page, keeps the view state (the
// visible window of virtual time, hidden and expanded lanes, highlights, the replay cursor) and
// redraws on every change. Zoom with the wheel, pan by dragging, click a lane's name to show its
// goroutines, click anything for its trace lines. Diagrams mounted on one SharedAxis (a run and its
// branches) share the visible window: a zoom or pan in one redraws them all at the same scale. The root element carries the counts of what
// was drawn (data-drawn-arrows, -marks, -errors, -ops) for tests and tools to hold against the trace.

import type { ViewModel } from '../view-model.ts';
import { showDetail, type DetailHost } from './detail.ts';
import { drawDiagram } from './draw.ts';
import { layoutRows, xToTime, type ViewWindow } from './layout.ts';
import { wireSearch } from './search.ts';
import { wireStepper } from './stepper.ts';
import { SharedAxis } from './time-axis.ts';

export interface DiagramState {
  window: ViewWindow;
  readonly hidden: Set<number>;
  readonly expanded: Set<number>;
  highlight: Set<string>;
  cursorMicros: number | null;
}

export interface Diagram extends DetailHost {
  readonly model: ViewModel;
  readonly state: DiagramState;
  readonly root: HTMLElement;
  readonly axis: SharedAxis;
  /** Redraws every diagram on this one's time axis. */
  redraw(): void;
}

export interface MountOptions {
  /** The page's own run: its window may come from the address (#window=...). */
  readonly primary?: boolean;
  /** Share this axis (a branch drawn under its run); default a new one. */
  readonly axis?: SharedAxis;
}

function fullWindow(model: ViewModel): ViewWindow {
  return { t0: 0, t1: Math.max(1, model.meta.endMicros) };
}

/** A window from the address, "page.html#window=4.90,4.91" (seconds), so a view can be linked. */
function windowFromAddress(model: ViewModel): ViewWindow {
  const match = /window=([\d.]+),([\d.]+)/.exec(location.hash);
  if (match === null) return fullWindow(model);
  const t0 = Number(match[1]) * 1_000_000;
  const t1 = Number(match[2]) * 1_000_000;
  return t1 > t0 ? { t0, t1 } : fullWindow(model);
}

/** Mounts one diagram (the run, or a branch of it) into `root`, which holds a .diagram box. */
export function mountDiagram(root: HTMLElement, model: ViewModel, detail: HTMLElement, options: MountOptions = {}): Diagram {
  const box = root.querySelector<HTMLElement>('.diagram')!;
  const primary = options.primary === true;
  const axis = options.axis ?? new SharedAxis(primary ? windowFromAddress(model) : fullWindow(model));
  const state: DiagramState = {
    get window() {
      return axis.window;
    },
    set window(window: ViewWindow) {
      axis.window = window;
    },
    hidden: new Set(),
    expanded: new Set(),
    highlight: new Set(),
    cursorMicros: null,
  };
  const draw = (widthPx: number): void => {
    const layout = layoutRows(model, state.hidden, state.expanded);
    const { svg, counts } = drawDiagram({ model, layout, window: state.window, widthPx, highlight: state.highlight, cursorMicros: state.cursorMicros });
    box.innerHTML = svg;
    root.dataset['drawnArrows'] = String(counts.arrows);
    root.dataset['drawnMarks'] = String(counts.marks);
    root.dataset['drawnErrors'] = String(counts.errors);
    root.dataset['drawnOps'] = String(counts.ops);
    root.dataset['drawnAggregated'] = String(counts.aggregated);
    root.dataset['windowMicros'] = `${Math.round(state.window.t0)}-${Math.round(state.window.t1)}`;
    root.dataset['widthPx'] = String(widthPx);
    root.dataset['state'] = 'drawn';
    const note = root.querySelector<HTMLElement>('.aggregate-note');
    if (note !== null) note.textContent = counts.aggregated > 0 ? `${counts.aggregated.toLocaleString('en')} messages and operations in this window are drawn as density bars: zoom in (wheel) to see them one by one` : '';
  };
  const diagram: Diagram = {
    model,
    state,
    root,
    detail,
    axis,
    redraw() {
      axis.drawAll();
    },
    focus(tMicros: number) {
      const span = state.window.t1 - state.window.t0;
      state.window = { t0: Math.max(0, tMicros - span / 2), t1: Math.max(0, tMicros - span / 2) + span };
    },
  };
  axis.join({ endMicros: model.meta.endMicros, box, draw });
  wireZoomPan(diagram, box);
  if (primary) {
    window.addEventListener('hashchange', () => {
      state.window = windowFromAddress(model);
      diagram.redraw();
    });
  }
  box.addEventListener('click', (event) => {
    const target = event.target as Element;
    const lane = target.closest('[data-lane]')?.getAttribute('data-lane');
    if (lane !== null && lane !== undefined) {
      const n = Number(lane);
      if (state.expanded.has(n)) state.expanded.delete(n);
      else state.expanded.add(n);
      diagram.redraw();
      return;
    }
    const key = target.closest('[data-key]')?.getAttribute('data-key');
    if (key !== null && key !== undefined) showDetail(diagram, key);
  });
  wireLaneFilter(diagram);
  root.querySelector('.fit')?.addEventListener('click', () => {
    state.window = axis.fullWindow();
    diagram.redraw();
  });
  wireSearch(diagram);
  wireStepper(diagram);
  diagram.redraw();
  return diagram;
}

function wireZoomPan(diagram: Diagram, box: HTMLElement): void {
  const { state } = diagram;
  box.addEventListener('wheel', (event) => {
    event.preventDefault();
    const at = xToTime(state.window, diagram.axis.widthPx(), event.offsetX);
    const factor = event.deltaY < 0 ? 0.8 : 1.25;
    const span = Math.max(20, (state.window.t1 - state.window.t0) * factor);
    const t0 = Math.max(0, at - (at - state.window.t0) * (span / (state.window.t1 - state.window.t0)));
    state.window = { t0, t1: t0 + span };
    diagram.redraw();
  }, { passive: false });
  let dragFrom: { x: number; window: ViewWindow } | null = null;
  box.addEventListener('mousedown', (event) => {
    dragFrom = { x: event.clientX, window: state.window };
  });
  window.addEventListener('mouseup', () => {
    dragFrom = null;
  });
  box.addEventListener('mousemove', (event) => {
    if (dragFrom === null || event.buttons === 0) return;
    const span = dragFrom.window.t1 - dragFrom.window.t0;
    const shift = ((dragFrom.x - event.clientX) / Math.max(1, box.clientWidth - 160)) * span;
    const t0 = Math.max(0, dragFrom.window.t0 + shift);
    state.window = { t0, t1: t0 + span };
    diagram.redraw();
  });
}

function wireLaneFilter(diagram: Diagram): void {
  const holder = diagram.root.querySelector<HTMLElement>('.lanes');
  if (holder === null) return;
  holder.innerHTML = diagram.model.lanes
    .map((lane, i) => `<label><input type="checkbox" data-filter-lane="${i}" checked> ${lane.replace(/[<&]/g, '')}</label>`)
    .join(' ');
  holder.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const lane = Number(input.dataset['filterLane']);
    if (input.checked) diagram.state.hidden.delete(lane);
    else diagram.state.hidden.add(lane);
    diagram.redraw();
  });
}
