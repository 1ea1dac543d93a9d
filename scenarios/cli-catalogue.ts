// The composition root of the `rpcsim` command: hands the generic CLI in sim/cli the scenarios
// and the bug catalogue, so that sim/ never imports the layers above it.

import type { Catalogue, CliRunOptions } from '../sim/cli/catalogue.ts';
import { BUGS, BUG_CATCHES, isBugName, type BugName } from '../protocol/index.ts';
import { SCENARIOS, runScenario } from './index.ts';
import { faultWindowOf } from './framework/faults.ts';
import { PctChooser } from '../sim/explore/pct.ts';

export const catalogue: Catalogue = {
  moduleUrl: import.meta.url,
  scenarios: SCENARIOS.map((s) => ({ name: s.name, description: s.description, faultHorizonMicros: faultWindowOf(s).horizonMicros,
    faultTargets: s.faultTargets ?? [],
    ownPlanTargets: [...new Set((s.defaultFaults ?? []).flatMap((p) => ('when' in p ? [p.fault.target, p.when.target] : [p.fault.target])))],
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
      bugs,
      trace: options.trace,
      ...(options.chooser ? { chooser: options.chooser } : options.strategy === 'pct' ? { chooser: new PctChooser(options.seed, options.pct) } : {}),
      ...(options.timing !== undefined ? { timing: options.timing } : {}),
      ...(options.swarm === true ? { swarm: true } : {}),
      ...(options.faults !== undefined ? { faults: options.faults } : {}),
    });
    return result;
  },
};
