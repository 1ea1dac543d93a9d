/// <reference lib="dom" />
// Branching: pick an element, choose a fault for a process at that moment (crash, kill, pause,
// restart), and the simulator bundled in the page re-runs the same scenario and seed with that
// fault added to the run's plan. The new run is drawn under the old one, with its verdict and the
// command line that gives the same run from the terminal (`rpcsim run ... --plan FILE`).

import type { FaultAction, PlannedFault } from '../../faults/plan.ts';
import type { ViewModel } from '../view-model.ts';
import { escapeXml } from './draw.ts';
import { mountDiagram, type Diagram } from './main.ts';
import { diagramSection, fillHeader } from './sections.ts';

/** Runs the page's scenario and seed with another fault plan, in the page. */
export type BranchRunner = (plan: readonly PlannedFault[]) => Promise<ViewModel>;

const ACTIONS = ['crash', 'kill', 'pause', 'restart'] as const;
const PAUSE_MICROS = 500_000;

function actionFor(kind: (typeof ACTIONS)[number], target: string): FaultAction {
  return kind === 'pause' ? { type: 'pause', target, forMicros: PAUSE_MICROS } : { type: kind, target };
}

export function wireBranching(main: Diagram, runner: BranchRunner, form: HTMLElement, holder: HTMLElement): void {
  let count = 0;
  main.onPick = (where) => {
    const lanes = main.model.lanes.map((lane, i) => `<option value="${escapeXml(lane)}"${i === where.lane ? ' selected' : ''}>${escapeXml(lane)}</option>`).join('');
    form.hidden = false;
    form.innerHTML = `<b>What if…</b> <select class="branch-action">${ACTIONS.map((a) => `<option>${a}</option>`).join('')}</select>
      <select class="branch-target">${lanes}</select> at <input class="branch-at" size="10" value="${(where.tMicros / 1_000_000).toFixed(6)}"> s
      <button class="branch-run">Run the branch</button> <span class="branch-status"></span>`;
    form.querySelector('.branch-run')!.addEventListener('click', () => void run());
  };
  async function run(): Promise<void> {
    const kind = form.querySelector<HTMLSelectElement>('.branch-action')!.value as (typeof ACTIONS)[number];
    const target = form.querySelector<HTMLSelectElement>('.branch-target')!.value;
    const at = Math.round(Number(form.querySelector<HTMLInputElement>('.branch-at')!.value) * 1_000_000);
    const status = form.querySelector<HTMLElement>('.branch-status')!;
    const plan: PlannedFault[] = [...(main.model.meta.faults as PlannedFault[]), { at, fault: actionFor(kind, target) }];
    status.textContent = 'running the simulator in the page…';
    form.dataset['state'] = 'running';
    try {
      const model = await runner(plan);
      count++;
      const section = diagramSection(`branch-${count}`);
      section.classList.add('branch');
      holder.appendChild(section);
      fillHeader(section, model, `Branch ${count}: ${kind} ${target} at ${(at / 1_000_000).toFixed(6)} s`, JSON.stringify(plan));
      mountDiagram(section, model, section.querySelector<HTMLElement>('.detail')!);
      section.dataset['verdict'] = model.meta.verdict;
      section.dataset['hash'] = model.meta.hash;
      status.textContent = `done: ${model.meta.verdict === 'ok' ? 'PASS' : `FAIL (${model.meta.verdict})`}`;
      form.dataset['state'] = 'done';
    } catch (error) {
      status.textContent = `this branch cannot run: ${(error as Error).message}`;
      form.dataset['state'] = 'error';
    }
  }
}
