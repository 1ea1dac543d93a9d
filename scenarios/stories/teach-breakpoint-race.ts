// The scenario of `rpcsim teach breakpoint`: a race a debugger breakpoint hides. One client
// appends to one key while the primary, s1, dies at a fixed virtual time (a timed crash: it
// happens whatever the primary is doing). If s1 dies while it is inside
// call(backup, "PBServer.Forward", ...) after the backup applied the Append, the client sees
// "unexpected EOF" and sends the same Append again, now to the promoted backup. A backup that
// did not record the op ids of forwarded writes (the bug `dup-table-not-replicated`) applies it
// a second time, and the check finds "duplicate element in Append result".
//
// Why not the seed story's own race, the backup dying mid-Forward? Because no catalogued bug
// turns that into a failing check: a dead backup's state is gone, and whatever the primary does
// with a failed Forward (retry, or the story's "treat it as success"), the next backup gets the
// primary's whole state in a Transfer. The simulator confirms it: with s2 crashed (or crashed and
// restarted) mid-Forward, every bug in protocol/bugs.ts passes except `vs-dead-backup-kept`,
// which stalls with or without a breakpoint. A duplicate needs a live backup that ran the
// Forward and is promoted, so the server that dies inside the call here is the primary.
//
// A debugger is attached by passing a Breakpoint: the scenario arms it before anything runs.

import { nowMicros, sleep } from '../../sim/index.ts';
import { world } from '../../sim/runtime/active.ts';
import { installBreakpoint, type Breakpoint } from '../../sim/faults/breakpoint.ts';
import type { FaultPlan } from '../../sim/faults/index.ts';
import type { BugName } from '../../protocol/bugs.ts';
import { checkAppends } from '../framework/checks.ts';
import type { TestContext } from '../framework/context.ts';
import { MakeClerk, Millisecond, Second } from '../framework/lab.ts';
import type { Scenario } from '../framework/scenario.ts';
import { awaitView, startPrimaryAndBackup } from '../lab2/common.ts';

export const BREAKPOINT_RACE = 'breakpoint-race';
/** The student's bug of the lesson: the backup forgets the op ids of the writes it is forwarded. */
export const BREAKPOINT_RACE_BUG: BugName = 'dup-table-not-replicated';
/** When the primary dies: a fixed virtual time, not an event, so a breakpoint cannot move it. */
export const PRIMARY_CRASH_MICROS = 4 * Second;
/** The client appends from a little before the crash until a little after it. */
const APPEND_FROM_MICROS = PRIMARY_CRASH_MICROS - 5 * Millisecond;
const APPEND_UNTIL_MICROS = PRIMARY_CRASH_MICROS + 5 * Millisecond;
const KEY = 'k';

export const BREAKPOINT_RACE_PLAN: FaultPlan = [{ at: PRIMARY_CRASH_MICROS, fault: { type: 'crash', target: 's1' } }];

async function breakpointRace(t: TestContext): Promise<void> {
  const tag = 'bkpt';
  const { vshost, vs, vck, s2 } = await startPrimaryAndBackup(t, tag);
  await sleep(APPEND_FROM_MICROS - nowMicros());

  t.log('Appends while the primary dies (s1 crashes at 4 s, whatever it is doing)');
  const ck = MakeClerk(t, vshost, '');
  let appended = 0;
  for (let j = 0; nowMicros() < APPEND_UNTIL_MICROS; j++) {
    await ck.Append(KEY, `x 0 ${j} y`);
    appended = j + 1;
  }
  await awaitView(t, vck, s2.me, '', 'backup never took over');
  checkAppends(t, await ck.Get(KEY), [appended]);
  t.log('  ... Passed');

  s2.kill();
  await sleep(Second);
  vs.Kill();
}

/** The scenario, with a debugger attached when `debug` is given (armed before anything runs). */
export function breakpointRaceScenario(debug?: Breakpoint): Scenario {
  return {
    name: BREAKPOINT_RACE,
    description: 'The primary dies inside call(backup, "PBServer.Forward", ...) after the backup applied it; the client retries',
    boundMicros: 30 * Second,
    // No faultTargets: the lesson's checks expect its own crash of s1 at 4 s, so swarm mode keeps
    // it and varies only the weather, as forward-crash does. Random faults drawn in its place
    // failed "backup never took over" on most seeds: false alarms, not races.
    defaultFaults: BREAKPOINT_RACE_PLAN,
    run: async (t) => {
      if (debug !== undefined) installBreakpoint(world(), debug);
      await breakpointRace(t);
    },
  };
}
