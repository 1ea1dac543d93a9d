/// <reference lib="dom" />
// The panel under a diagram that shows what was clicked: the trace's text lines for it, and for
// a failed call the explanation and the events that explain it (every event on its connection,
// and the server's death), which are highlighted in the diagram and can be jumped to.

import type { ViewModel } from '../view-model.ts';
import { failureLines, markLine, messageLines, opLine } from './element-text.ts';
import { escapeXml } from './draw.ts';

export interface DetailHost {
  readonly model: ViewModel;
  readonly detail: HTMLElement;
  state: { highlight: Set<string>; window: { t0: number; t1: number } };
  redraw(): void;
  focus(tMicros: number): void;
  /** Set by the branch controls: offer "what if this process failed here" for this element. */
  onPick?: (where: { tMicros: number; lane: number; key: string }) => void;
}

/** When and on which lane an element happens (for jumping to it and for branching there). */
export function elementPlace(model: ViewModel, key: string): { tMicros: number; lane: number } {
  const i = Number(key.slice(1));
  switch (key[0]) {
    case 'm':
      return { tMicros: model.messages.sendMicros[i]!, lane: model.taskLane[model.messages.from[i]!]! };
    case 'f': {
      const f = model.failures[i]!;
      return { tMicros: f.t, lane: model.taskLane[f.task]! };
    }
    case 'k':
      return { tMicros: model.marks[i]!.t, lane: model.marks[i]!.lane };
    default:
      return { tMicros: model.ops[i]!.callMicros, lane: -1 };
  }
}

export function elementLines(model: ViewModel, key: string): string[] {
  const i = Number(key.slice(1));
  switch (key[0]) {
    case 'm': return messageLines(model, i);
    case 'f': return failureLines(model, i);
    case 'k': return [markLine(model, i)];
    default: return [opLine(model.ops[i]!)];
  }
}

export function showDetail(host: DetailHost, key: string): void {
  const { model } = host;
  const lines = elementLines(model, key);
  const highlight = new Set<string>([key]);
  let evidence = '';
  if (key[0] === 'f') {
    const failure = model.failures[Number(key.slice(1))]!;
    for (const related of failure.related) highlight.add(`m${related}`);
    model.marks.forEach((mark, i) => {
      if (mark.kind === 'crash' && failure.evidence.some((line) => line.includes(model.lanes[mark.lane]!) && line.includes('crashed'))) highlight.add(`k${i}`);
    });
    evidence = `<div class="evidence"><b>What explains it</b> (highlighted in the diagram):<pre>${failure.evidence.map(escapeXml).join('\n')}</pre>${failure.related.map((m) => `<a href="#" data-jump="m${m}">${escapeXml(model.strings[model.messages.what[m]!]!)}</a>`).join(' · ')}</div>`;
  }
  host.state.highlight = highlight;
  const place = elementPlace(model, key);
  const branch = host.onPick !== undefined && place.lane >= 0 ? `<button class="pick" data-t="${place.tMicros}" data-lane="${place.lane}">Branch here…</button>` : '';
  host.detail.innerHTML = `<pre class="lines">${lines.map(escapeXml).join('\n')}</pre>${evidence}${branch}`;
  host.detail.dataset['key'] = key;
  host.detail.querySelectorAll<HTMLElement>('[data-jump]').forEach((a) =>
    a.addEventListener('click', (event) => {
      event.preventDefault();
      const jump = a.dataset['jump']!;
      host.focus(elementPlace(model, jump).tMicros);
      host.state.highlight.add(jump);
      host.redraw();
    }),
  );
  host.detail.querySelector<HTMLElement>('.pick')?.addEventListener('click', () => host.onPick?.({ ...place, key }));
  host.redraw();
}
