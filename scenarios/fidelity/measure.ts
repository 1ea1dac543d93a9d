// Counting a scenario's error lines as the Go suite's were counted: every line the lab's call()
// helper prints when Call returns an error, sorted by its Go text into EOF, reset, broken pipe
// and "connection is shut down". Other printed lines (accept errors, the test's own) are not
// RPC errors and are not counted.

import type { TraceEvent } from '../../sim/index.ts';
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

export async function measureSeeds(scenario: string, seeds: readonly number[]): Promise<SeedCounts[]> {
  const out: SeedCounts[] = [];
  for (const seed of seeds) {
    const result = await runScenario(scenario, { seed });
    out.push({ seed, lines: countLines(result.trace), ok: result.ok });
  }
  return out;
}
