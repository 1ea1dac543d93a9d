// scenarios/: the 2015 lab tests in simulated time. `runScenario(name, { seed })` runs one in a
// fresh world and returns its verdict; the catalogue lists what can be run.

import { SCENARIOS, findScenario } from './registry.ts';
import { runScenarioWith, type RunOptions } from './framework/run.ts';
import type { ScenarioResult } from './framework/scenario.ts';

export { SCENARIOS, findScenario, listScenarios, type ScenarioSummary } from './registry.ts';
export { runScenarioWith, type RunOptions } from './framework/run.ts';
export { TestFailure, type Scenario, type ScenarioResult, type FailureKind } from './framework/scenario.ts';
export { TestContext } from './framework/context.ts';

/** Runs the scenario called `name`; an unknown name is a caller's mistake and throws. */
export async function runScenario(name: string, options: RunOptions): Promise<ScenarioResult> {
  const scenario = findScenario(name);
  if (scenario === undefined) {
    throw new Error(`unknown scenario "${name}"; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  }
  return runScenarioWith(scenario, options);
}
