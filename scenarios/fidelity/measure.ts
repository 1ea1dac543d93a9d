// Counting a scenario's error lines as the Go suite's were counted: every line the lab's call()
// helper prints when Call returns an error, sorted by its Go text into EOF, reset, broken pipe
// and "connection is shut down". Other printed lines (accept errors, the test's own) are not
// RPC errors and are not counted.
//
// Go's measured runs were `go test` of the whole suite under Go 1.19, whose math/rand the tests
// never seed: the accept loop's draws are one fixed sequence (seed 1), shared by every server in
// the process and continued from test to test. So one measured suite run is one seed here with
// its accept draws taken from that same sequence, the tests run in the suite's order; only
// timing, scheduling and workload differ from seed to seed, as they differ between Go's runs.

import { GoGlobalRandChooser, GoRandSource, SeededChooser, type TraceEvent } from '../../sim/index.ts';
import { runScenario } from '../index.ts';
import type { LineCounts, LineKind } from './go-measured.ts';

export interface SeedCounts {
  readonly seed: number;
  readonly lines: LineCounts;
  /** Whether the run passed, so a fidelity figure never hides a broken run. */
  readonly ok: boolean;
}

/** The kind of a printed line, or null when call() did not print it for a failed Call. */
export function lineKind(text: string): LineKind | null {
  if (text === 'unexpected EOF') return 'eof';
  if (text === 'connection is shut down') return 'shutdown';
  if (text.startsWith('read unix ') && text.endsWith(': read: connection reset by peer')) return 'reset';
  if (text.startsWith('write unix ') && text.endsWith(': write: broken pipe')) return 'pipe';
  return null;
}

export function countLines(trace: readonly TraceEvent[]): LineCounts {
  const counts = { eof: 0, reset: 0, pipe: 0, shutdown: 0 };
  for (const event of trace) {
    if (event.type !== 'log') continue;
    const kind = lineKind(event.text);
    if (kind !== null) counts[kind]++;
  }
  return counts;
}

/** One scenario over seeds, each with its own independent accept draws (rpcsim's default). */
export async function measureSeeds(scenario: string, seeds: readonly number[]): Promise<SeedCounts[]> {
  const out: SeedCounts[] = [];
  for (const seed of seeds) {
    const result = await runScenario(scenario, { seed });
    out.push({ seed, lines: countLines(result.trace), ok: result.ok });
  }
  return out;
}

/**
 * Each seed as one `go test` process of the suite: `scenarios` in the suite's order, all drawing
 * the accept loop's decisions from one Go math/rand source seeded with 1. Returns, per scenario,
 * its counts over the seeds. Tests of the suite left out here run reliable servers, which draw
 * nothing, so they do not move the sequence.
 */
export async function measureSuiteRuns(scenarios: readonly string[], seeds: readonly number[]): Promise<Map<string, SeedCounts[]>> {
  const out = new Map<string, SeedCounts[]>(scenarios.map((name) => [name, []]));
  for (const seed of seeds) {
    const source = new GoRandSource(1);
    for (const scenario of scenarios) {
      const chooser = new GoGlobalRandChooser(new SeededChooser(seed), source);
      const result = await runScenario(scenario, { seed, chooser });
      out.get(scenario)!.push({ seed, lines: countLines(result.trace), ok: result.ok });
    }
  }
  return out;
}
