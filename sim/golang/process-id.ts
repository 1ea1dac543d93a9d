// os.Getpid() of a Go program under rpcsim. The 2015 tests put the pid in their socket names and
// seed math/rand with it (TestRepeatedCrash and TestRepeatedCrashUnreliable pick whom to kill
// from rand.NewSource(os.Getpid())), so one fixed pid makes every run take the same kill order,
// where native runs, each with its own pid, take many. 2015 by default; `--pid N` fixes another;
// `--pid seed` draws one from each seed (its own stream, so no other draw moves), and the
// replay command carries it, so a seed still reproduces by itself.

import { streamFor } from '../kernel/rng.ts';

export const DEFAULT_GO_PID = 2015;

/** A pid, or 'seed': one drawn from each run's seed. */
export type PidChoice = number | 'seed';

/** Linux gives processes pids from 300 (RESERVED_PIDS, after the first ones) up to pid_max,
 *  32768 by default; a drawn pid lands where a native test binary's would. */
const DRAWN_MIN = 300;
const DRAWN_MAX = 32_767;
/** The largest pid_max Linux allows (PID_MAX_LIMIT on 64-bit). */
const PID_LIMIT = 4_194_304;

export function goPidFor(choice: PidChoice | undefined, seed: number): number {
  if (choice === undefined) return DEFAULT_GO_PID;
  if (choice === 'seed') return DRAWN_MIN + streamFor(seed, 'pid').below(DRAWN_MAX - DRAWN_MIN + 1);
  return choice;
}

/** `--pid` as given: a pid Linux could hand out, or "seed"; a string says what is wrong. */
export function parsePidChoice(text: string): PidChoice | { readonly problem: string } {
  if (text === 'seed') return 'seed';
  const pid = /^[0-9]+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(pid) || pid < 1 || pid >= PID_LIMIT) return { problem: `--pid ${text}: give a process id from 1 to ${PID_LIMIT - 1}, or "seed" to draw one from each seed` };
  return pid;
}
