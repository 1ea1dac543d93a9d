/// <reference lib="dom" />
// Branching: pick an element and choose what else happens there: on a message, drop that call's
// request or reply; anywhere, crash, kill, pause or restart one of the scenario's fault targets at
// that moment (only the faults the scenario can honour are offered; one it cannot gets a one-line
// "this branch cannot run"). The simulator bundled in the page re-runs the same scenario, seed
// and strategy with that fault added to the run's plan, and draws the new run right under the old
// one on the same time axis, with both verdicts side by side and the command line that gives the
// same run from the terminal (`rpcsim run ... --plan FILE`).

import type { FaultCapability } from '../../faults/capability.ts';
import { describePlannedFault, type PlannedFault } from '../../faults/plan.ts';
import type { ViewModel } from '../view-model.ts';
import { branchChoices, branchEntry, processName, type BranchChoice } from './branch-choices.ts';
import { escapeXml } from './draw.ts';
import { mountDiagram, type Diagram } from './main.ts';
import { diagramSection, fillHeader, verdictText } from './sections.ts';

/** Runs the page's scenario and seed (same strategy) with another fault plan, in the page. */
export interface BranchRunner {
  /** What a plan may ask of the page's scenario. */
  readonly capability: FaultCapability;
  run(plan: readonly PlannedFault[]): Promise<ViewModel>;
}

function choiceValue(choice: BranchChoice): string {
  return choice.kind === 'drop' ? `drop-${choice.message}` : choice.kind;
}

/** A drop as a person reads it: "drop the reply of s2's 186th PBServer.Forward call to s1". */
function branchTitle(choice: BranchChoice, entry: PlannedFault): string {
  if (choice.kind !== 'drop') return describePlannedFault(entry);
  const { sender, receiver, method, nth } = choice.call;
  const suffix = nth % 100 >= 11 && nth % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][nth % 10] ?? 'th');
  return `drop the ${choice.message} of ${sender}'s ${nth}${suffix} ${method} call to ${receiver}`;
}

export function wireBranching(main: Diagram, runner: BranchRunner, form: HTMLElement, holder: HTMLElement): void {
  let count = 0;
  const comparison = document.createElement('div');
  comparison.className = 'comparison';
  main.onPick = (where) => {
    form.hidden = false;
    const { choices, refusal } = branchChoices(main.model, where.key, runner.capability);
    if (refusal !== null) {
      form.innerHTML = `<b>What if…</b> <span class="branch-status">this branch cannot run: ${escapeXml(refusal)}</span>`;
      form.dataset['state'] = 'refused';
      return;
    }
    const lane = main.model.lanes[where.lane];
    const picked = lane === undefined ? '' : processName(lane);
    const targets = runner.capability.targets.map((t) => `<option${t === picked ? ' selected' : ''}>${escapeXml(t)}</option>`).join('');
    form.innerHTML = `<b>What if…</b> <select class="branch-action">${choices.map((c) => `<option value="${choiceValue(c)}">${escapeXml(c.label)}</option>`).join('')}</select>
      <span class="branch-process"><select class="branch-target">${targets}</select> at <input class="branch-at" size="10" value="${(where.tMicros / 1_000_000).toFixed(6)}"> s</span>
      <button class="branch-run">Run the branch</button> <span class="branch-status"></span>`;
    form.dataset['state'] = 'ready';
    const action = form.querySelector<HTMLSelectElement>('.branch-action')!;
    const process = form.querySelector<HTMLElement>('.branch-process')!;
    const showProcess = (): void => {
      process.hidden = action.value.startsWith('drop-');
    };
    action.addEventListener('change', showProcess);
    showProcess();
    form.querySelector('.branch-run')!.addEventListener('click', () => void run(choices.find((c) => choiceValue(c) === action.value)!));
  };

  async function run(choice: BranchChoice): Promise<void> {
    const target = form.querySelector<HTMLSelectElement>('.branch-target')!.value;
    const at = Math.round(Number(form.querySelector<HTMLInputElement>('.branch-at')!.value) * 1_000_000);
    const status = form.querySelector<HTMLElement>('.branch-status')!;
    const faults = main.model.meta.faults as PlannedFault[];
    const made = branchEntry(choice, target, at, runner.capability, faults.length);
    if ('problem' in made) {
      status.textContent = `this branch cannot run: ${made.problem}`;
      form.dataset['state'] = 'refused';
      return;
    }
    const plan: PlannedFault[] = [...faults, made.entry];
    status.textContent = 'running the simulator in the page…';
    form.dataset['state'] = 'running';
    try {
      const model = await runner.run(plan);
      count++;
      const title = `Branch ${count}: ${branchTitle(choice, made.entry)}`;
      const section = diagramSection(`branch-${count}`, true);
      section.classList.add('branch');
      if (count === 1) holder.before(comparison);
      holder.appendChild(section);
      fillHeader(section, model, title, JSON.stringify(plan));
      section.dataset['verdict'] = model.meta.verdict;
      section.dataset['hash'] = model.meta.hash;
      // On the run's own axis: the same window and scale, zoomed and panned together.
      mountDiagram(section, model, section.querySelector<HTMLElement>('.detail')!, { axis: main.axis });
      comparison.innerHTML += `${count === 1 ? `<div>the run: ${verdictText(main.model)}</div>` : ''}<div data-branch="${count}">${escapeXml(title)}: ${verdictText(model)}</div>`;
      status.textContent = `done: ${model.meta.verdict === 'ok' ? 'PASS' : `FAIL (${model.meta.verdict})`}`;
      form.dataset['state'] = 'done';
    } catch (error) {
      status.textContent = `this branch cannot run: ${(error as Error).message}`;
      form.dataset['state'] = 'error';
    }
  }
}
