// The liveness phase (issue 6): once faults are over and the network has healed, every client
// operation must complete within a bound. A run that stalls fails with kind `liveness` and says
// what is still pending, rather than running into the scenario's overall time bound.

import { go, sleep, type WaitGroup } from '../../sim/index.ts';
import type { TestContext } from './context.ts';
import { LivenessFailure } from './scenario.ts';

export interface PendingOperation {
  readonly clientId: number;
  readonly description: string;
}

export async function awaitPending(t: TestContext, clients: WaitGroup, pending: ReadonlyMap<number, PendingOperation>, boundMicros: number): Promise<void> {
  let finished = false;
  go(async () => {
    await clients.wait();
    finished = true;
  }, 'liveness-watch');
  const deadline = t.now() + boundMicros;
  while (!finished && t.now() < deadline) await sleep(10_000);
  if (finished) return;
  const stuck = [...pending.values()].map((op) => `client ${op.clientId}: ${op.description}`).join('; ');
  throw new LivenessFailure(`${pending.size} operation(s) still pending ${boundMicros / 1_000_000} s after the faults healed: ${stuck}`);
}
