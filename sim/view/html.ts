// The page: one HTML file with its style, its data (the view model as JSON) and its script (the
// diagram code, and the simulator for replay and branching, bundled) all inline, so it opens from
// disk with no network.

import type { ViewModel } from './view-model.ts';

/** JSON inside <script> must not close the element early. */
function scriptSafe(text: string): string {
  return text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

const STYLE = `
body{font:13px/1.4 system-ui,sans-serif;margin:0;color:#1d232a;background:#f7f7f5}
header{padding:8px 14px;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:16px;margin:0 0 4px}
.verdict.ok{color:#17803d;font-weight:600}.verdict.fail{color:#c0262d;font-weight:600}
code,pre{font:12px/1.35 ui-monospace,Menlo,monospace}
pre{white-space:pre-wrap;margin:4px 0}
.controls{padding:6px 14px;display:flex;flex-wrap:wrap;gap:8px;align-items:center;background:#fbfbfa;border-bottom:1px solid #eee}
.lanes label{margin-right:8px}
.diagram{overflow:hidden;cursor:grab;background:#fff;border-bottom:1px solid #ddd}
.diagram svg{display:block;user-select:none}
.bg{fill:#fff}.grid{stroke:#eee}.tick{fill:#888;font-size:10px}
.row{stroke:#c9ced4;stroke-width:1}.row.task{stroke:#e2e5e8;stroke-dasharray:2 3}.row.client{stroke:#d8cfe8}
.label{fill:#333;font-weight:600;cursor:pointer}.label.sub{font-weight:400;font-size:11px}
.msg line{stroke-width:1.2}.msg.request line{stroke:#2f6fbf}.msg.reply line{stroke:#3a9a5b}
.msg.lost line,.msg.lost path{stroke:#c0262d;stroke-dasharray:3 2;stroke-width:1.6}
.head-request{fill:#2f6fbf}.head-reply{fill:#3a9a5b}.head-lost{fill:#c0262d}
.msg.faded,.failure.faded{opacity:.2}
.hi line,.hi circle,.hi rect{stroke:#f0a000 !important;stroke-width:3.5 !important}
.failure circle{fill:#c0262d;stroke:#fff}.failure text{fill:#c0262d;font-size:10.5px;font-weight:600;pointer-events:none}.mark text,.op text{pointer-events:none}
.failure.yes circle{fill:#d9730d}.failure.yes text{fill:#b25b00}
.mark line{stroke:#333;stroke-width:3}.mark text{font-size:14px}
.mark.crash line{stroke:#c0262d}.mark.kill line{stroke:#8b1a1a}.mark.pause line{stroke:#d9a400}.mark.partition line{stroke:#7a3fb0}.mark.drop line{stroke:#d9730d}
.op rect{fill:#cfd8e3;stroke:#7a8aa0}.op text{font-size:10px;fill:#222}
.op.violating rect{fill:#f6b8b8;stroke:#c0262d;stroke-width:2}.op.open rect{fill:#eee;stroke-dasharray:3 2}
.density{fill:#2f6fbf;opacity:.55}.density.ops{fill:#7a8aa0}.aggregate-note{color:#8a5a00}
.cursor{stroke:#f0a000;stroke-width:2}
.detail{padding:6px 14px;min-height:40px}.evidence{margin-top:6px}
.branch{border-top:3px solid #7a3fb0}.compact header{padding:4px 14px}.compact h1{font-size:14px;color:#5a2d87}
.compact details summary{cursor:pointer;color:#555}.comparison{padding:6px 14px;background:#f3eefa;border-top:1px solid #ddd}.companion{border-top:3px solid #2f6fbf;margin-top:10px}
.branch-form{padding:8px 14px;background:#f3eefa}
`;

const BODY = `
<div id="rpcsim-view" class="view" data-state="loading">
<header><h1></h1><div class="summary"></div></header>
<div class="controls">
<button class="fit" title="the whole run">Fit</button>
<span>zoom: wheel · pan: drag · click a lane name for its goroutines</span>
<input class="search" placeholder="search the trace (Enter)" size="28"><button class="search-next">next</button><span class="search-status"></span>
<button class="step-prev">◀ step</button><button class="step-next">step ▶</button>
<label>jump to <input class="jump" size="8" placeholder="seconds"></label>
<a class="export-chrome" href="#" download="trace.chrome.json">Chrome trace</a>
<a class="export-shiviz" href="#" download="trace.shiviz.log">ShiViz log</a>
</div>
<div class="controls lanes"></div>
<div class="controls"><span class="step-line"></span><span class="aggregate-note"></span></div>
<div class="diagram"></div>
<div class="branches"></div>
<div class="detail"></div>
<div class="branch-form" hidden></div>
<div class="companions"></div>
</div>`;

/** Another run drawn under the page's own (a lesson's runs side by side), with its heading. */
export interface Companion {
  readonly title: string;
  readonly model: ViewModel;
}

export function renderPage(model: ViewModel, script: string, companions: readonly Companion[] = [], heading: string | null = null): string {
  const title = `rpcsim ${model.meta.scenario} seed ${model.meta.seed}`;
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<title>${title.replace(/[<&]/g, '')}</title><style>${STYLE}</style></head><body>`,
    BODY,
    `<script id="rpcsim-data" type="application/json">${scriptSafe(JSON.stringify(model))}</script>`,
    heading === null ? '' : `<script id="rpcsim-heading" type="text/plain">${scriptSafe(heading.replace(/[<&]/g, ''))}</script>`,
    `<script id="rpcsim-companions" type="application/json">${scriptSafe(JSON.stringify(companions))}</script>`,
    `<script type="module">${scriptSafe(script)}</script>`,
    '</body></html>',
  ].join('\n');
}
