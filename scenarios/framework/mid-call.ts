// Mid-call restarts for swarm runs of the lab tests: a server restarts (6.824 kill, then a fresh,
// empty server at its path), or crashes and restarts, at the moment it starts serving its nth
// call of a method, so the caller is inside call() when it goes. A test declares only the ones its
// own checks survive with the reference (which server, which method, how early), and swarm adds
// at most one a run, drawn from the run's seed.

import type { Chooser } from '../../sim/kernel/chooser.ts';
import type { FaultPlan, Trigger } from '../../sim/faults/index.ts';

export interface MidCallRestart {
  readonly target: string;
  /** The RPC it is serving when it goes, e.g. "PBServer.Forward". */
  readonly method: string;
  /** It goes at its nth such call, n in 1..nthMax: early enough for the test's later checks. */
  readonly nthMax: number;
}

/** One run's share: nothing (half the runs), or one restart, with a crash first in half of those. */
export function drawMidCallRestart(chooser: Chooser, choices: readonly MidCallRestart[]): FaultPlan {
  if (choices.length === 0 || chooser.pick('fault.plan', 2) === 0) return [];
  const choice = choices[chooser.pick('fault.plan', choices.length)]!;
  const when: Trigger = { on: 'serve', target: choice.target, method: choice.method, nth: 1 + chooser.pick('fault.plan', choice.nthMax) };
  const restart = { when, fault: { type: 'restart' as const, target: choice.target } };
  // The same trigger twice: the crash strikes first (the handler dies with its process, and the
  // caller gets unexpected EOF), then the restart finds it dead and only starts the new one.
  return chooser.pick('fault.plan', 2) === 0 ? [restart] : [{ when, fault: { type: 'crash', target: choice.target } }, restart];
}
