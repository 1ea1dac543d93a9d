// `rpcsim shrink <scenario> --seed N [--bug NAME] [--swarm] [--strategy pct] [--plan FILE]`:
// turns a failing run into the smallest fault plan that still fails the same way (safety stays
// safety, liveness stays liveness), writes it as JSON, and prints the command that replays it.
// The output file is written before the first re-run (with the failing plan itself) and again
// at every smaller failing plan, so Ctrl-C leaves the smallest failing plan found so far.

import { closeSync, existsSync, openSync, rmSync } from 'node:fs';
import type { Catalogue } from './catalogue.ts';
import type { Flags } from './main.ts';
import { writePlanFile } from './plan-file.ts';
import { yieldToEventLoop } from './event-loop-cli.ts';
import { paint } from './style-cli.ts';
import { UsageError, fileWriteError } from './usage-error.ts';
import { shrinkPlan } from '../faults/shrink.ts';
import { describePlan, describePlannedFault, type FaultPlan } from '../faults/plan.ts';
import { describeFromFlags, runOptionsOf, scenarioEntry } from './run-setup.ts';
import { replayCommandLine, withPlanFile } from '../replay/run-description.ts';
import { withImplementation } from './impl-flag.ts';

export const EXIT_INTERRUPTED = 130;

export async function shrinkCommand(catalogue: Catalogue, target: string | undefined, flags: Flags): Promise<number> {
  const base = await withImplementation(catalogue, describeFromFlags(catalogue, 'shrink', target, flags), flags);
  const { scenario, seed } = base;
  const out = flags.out ?? `shrunk-${scenario}-seed${seed}.json`;
  const save = (plan: FaultPlan): void => {
    try {
      writePlanFile(out, plan);
    } catch (error) {
      throw fileWriteError('shrunk plan', out, error);
    }
  };
  // Checked before the first run: an unwritable --out is said before any work is done.
  const existed = existsSync(out);
  try {
    closeSync(openSync(out, 'a'));
  } catch (error) {
    throw fileWriteError('shrunk plan', out, error);
  }
  const original = await catalogue.run(scenario, runOptionsOf(base, false));
  if (original.ok && !existed) rmSync(out, { force: true });
  if (original.ok) throw new UsageError(`${scenario} passes with seed ${seed}: shrink needs a failing run (find one with \`rpcsim explore ${scenario}\`)`);
  console.log(`seed ${seed} fails (${original.kind}): ${original.reason}`);
  if (original.faults.length === 0) {
    console.log('This run injects no faults: its failure comes from the seed\'s own schedule and workload, so there is no plan to shrink.');
    console.log(`replay: ${replayCommandLine(base)}`);
    if (!existed) rmSync(out, { force: true });
    return 1;
  }
  save(original.faults); // before any re-run: an unwritable --out is said now, and Ctrl-C keeps a failing plan
  console.log(`shrinking its ${original.faults.length} fault(s): ${describePlan(original.faults)}`);
  let interrupted = false;
  const onInterrupt = (): void => {
    interrupted = true;
  };
  process.once('SIGINT', onInterrupt);
  let best = original.faults;
  let result;
  try {
    result = await shrinkPlan(
      original.faults,
      async (candidate) => {
        // Between runs, let the event loop deliver Ctrl-C (a run alone never yields to it).
        await yieldToEventLoop();
        if (interrupted) return false; // stop trying; the best so far is on disk
        const run = await catalogue.run(scenario, runOptionsOf(withPlanFile(base, out, candidate), false));
        const fails = !run.ok && run.kind === original.kind;
        if (fails && candidate.length <= best.length) {
          best = candidate;
          save(best);
        }
        return fails;
      },
      {
        horizonMicros: scenarioEntry(catalogue, scenario).faultHorizonMicros,
        onStep: (n, candidate) => {
          if (process.stderr.isTTY) process.stderr.write(`\r  ${n} runs, ${candidate.length} fault(s) in the candidate   `);
        },
      },
    );
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
  const plan = interrupted ? best : result.plan;
  save(plan);
  const final = withPlanFile(base, out, plan);
  const check = await catalogue.run(scenario, runOptionsOf(final, false));
  const what = interrupted ? `interrupted: the smallest failing plan so far (${plan.length} fault(s))` : `smallest failing plan (${plan.length} fault(s), found in ${result.runs} runs)`;
  console.log(paint('bold', `${what}, written to ${out}:`));
  for (const planned of plan) console.log(`  ${describePlannedFault(planned)}`);
  if (plan.length === 0) {
    const weather = base.swarm ? "the seed's swarm weather (latencies, unreliable servers) and " : '';
    console.log(`  (none: ${weather}the seed's own schedule and workload fail without any injected fault)`);
  }
  console.log(check.ok ? 'it passes now (the program changed during the shrink?)' : `it fails (${check.kind}): ${check.reason}`);
  console.log(`replay: ${replayCommandLine(final)}`);
  return interrupted ? EXIT_INTERRUPTED : check.ok ? 0 : 1;
}
