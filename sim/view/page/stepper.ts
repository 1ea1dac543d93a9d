/// <reference lib="dom" />
// Stepping through a run: a cursor moves from one drawn event to the next (or jumps to a time),
// everything after it fades, and the line of the event at the cursor shows below. The events
// are the recorded run's, in order; the run the simulator repeats from the same seed is this one.

import type { ViewModel } from '../view-model.ts';
import { elementLines } from './detail.ts';
import type { Diagram } from './main.ts';

/** Every drawn element's key with its time, in time order. */
function timeline(model: ViewModel): { key: string; t: number }[] {
  const out: { key: string; t: number }[] = [];
  model.messages.sendMicros.forEach((t, i) => out.push({ key: `m${i}`, t }));
  model.failures.forEach((f, i) => out.push({ key: `f${i}`, t: f.t }));
  model.marks.forEach((k, i) => out.push({ key: `k${i}`, t: k.t }));
  return out.sort((a, b) => a.t - b.t);
}

export function wireStepper(diagram: Diagram): void {
  const root = diagram.root;
  const line = root.querySelector<HTMLElement>('.step-line');
  const jump = root.querySelector<HTMLInputElement>('.jump');
  if (line === null || jump === null) return;
  let events: { key: string; t: number }[] | null = null;
  let at = -1;
  const show = (): void => {
    events ??= timeline(diagram.model);
    const here = events[at];
    if (here === undefined) return;
    diagram.state.cursorMicros = here.t;
    diagram.state.highlight = new Set([here.key]);
    const span = diagram.state.window.t1 - diagram.state.window.t0;
    if (here.t < diagram.state.window.t0 || here.t > diagram.state.window.t1) diagram.focus(here.t);
    else if (span <= 0) diagram.focus(here.t);
    line.textContent = `step ${at + 1} of ${events.length}: ${elementLines(diagram.model, here.key).join('  ⟶  ')}`;
    root.dataset['step'] = String(at + 1);
    diagram.redraw();
  };
  root.querySelector('.step-next')?.addEventListener('click', () => {
    events ??= timeline(diagram.model);
    at = Math.min(events.length - 1, at + 1);
    show();
  });
  root.querySelector('.step-prev')?.addEventListener('click', () => {
    at = Math.max(0, at - 1);
    show();
  });
  jump.addEventListener('change', () => {
    events ??= timeline(diagram.model);
    const micros = Math.round(Number(jump.value) * 1_000_000);
    if (!Number.isFinite(micros)) return;
    at = Math.max(0, events.findIndex((e) => e.t >= micros));
    if (events[at] === undefined || events[at]!.t < micros) at = events.length - 1;
    show();
  });
}
