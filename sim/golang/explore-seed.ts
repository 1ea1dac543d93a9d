// One seed of `rpcsim go explore`: run the package's tests on that seed and keep what a report
// needs (which tests failed and the first lines Go printed about it), not the whole output.

import { runGoTest, type PreparedGoTest } from './go-test.ts';
import { goPidFor, type PidChoice } from './process-id.ts';
import { describeGoFaultPlan, type GoFaultPlan } from './socket-faults.ts';

export interface GoExploreJob {
  readonly dir: string;
  readonly run?: string;
  readonly faults?: GoFaultPlan | 'swarm';
  readonly env?: readonly (readonly [string, string])[];
  /** os.Getpid(): a pid, or drawn from each seed. */
  readonly pid?: PidChoice;
}

export interface GoSeedVerdict {
  readonly seed: number;
  readonly ok: boolean;
  readonly failed: readonly string[];
  /** Go's words about the first failure: the lines after its "--- FAIL" (or the program's last lines). */
  readonly why: readonly string[];
  readonly virtualMicros: number;
  /** The socket faults of the run, in words (drawn per seed under --swarm). */
  readonly faults: string;
  /** os.Getpid() in the run (drawn per seed under --pid seed). */
  readonly pid: number;
}

const WHY_LINES = 3;

export async function runGoSeed(prepared: PreparedGoTest, job: GoExploreJob, seed: number): Promise<GoSeedVerdict> {
  const pid = goPidFor(job.pid, seed);
  const result = await runGoTest(prepared, {
    seed,
    pid,
    verbose: false,
    ...(job.run === undefined ? {} : { run: job.run }),
    ...(job.faults === undefined ? {} : { faults: job.faults }),
    ...(job.env === undefined ? {} : { env: job.env }),
  });
  const lines = result.output.split('\n');
  const failAt = lines.findIndex((line) => /^\s*--- FAIL: /.test(line));
  const diedAt = lines.findIndex((line) => /^(panic|fatal error): /.test(line));
  const why = result.ok ? [] : failAt >= 0 ? failureLines(lines, failAt) : diedAt >= 0 ? deathLines(lines, diedAt) : lines.filter((l) => l.length > 0).slice(-WHY_LINES);
  return { seed, ok: result.ok, failed: result.failed, why, virtualMicros: result.virtualMicros, faults: describeGoFaultPlan(result.faultPlan), pid };
}

/** "--- FAIL: X" and the indented lines Go printed under it (the test's messages). */
function failureLines(lines: readonly string[], failAt: number): string[] {
  const out = [lines[failAt]!.trim()];
  for (let i = failAt + 1; i < lines.length && out.length <= WHY_LINES && /^\s+\S/.test(lines[i]!); i++) out.push(lines[i]!.trimEnd());
  return out;
}

/** Why a program died with no failing test: Go's "panic: ..." or "fatal error: ..." line and
 *  what follows it up to the goroutine dump (the last lines of the dump name no cause). */
function deathLines(lines: readonly string[], diedAt: number): string[] {
  const out = [lines[diedAt]!.trimEnd()];
  for (let i = diedAt + 1; i < lines.length && out.length < WHY_LINES && !/^goroutine \d+ \[/.test(lines[i]!); i++) {
    if (lines[i]!.trim().length > 0) out.push(lines[i]!.trimEnd());
  }
  return out;
}

