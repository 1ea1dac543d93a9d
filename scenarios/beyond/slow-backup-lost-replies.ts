// Beyond the 2015 suite: a client's retry reaches the primary while the original operation is
// still inside it. A lost reply reaches the clerk before the primary has even run the operation
// (Go's net/rpc reports the reply-drop at once), and the clerk retries a PingInterval later; in
// the 2015 tests the original is long done by then, because their backups answer at once. Here the backup stalls (a debugger, a
// GC pause: shorter than DeadPings, so no view changes) just as it serves a Forward, so the
// original holds the primary for longer than the clerk waits, and the retry arrives meanwhile. A
// primary that looks the op id up before taking its lock lets both through, and applies the
// Append twice.
//
//   1. s1 primary, whose accept loop is unreliable (lost requests and replies), s2 backup.
//   2. Two clerks append concurrently to one key; the plan pauses s2 for 150 ms each time it
//      starts serving every fourth Forward.
//   3. The primary's value must hold each clerk's Appends once each, in order; after the primary
//      is killed, the promoted backup must hold the same value.

import { WaitGroup, go, sleep } from '../../sim/index.ts';
import type { FaultPlan } from '../../sim/faults/index.ts';
import { checkAppends } from '../framework/checks.ts';
import type { TestContext } from '../framework/context.ts';
import { MakeClerk, Second } from '../framework/lab.ts';
import type { Scenario } from '../framework/scenario.ts';
import { awaitView, startPrimaryAndBackup } from '../lab2/common.ts';

const CLIENTS = 2;
const APPENDS = 30;
/** Longer than the clerk's PingInterval sleep, shorter than DeadPings × PingInterval. */
const STALL_MICROS = 150_000;

/** s2 stalls as it starts serving Forward 4, 8, ..., through the whole run's Appends. */
export const SLOW_BACKUP_PLAN: FaultPlan = Array.from({ length: (CLIENTS * APPENDS) / 4 }, (_, i) => ({
  when: { on: 'serve' as const, target: 's2', method: 'PBServer.Forward', nth: 4 * (i + 1) },
  fault: { type: 'pause' as const, target: 's2', forMicros: STALL_MICROS },
}));

async function slowBackupLostReplies(t: TestContext): Promise<void> {
  const tag = 'sblr';
  const { vs, vck, vshost, fleet, s1, s2 } = await startPrimaryAndBackup(t, tag);
  await sleep(Second); // state transfer
  t.log('the primary loses requests and replies; the backup stalls on every fourth Forward');
  s1.setunreliable(true);
  const clients = new WaitGroup();
  for (let i = 0; i < CLIENTS; i++) {
    const ck = MakeClerk(t, vshost, '');
    clients.add(1);
    go(async () => {
      for (let n = 0; n < APPENDS; n++) await ck.Append('k', `x ${i} ${n} y`);
      clients.done();
    }, `client${i}`);
  }
  await clients.wait();
  s1.setunreliable(false);
  const counts = Array.from({ length: CLIENTS }, () => APPENDS);
  const ck = MakeClerk(t, vshost, '');
  const primaryValue = await ck.Get('k');
  checkAppends(t, primaryValue, counts);

  t.log('kill the primary: the promoted backup must hold the same value');
  s1.kill();
  await awaitView(t, vck, s2.me, '', 'backup never switched to primary');
  const backupValue = await ck.Get('k');
  checkAppends(t, backupValue, counts);
  if (backupValue !== primaryValue) t.Fatalf('primary and backup had different values');
  t.log('  ... Passed');

  fleet.kill('s2');
  await sleep(Second);
  vs.Kill();
  await sleep(Second);
}

export const slowBackupLostRepliesScenario: Scenario = {
  name: 'slow-backup-lost-replies',
  description: 'Beyond the 2015 suite: the backup stalls mid-Forward while the primary loses replies, so a retry reaches the primary during its original; each Append must apply once',
  boundMicros: 60 * Second,
  defaultFaults: SLOW_BACKUP_PLAN,
  run: slowBackupLostReplies,
};
