// The browser entry of `rpcsim view` pages: the diagram code, with the lab's scenarios plugged in
// so that a page can re-run its own scenario and seed with another fault plan (branching), with
// the same scheduling strategy as the run it shows, and knows which faults the scenario can take.
// esbuild bundles this file into the page; nothing on this path may import node: modules, which
// is why it runs scenarios as the CLI's catalogue does for the reference servers, without the
// catalogue (that one also loads users' implementations from disk).

import { startPage } from '../sim/view/page/start.ts';
import { buildViewModel } from '../sim/view/build-model.ts';
import { viewMetaOf } from '../sim/view/meta.ts';
import { PctChooser } from '../sim/explore/pct.ts';
import { isBugName, type BugName } from '../protocol/index.ts';
import { findScenario, runScenario } from './index.ts';
import { faultCapability } from './framework/faults.ts';

startPage((model) => {
  const meta = model.meta;
  const scenario = findScenario(meta.scenario);
  return {
    capability: scenario === undefined ? { scenario: meta.scenario, targets: [], actions: [] } : faultCapability(scenario),
    async run(plan) {
      const bugs = new Set<BugName>(meta.bugs.filter(isBugName));
      const chooser = meta.strategy === 'pct' ? { chooser: new PctChooser(meta.seed, meta.pct ?? undefined) } : {};
      const result = await runScenario(meta.scenario, { seed: meta.seed, bugs, trace: true, ...(meta.swarm ? { swarm: true } : {}), ...chooser, faults: plan });
      return buildViewModel(result.trace, viewMetaOf(result, meta.bugs, meta.swarm, null, meta));
    },
  };
});
