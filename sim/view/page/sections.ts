/// <reference lib="dom" />
// The markup around one diagram: its header (scenario, seed, verdict, the command that gives the
// same run, the client operations' verdict) and its controls. The page's own run and every
// branch of it are one such section each; a branch's is compact (its plan folded away, no
// controls of its own but the lane filter), so it sits close under the run it is compared with.

import type { ViewModel } from '../view-model.ts';
import { escapeXml } from './draw.ts';

const CONTROLS = `
<div class="controls"><button class="fit" title="the whole run">Fit</button>
<input class="search" placeholder="search the trace (Enter)" size="28"><button class="search-next">next</button><span class="search-status"></span>
<button class="step-prev">◀ step</button><button class="step-next">step ▶</button>
<label>jump to <input class="jump" size="8" placeholder="seconds"></label></div>
<div class="controls lanes"></div><div class="controls"><span class="step-line"></span><span class="aggregate-note"></span></div>`;

export function diagramSection(id: string, compact = false): HTMLElement {
  const section = document.createElement('section');
  section.id = id;
  section.className = compact ? 'view compact' : 'view';
  section.innerHTML = `<header><h1></h1><div class="summary"></div></header>${compact ? '<div class="controls lanes"></div>' : CONTROLS}<div class="diagram"></div><div class="detail"></div>`;
  return section;
}

/** "PASS", or "FAIL safety: ...", as a verdict badge. */
export function verdictText(model: ViewModel): string {
  const ok = model.meta.verdict === 'ok';
  return `<span class="verdict ${ok ? 'ok' : 'fail'}">${ok ? 'PASS' : `FAIL ${escapeXml(model.meta.verdict)}`}</span>`;
}

export function fillHeader(section: HTMLElement, model: ViewModel, title: string, planJson: string | null): void {
  const meta = model.meta;
  section.querySelector('h1')!.textContent = title;
  const plan = planJson === null ? '' : `<details><summary>its plan, and the same run from the terminal</summary>save this plan as <code>branch.json</code> and run <code>${escapeXml(meta.replay)} --plan branch.json</code><pre class="plan">${escapeXml(planJson)}</pre></details>`;
  section.querySelector('.summary')!.innerHTML = [
    `<div>${verdictText(model)} · ${meta.events} events · fingerprint <code class="hash">${meta.hash}</code></div>`,
    `<div>replay: <code>${escapeXml(meta.replay)}</code> · bugs: ${meta.bugs.length === 0 ? 'none' : escapeXml(meta.bugs.join(', '))}${meta.swarm ? ' · swarm' : ''}</div>`,
    `<div>client operations: <span class="ops-verdict ${model.verdict.result}">${escapeXml(model.verdict.text)}</span></div>`,
    plan,
  ].join('');
}
