// The browser entry of `rpcsim view` pages: the diagram code, with the lab's scenarios plugged in
// so that a page can re-run its own scenario and seed with another fault plan (branching). esbuild
// bundles this file into the page; nothing on this path may import node: modules.

import { startPage } from '../sim/view/page/start.ts';
import { buildViewModel } from '../sim/view/build-model.ts';
import { viewMetaOf } from '../sim/view/meta.ts';
import { catalogue } from './cli-catalogue.ts';

startPage((model) => async (plan) => {
  const meta = model.meta;
  const result = await catalogue.run(meta.scenario, { seed: meta.seed, bugs: new Set(meta.bugs), trace: true, swarm: meta.swarm, faults: plan });
  return buildViewModel(result.trace, viewMetaOf(result, meta.bugs, meta.swarm));
});
