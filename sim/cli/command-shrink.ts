// `rpcsim shrink <scenario> --seed N [--bug NAME] [--swarm] [--plan FILE]`: turns a failing run
// into the smallest fault plan that still fails the same way (safety stays safety, liveness
// stays liveness), writes it as JSON, and prints the command that replays it.

import type { Catalogue, CliRunOptions } from './catalogue.ts';
import type { Flags } from './main.ts';
import { checkBugs, checkScenario, parseSeed } from './options.ts';
import { replayCommand, runExtras } from './command-run.ts';
import { writePlanFile } from './plan-file.ts';
import { paint } from './style-cli.ts';
import { UsageError } from './usage-error.ts';
import { implementationFlag } from './impl-flag.ts';
import { shrinkPlan } from '../faults/shrink.ts';
import { describePlan, describePlannedFault } from '../faults/plan.ts';

export async function shrinkCommand(catalogue: Catalogue, target: string | undefined, flags: Flags): Promise<number> {
  const scenario = checkScenario(catalogue, target, 'shrink');
  if (flags.seed === undefined) throw new UsageError('shrink needs --seed N of a failing run (find one with `rpcsim explore`)');
  const seed = parseSeed(flags.seed);
  const bugs = checkBugs(catalogue, flags.bug);
  const impl = await implementationFlag(catalogue, flags);
  const base: CliRunOptions = { seed, bugs, trace: false, ...runExtras(flags), ...(impl ? { impl } : {}) };
  const original = await catalogue.run(scenario, base);
  if (original.ok) throw new UsageError(`${scenario} passes with seed ${seed}: shrink needs a failing run (find one with \`rpcsim explore ${scenario}\`)`);
  console.log(`seed ${seed} fails (${original.kind}): ${original.reason}`);
  if (original.faults.length === 0) {
    console.log('This run injects no faults: its failure comes from the seed\'s own schedule and workload, so there is no plan to shrink.');
    console.log(`replay: ${replayCommand(original, bugs, flags.swarm === true, flags.plan, impl)}`);
    return 1;
  }
  console.log(`shrinking its ${original.faults.length} fault(s): ${describePlan(original.faults)}`);
  const entry = catalogue.scenarios.find((s) => s.name === scenario)!;
  const { plan, runs } = await shrinkPlan(
    original.faults,
    async (candidate) => {
      const result = await catalogue.run(scenario, { ...base, faults: candidate });
      return !result.ok && result.kind === original.kind;
    },
    {
      horizonMicros: entry.faultHorizonMicros,
      onStep: (n, candidate) => {
        if (process.stderr.isTTY) process.stderr.write(`\r  ${n} runs, ${candidate.length} fault(s) in the candidate   `);
      },
    },
  );
  if (process.stderr.isTTY) process.stderr.write('\n');
  const out = flags.out ?? `shrunk-${scenario}-seed${seed}.json`;
  writePlanFile(out, plan);
  const final = await catalogue.run(scenario, { ...base, faults: plan });
  console.log(paint('bold', `smallest failing plan (${plan.length} fault(s), found in ${runs} runs), written to ${out}:`));
  for (const planned of plan) console.log(`  ${describePlannedFault(planned)}`);
  if (plan.length === 0) {
    const weather = flags.swarm === true ? "the seed's swarm weather (latencies, unreliable servers) and " : '';
    console.log(`  (none: ${weather}the seed's own schedule and workload fail without any injected fault)`);
  }
  console.log(`it fails (${final.kind}): ${final.reason}`);
  console.log(`replay: ${replayCommand(final, bugs, flags.swarm === true, out, impl)}`);
  return 1;
}
