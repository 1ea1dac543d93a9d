// The browser entry of `rpcsim view` pages: the diagram code, with the lab's scenarios plugged in
// so that a page can re-run its own scenario and seed with another fault plan (branching). esbuild
// bundles this file into the page; nothing on this path may import node: modules, which is why it
// runs scenarios as the CLI's catalogue does for the reference servers, without the catalogue
// (that one also loads users' implementations from disk).

import { startPage } from '../sim/view/page/start.ts';
import { buildViewModel } from '../sim/view/build-model.ts';
import { viewMetaOf } from '../sim/view/meta.ts';
import { isBugName, type BugName } from '../protocol/index.ts';
import { runScenario } from './index.ts';

startPage((model) => async (plan) => {
  const meta = model.meta;
  const bugs = new Set<BugName>(meta.bugs.filter(isBugName));
  const result = await runScenario(meta.scenario, { seed: meta.seed, bugs, trace: true, ...(meta.swarm ? { swarm: true } : {}), faults: plan });
  return buildViewModel(result.trace, viewMetaOf(result, meta.bugs, meta.swarm));
});
