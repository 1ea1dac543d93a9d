/// <reference lib="dom" />
// The page's entry: reads the run's view model embedded in the page, draws it, offers the
// exports as downloads made in the page, and, when the simulator is bundled in, branching. Runs
// shown beside it (a lesson's) share its time axis.

import { chromeTrace } from '../export-chrome.ts';
import { shivizLog } from '../export-shiviz.ts';
import type { ViewModel } from '../view-model.ts';
import { wireBranching, type BranchRunner } from './branch.ts';
import { mountDiagram } from './main.ts';
import { diagramSection, fillHeader } from './sections.ts';

function offerDownload(link: HTMLAnchorElement | null, make: () => string, type: string): void {
  link?.addEventListener('click', () => {
    link.href = URL.createObjectURL(new Blob([make()], { type }));
  });
}

export function startPage(runner: ((model: ViewModel) => BranchRunner) | null): void {
  const root = document.getElementById('rpcsim-view')!;
  const model = JSON.parse(document.getElementById('rpcsim-data')!.textContent!) as ViewModel;
  const meta = model.meta;
  const heading = document.getElementById('rpcsim-heading')?.textContent;
  const bugs = meta.bugs.length === 0 ? '' : ` --bug ${meta.bugs.join(' --bug ')}`;
  fillHeader(root, model, heading ?? `rpcsim view ${meta.scenario} --seed ${meta.seed}${bugs}${meta.swarm ? ' --swarm' : ''}`, null);
  const diagram = mountDiagram(root, model, root.querySelector<HTMLElement>('.detail')!, { primary: true });
  offerDownload(root.querySelector('.export-chrome'), () => JSON.stringify(chromeTrace(model)), 'application/json');
  offerDownload(root.querySelector('.export-shiviz'), () => shivizLog(model), 'text/plain');
  const companions = JSON.parse(document.getElementById('rpcsim-companions')?.textContent ?? '[]') as { title: string; model: ViewModel }[];
  companions.forEach((companion, i) => {
    const section = diagramSection(`companion-${i + 1}`);
    section.classList.add('companion');
    root.querySelector('.companions')!.appendChild(section);
    fillHeader(section, companion.model, companion.title, null);
    // On the run's time axis: the lesson's runs compared at one scale, zoomed and panned together.
    mountDiagram(section, companion.model, section.querySelector<HTMLElement>('.detail')!, { axis: diagram.axis });
    section.dataset['verdict'] = companion.model.meta.verdict;
  });
  if (companions.length > 0 && !location.hash.includes('window=')) {
    diagram.state.window = diagram.axis.fullWindow(); // the longest of the runs, whole
    diagram.redraw();
  }
  if (runner !== null) wireBranching(diagram, runner(model), root.querySelector<HTMLElement>('.branch-form')!, root.querySelector<HTMLElement>('.branches')!);
  window.addEventListener('resize', () => diagram.redraw());
}
