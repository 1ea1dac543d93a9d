// Every failed Call the lab's call() printed has its rpc-return event in the trace, whatever the
// error: the explainer and the page's error dots read those events, so a failure without one
// (as "connection is shut down" once was, failing before a sequence number) goes unexplained.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../scenarios/index.ts';
import { countLines, lineKind } from '../../scenarios/fidelity/measure.ts';
import type { TraceEvent } from '../../sim/index.ts';

function countReturns(trace: readonly TraceEvent[]): Record<string, number> {
  const counts: Record<string, number> = { eof: 0, reset: 0, pipe: 0, shutdown: 0 };
  for (const event of trace) {
    if (event.type !== 'rpc-return' || event.error === '') continue;
    const kind = lineKind(event.error);
    if (kind !== null) counts[kind]!++;
  }
  return counts;
}

describe('failed calls in the trace', () => {
  it('should record an rpc-return for every error line call() printed, "connection is shut down" included', async () => {
    // concurrent-same-unreliable seed 1 prints "connection is shut down" twice.
    const result = await runScenario('concurrent-same-unreliable', { seed: 1 });
    const printed = countLines(result.trace);
    expect(printed.shutdown).toBeGreaterThan(0);
    expect(countReturns(result.trace)).toEqual({ ...printed });
  });
});
