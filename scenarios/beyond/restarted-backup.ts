// Beyond the 2015 suite: the backup restarts faster than the viewservice can notice it missing.
// The handout's view rules cover a restarted backup (it pings with Viewnum 0 and must be replaced
// or re-added empty), but no 2015 test restarts a backup quickly: their killers wait a second, by
// which time the backup is dead anyway. A viewservice that ignores a backup's Ping(0) keeps a view
// whose backup is now empty, and the primary, which gave that view's backup the state long ago,
// has no reason to send it again until an operation fails.
//
//   1. s1 primary, s2 backup, five Puts.
//   2. The fault plan restarts s2 while it serves the fifth Forward (mid-call): the old server is
//      killed (its handler still replies) and a fresh, empty one starts at the same path.
//   3. No operations for a second: only the view rules can get the new s2 the state.
//   4. s1 is killed; s2 is promoted and must serve every value.

import { sleep } from '../../sim/index.ts';
import type { FaultPlan } from '../../sim/faults/index.ts';
import type { TestContext } from '../framework/context.ts';
import { Future } from '../framework/future.ts';
import { MakeClerk, Second } from '../framework/lab.ts';
import type { Scenario } from '../framework/scenario.ts';
import { awaitView, startPrimaryAndBackup } from '../lab2/common.ts';

const KEYS = 5;
const SERVE_BOUND_MICROS = 5 * Second;

/** The default fault: s2 restarts as it starts serving the fifth Put's Forward. */
export const RESTARTED_BACKUP_PLAN: FaultPlan = [
  { when: { on: 'serve', target: 's2', method: 'PBServer.Forward', nth: KEYS }, fault: { type: 'restart', target: 's2' } },
];

async function restartedBackup(t: TestContext): Promise<void> {
  const tag = 'rsb';
  const { vs, vck, vshost, fleet, s1, s2 } = await startPrimaryAndBackup(t, tag);
  await sleep(Second); // state transfer
  const ck = MakeClerk(t, vshost, '');
  const expected = new Map<string, string>();
  t.log(`${KEYS} Puts; the plan restarts s2 in the middle of the last one's Forward`);
  for (let i = 0; i < KEYS; i++) {
    await ck.Put(`k${i}`, `v${i}`);
    expected.set(`k${i}`, `v${i}`);
  }
  t.log('no operations for a second: only the view rules can get the restarted s2 the state');
  await sleep(Second);

  t.log('kill the primary: the backup is promoted and must hold every acknowledged Put');
  s1.kill();
  await awaitView(t, vck, s2.me, '', 'backup never switched to primary');
  for (const [key, value] of expected) {
    const got = await Future.go(() => ck.Get(key), 'check').waitFor(SERVE_BOUND_MICROS);
    if (!got.done) t.Fatalf('promoted backup never served Get(%v): it restarted empty and was promoted without the state (was its Ping(0) ignored?)', key);
    if (got.value !== value) t.Fatalf('Get(%v) -> %v, expected %v', key, got.value, value);
  }
  t.log('  ... Passed');

  fleet.kill('s2');
  await sleep(Second);
  vs.Kill();
  await sleep(Second);
}

export const restartedBackupScenario: Scenario = {
  name: 'restarted-backup',
  description: 'Beyond the 2015 suite: the backup restarts mid-Forward, faster than DeadPings; its Ping(0) must get it the state again before the primary dies',
  boundMicros: 40 * Second,
  // Like forward-crash: swarm gives it the seed's weather and keeps this plan.
  defaultFaults: RESTARTED_BACKUP_PLAN,
  run: restartedBackup,
};
