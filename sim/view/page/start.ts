/// <reference lib="dom" />
// The page's entry: reads the run's view model embedded in the page, draws it, offers the
// exports as downloads made in the page, and, when the simulator is bundled in, branching.

import { chromeTrace } from '../export-chrome.ts';
import { shivizLog } from '../export-shiviz.ts';
import type { ViewModel } from '../view-model.ts';
import { wireBranching, type BranchRunner } from './branch.ts';
import { mountDiagram } from './main.ts';
import { fillHeader } from './sections.ts';

function offerDownload(link: HTMLAnchorElement | null, make: () => string, type: string): void {
  link?.addEventListener('click', () => {
    link.href = URL.createObjectURL(new Blob([make()], { type }));
  });
}

export function startPage(runner: ((model: ViewModel) => BranchRunner) | null): void {
  const root = document.getElementById('rpcsim-view')!;
  const model = JSON.parse(document.getElementById('rpcsim-data')!.textContent!) as ViewModel;
  const meta = model.meta;
  const bugs = meta.bugs.length === 0 ? '' : ` --bug ${meta.bugs.join(' --bug ')}`;
  fillHeader(root, model, `rpcsim view ${meta.scenario} --seed ${meta.seed}${bugs}${meta.swarm ? ' --swarm' : ''}`, null);
  const diagram = mountDiagram(root, model, root.querySelector<HTMLElement>('.detail')!, true);
  offerDownload(root.querySelector('.export-chrome'), () => JSON.stringify(chromeTrace(model)), 'application/json');
  offerDownload(root.querySelector('.export-shiviz'), () => shivizLog(model), 'text/plain');
  if (runner !== null) wireBranching(diagram, runner(model), root.querySelector<HTMLElement>('.branch-form')!, root.querySelector<HTMLElement>('.branches')!);
  window.addEventListener('resize', () => diagram.redraw());
}
