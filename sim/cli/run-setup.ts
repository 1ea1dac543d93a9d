// From flags to a run description, and from a description to the catalogue's run options: the
// one place that decides what a run is, so the replay command `run` prints, the trace header,
// `replay`, `shrink` and `explore` cannot disagree. Flags a scenario cannot honour are refused
// here, from the scenario's declared capability, not from a list of names: --swarm where it
// declares no fault targets (a story, whose fault is its own plan, says so), --plan where it can
// strike nothing, a plan naming a server that is not one of its fault targets.

import type { Catalogue, CliRunOptions, ScenarioEntry } from './catalogue.ts';
import type { Chooser } from '../kernel/chooser.ts';
import { checkBugs, checkScenario, parseSeed } from './options.ts';
import { parseStrategy } from './explore-options.ts';
import { readPlanFile } from './plan-file.ts';
import { UsageError } from './usage-error.ts';
import { codeFingerprint } from '../replay/code-fingerprint.ts';
import { describeRun, type PlanSource, type RunDescription } from '../replay/run-description.ts';
import type { FaultPlan } from '../faults/plan.ts';
import { planEntryProblem, planRefusal, type FaultCapability } from '../faults/capability.ts';

export interface RunSetupFlags {
  readonly seed?: string | undefined;
  readonly bug?: readonly string[] | undefined;
  readonly swarm?: boolean | undefined;
  readonly strategy?: string | undefined;
  readonly plan?: string | undefined;
}

/** The description `command` runs, from its flags; `seedDefault` undefined: --seed is required. */
export function describeFromFlags(catalogue: Catalogue, command: string, target: string | undefined, flags: RunSetupFlags, seedDefault?: number): RunDescription {
  const scenario = checkScenario(catalogue, target, command);
  if (flags.seed === undefined && seedDefault === undefined) throw new UsageError(`${command} needs --seed N (the seed a run or explore printed)`);
  const seed = flags.seed === undefined ? seedDefault! : parseSeed(flags.seed);
  const bugs = checkBugs(catalogue, flags.bug);
  const strategy = parseStrategy(flags.strategy);
  const swarm = flags.swarm === true || strategy === 'swarm';
  const entry = scenarioEntry(catalogue, scenario);
  if (swarm) refuseSwarm(command, entry, flags.swarm === true ? '--swarm' : '--strategy swarm');
  const plan: PlanSource = flags.plan === undefined ? { kind: 'scenario' } : { kind: 'file', path: flags.plan, faults: checkPlanTargets(command, entry, flags.plan, readPlanFile(flags.plan)) };
  return describeRun({ scenario, seed, bugs, strategy: strategy === 'pct' ? 'pct' : 'random', swarm, plan, code: codeFingerprint() });
}

export function scenarioEntry(catalogue: Catalogue, scenario: string): ScenarioEntry {
  const entry = catalogue.scenarios.find((s) => s.name === scenario);
  if (entry === undefined) throw new UsageError(`unknown scenario "${scenario}": run \`rpcsim list\` to see them all`);
  return entry;
}

function refuseSwarm(command: string, entry: ScenarioEntry, flag: string): void {
  if (entry.faultTargets.length > 0) return;
  // A story (or a scenario beyond the suite) strikes with a plan of its own and declares no
  // targets for a seed to pick from: that is a different reason from having no fault at all.
  const why =
    entry.ownPlanTargets.length > 0
      ? `its fault is its own plan (the story it tells), so the seed draws no fault mix; run it without ${flag}, or give a --plan that strikes ${[...new Set(entry.ownPlanTargets)].join(', ')}`
      : `the scenario declares no fault targets, so the seed has no faults to pick; run it without ${flag}`;
  throw new UsageError(`${command} ${entry.name} does not take ${flag}: ${why}`);
}

/** A plan must strike servers the scenario can fault: its declared targets (or its own plan's). */
export function checkPlanTargets(command: string, entry: ScenarioEntry, where: string, plan: FaultPlan): FaultPlan {
  const capability = faultCapabilityOf(entry);
  if (planRefusal(capability) !== null) throw new UsageError(`${command} ${entry.name} does not take --plan: the scenario declares no fault targets, so a plan would strike nothing`);
  for (const [i, planned] of plan.entries()) {
    const problem = planEntryProblem(capability, i, planned);
    if (problem !== null) throw new UsageError(`${where}: ${problem}`);
  }
  return plan;
}

export function faultCapabilityOf(entry: ScenarioEntry): FaultCapability {
  return { scenario: entry.name, targets: [...new Set([...entry.faultTargets, ...entry.ownPlanTargets])], actions: entry.faultActions };
}

/** What the catalogue needs to run `description` (a replay's chooser, if any, answers every decision). */
export function runOptionsOf(description: RunDescription, trace: boolean, chooser?: Chooser): CliRunOptions {
  return {
    seed: description.seed,
    bugs: new Set(description.bugs),
    trace,
    swarm: description.swarm,
    strategy: description.strategy,
    ...(description.pct === null ? {} : { pct: description.pct }),
    ...(description.plan.kind === 'file' ? { faults: description.plan.faults } : {}),
    ...(description.timing === null ? {} : { timing: description.timing }),
    ...(description.impl === null ? {} : { impl: description.impl }),
    ...(chooser === undefined ? {} : { chooser }),
  };
}
