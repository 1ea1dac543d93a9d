// `rpcsim run <scenario>`: one run, seed first, a readable summary, then PASS or the failure in
// the Go test's words. A failing run prints its replay command before anything else.

import type { Catalogue, CliRunResult, ImplementationRef } from './catalogue.ts';
import { checkBugs, checkScenario, parseSeed, reproduceFlags } from './options.ts';
import { paint } from './style-cli.ts';
import { formatSeconds, lastEvents, summaryLines } from './summary.ts';
import { renderText } from '../trace/render-text.ts';
import { writeTraceFile } from './trace-file.ts';
import { wallMillis } from '../bench/wallclock.ts';
import { describePlan, type FaultPlan } from '../faults/plan.ts';
import { readPlanFile } from './plan-file.ts';
import { parseStrategy } from './explore-options.ts';
import { implementationArg, implementationFlag, implementationText } from './impl-flag.ts';

export interface RunFlags {
  readonly seed?: string;
  readonly bug?: readonly string[];
  readonly full?: boolean;
  readonly 'trace-out'?: string;
  readonly quiet?: boolean;
  /** Swarm mode: the seed also picks the fault mix. */
  readonly swarm?: boolean;
  /** A fault plan file (JSON), instead of the scenario's default plan. */
  readonly plan?: string;
  /** random (default), swarm, or pct. */
  readonly strategy?: string;
  /** A user's own implementation (a directory from `rpcsim init`, or a module). */
  readonly impl?: string;
}

/** The run options that --plan and --swarm add. */
export function runExtras(flags: Pick<RunFlags, 'plan' | 'swarm' | 'strategy'>): { faults?: FaultPlan; swarm: boolean; strategy: 'random' | 'pct' } {
  const strategy = parseStrategy(flags.strategy);
  return {
    swarm: flags.swarm === true || strategy === 'swarm',
    strategy: strategy === 'pct' ? 'pct' : 'random',
    ...(flags.plan !== undefined ? { faults: readPlanFile(flags.plan) } : {}),
  };
}

export function replayCommand(result: Pick<CliRunResult, 'scenario' | 'seed'>, bugs: ReadonlySet<string>, swarm = false, planPath?: string, impl?: ImplementationRef): string {
  const plan = planPath === undefined ? '' : ` --plan ${planPath}`;
  return `npx rpcsim replay ${result.scenario} ${reproduceFlags(result.seed, bugs, swarm)}${plan}${implementationArg(impl)}`;
}

export async function runCommand(catalogue: Catalogue, scenarioArg: string | undefined, flags: RunFlags): Promise<number> {
  const scenario = checkScenario(catalogue, scenarioArg, 'run');
  const seed = flags.seed === undefined ? 1 : parseSeed(flags.seed);
  const bugs = checkBugs(catalogue, flags.bug);
  const impl = await implementationFlag(catalogue, flags);
  const started = wallMillis();
  const swarm = flags.swarm === true;
  const result = await catalogue.run(scenario, { seed, bugs, trace: true, ...runExtras(flags), ...(impl ? { impl } : {}) });
  const wallSeconds = (wallMillis() - started) / 1000;
  printResult(result, bugs, flags, wallSeconds, impl);
  if (flags['trace-out'] !== undefined) {
    writeTraceFile(flags['trace-out'], result, bugs, swarm, impl);
    console.log(`trace written to ${flags['trace-out']} (replay it: npx rpcsim replay --trace ${flags['trace-out']})`);
  }
  return result.ok ? 0 : 1;
}

export function printResult(result: CliRunResult, bugs: ReadonlySet<string>, flags: Pick<RunFlags, 'full' | 'quiet' | 'swarm' | 'plan' | 'strategy'>, wallSeconds: number, impl?: ImplementationRef): void {
  const swarm = flags.swarm === true;
  const pct = flags.strategy === 'pct' ? ' --strategy pct' : '';
  if (!result.ok) console.log(paint('red', `replay: ${replayCommand(result, bugs, swarm, flags.plan, impl)}${pct}`));
  const swarmText = swarm ? ' · swarm: the seed picks the fault mix' : '';
  console.log(`seed ${result.seed} · scenario ${result.scenario} · ${implementationText(impl, bugs)}${swarmText}`);
  if (result.faults.length > 0) console.log(`faults: ${describePlan(result.faults)}`);
  if (flags.full === true) console.log(renderText(result.trace));
  else if (flags.quiet !== true) for (const line of summaryLines(result.trace, 40)) console.log(line);
  const stats = `${formatSeconds(result.virtualMicros)} virtual, ${result.opCount} client ops, ${result.events} events, ${wallSeconds.toFixed(2)} s wall`;
  if (result.ok) {
    console.log(paint('green', `PASS ${result.scenario} (seed ${result.seed}): ${stats}`));
    return;
  }
  console.log(paint('red', `FAIL ${result.scenario} (seed ${result.seed}, ${result.kind}): ${result.reason}`));
  if (flags.full !== true) {
    console.log(paint('dim', 'the last events before the failure:'));
    for (const line of lastEvents(result.trace, 12)) console.log(line);
  }
  if (result.detail) console.log(paint('dim', result.detail));
  console.log(paint('dim', stats));
}

