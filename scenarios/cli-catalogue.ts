// The composition root of the `rpcsim` command: hands the generic CLI in sim/cli the scenarios,
// the bug catalogue and the loading of a user's own implementation (`--impl`), so that sim/
// never imports the layers above it.

import type { Catalogue, CliRunOptions, ImplementationRef } from '../sim/cli/catalogue.ts';
import { resolve } from 'node:path';
import { UsageError } from '../sim/cli/usage-error.ts';
import { BUGS, BUG_CATCHES, isBugName, type BugName } from '../protocol/index.ts';
import type { Implementation } from '../protocol/implementation.ts';
import { SCENARIOS, runScenario } from './index.ts';
import { ALL_FAULT_ACTIONS, faultWindowOf, ownPlanTargets } from './framework/faults.ts';
import { PctChooser } from '../sim/explore/pct.ts';
import { ImplementationLoadError, loadImplementation } from './implementation-loader.ts';

/** Implementations loaded in this thread, by path (an explore worker loads its own). */
const loaded = new Map<string, Implementation>();

async function load(path: string): Promise<ImplementationRef & { readonly impl: Implementation }> {
  try {
    const implementation = await loadImplementation(path);
    loaded.set(resolve(path), implementation.impl);
    return { path: implementation.path, sourceHash: implementation.sourceHash, impl: implementation.impl };
  } catch (error) {
    if (error instanceof ImplementationLoadError) throw new UsageError(`--impl ${error.message}`);
    throw error;
  }
}

async function implementationFor(ref: ImplementationRef): Promise<Implementation> {
  return loaded.get(resolve(ref.path)) ?? (await load(ref.path)).impl;
}

export const catalogue: Catalogue = {
  moduleUrl: import.meta.url,
  scenarios: SCENARIOS.map((s) => ({ name: s.name, description: s.description, faultHorizonMicros: faultWindowOf(s).horizonMicros,
    faultTargets: s.faultTargets ?? [],
    ownPlanTargets: ownPlanTargets(s),
    faultActions: s.faultActions ?? ALL_FAULT_ACTIONS,
  })),
  bugs: BUGS.map((b) => ({
    name: b.name,
    description: b.description,
    catches: BUG_CATCHES.filter((c) => c.bug === b.name),
    ...('note' in b ? { note: b.note } : {}),
  })),
  async run(scenario: string, options: CliRunOptions) {
    const bugs = new Set<BugName>([...options.bugs].filter(isBugName));
    const result = await runScenario(scenario, {
      seed: options.seed,
      ...(options.impl !== undefined ? { impl: await implementationFor(options.impl) } : { bugs }),
      trace: options.trace,
      ...(options.chooser ? { chooser: options.chooser } : options.strategy === 'pct' ? { chooser: new PctChooser(options.seed, options.pct) } : {}),
      ...(options.timing !== undefined ? { timing: options.timing } : {}),
      ...(options.swarm === true ? { swarm: true } : {}),
      ...(options.faults !== undefined ? { faults: options.faults } : {}),
    });
    return result;
  },
  async loadImplementation(path: string) {
    const { impl: _impl, ...ref } = await load(path);
    return ref;
  },
};
