/// <reference lib="dom" />
// Search: every drawn element whose trace line contains the text (case-insensitive) is
// highlighted, and "next" centres the window on the next match in time.

import { elementLines, elementPlace } from './detail.ts';
import type { Diagram } from './main.ts';

function allKeys(diagram: Diagram): string[] {
  const { model } = diagram;
  return [
    ...model.messages.sendMicros.map((_, i) => `m${i}`),
    ...model.failures.map((_, i) => `f${i}`),
    ...model.marks.map((_, i) => `k${i}`),
    ...model.ops.map((_, i) => `o${i}`),
  ];
}

export function wireSearch(diagram: Diagram): void {
  const input = diagram.root.querySelector<HTMLInputElement>('.search');
  const next = diagram.root.querySelector<HTMLButtonElement>('.search-next');
  const status = diagram.root.querySelector<HTMLElement>('.search-status');
  if (input === null || next === null || status === null) return;
  let matches: string[] = [];
  let at = -1;
  const run = (): void => {
    const query = input.value.trim().toLowerCase();
    matches = query === '' ? [] : allKeys(diagram).filter((key) => elementLines(diagram.model, key).some((line) => line.toLowerCase().includes(query)));
    matches.sort((a, b) => elementPlace(diagram.model, a).tMicros - elementPlace(diagram.model, b).tMicros);
    at = -1;
    diagram.state.highlight = new Set(matches);
    status.textContent = query === '' ? '' : `${matches.length} match${matches.length === 1 ? '' : 'es'}`;
    diagram.root.dataset['searchMatches'] = String(matches.length);
    diagram.redraw();
  };
  input.addEventListener('change', run);
  next.addEventListener('click', () => {
    if (matches.length === 0) return;
    at = (at + 1) % matches.length;
    diagram.focus(elementPlace(diagram.model, matches[at]!).tMicros);
    status.textContent = `${at + 1} of ${matches.length}`;
    diagram.redraw();
  });
}
