// Beyond the 2015 suite: a new backup that pings the viewservice but that the primary cannot
// reach. No 2015 test makes a state Transfer fail: their new backups are always reachable, so a
// primary that acks the new view before its Transfer has landed (the "early ack" of the common
// student bugs) passes them unless a crash happens to fall in a tick-long window.
//
//   1. s1 is primary alone and takes some Puts.
//   2. s2 starts, and its socket file is renamed away at once: it pings through its own link to
//      the viewservice, so the view becomes (s1, s2), but every dial of s2 fails ("no such file
//      or directory"), so every Transfer fails. A correct primary must not ack this view (it
//      acks only once its Transfer has landed), and serves nobody meanwhile.
//   3. The name comes back; the primary's next Transfer lands and it acks.
//   4. s1 is killed. s2 is promoted and must serve every value s1 acknowledged. A primary that
//      acked without the Transfer got s2 promoted empty: it never serves, and the Gets time out.

import { renameFile, sleep } from '../../sim/index.ts';
import type { TestContext } from '../framework/context.ts';
import { Future } from '../framework/future.ts';
import { ServerFleet } from '../framework/fleet.ts';
import { DeadPings, MakeClerk, PingInterval, Second } from '../framework/lab.ts';
import type { Scenario } from '../framework/scenario.ts';
import { awaitView, startViewService } from '../lab2/common.ts';

const KEYS = 5;
/** How long s2 stays unreachable once it is in the view: many ticks of failed Transfers. */
const UNREACHABLE_MICROS = Second;
/** After s2 is reachable again, time for the primary's next ticks to transfer and ack. */
const RECOVER_MICROS = 5 * PingInterval;
/** A promoted backup that holds the state answers at once; this is many clerk retries. */
const SERVE_BOUND_MICROS = 5 * Second;

async function unreachableNewBackup(t: TestContext): Promise<void> {
  const tag = 'unb';
  const { vshost, vs, vck } = await startViewService(t, tag);
  const fleet = t.useFleet(new ServerFleet(t, vshost));
  const s1 = fleet.start('s1', t.port(tag, 1));
  await sleep(2 * DeadPings * PingInterval);
  await awaitView(t, vck, s1.me, '', 'first primary never formed view');

  const ck = MakeClerk(t, vshost, '');
  const expected = new Map<string, string>();
  for (let i = 0; i < KEYS; i++) {
    await ck.Put(`k${i}`, `v${i}`);
    expected.set(`k${i}`, `v${i}`);
  }

  t.log('s2 joins, but its socket is renamed away: it pings the viewservice, every Transfer to it fails');
  const s2 = fleet.start('s2', t.port(tag, 2));
  const hidden = `${s2.me}-hidden`;
  if (renameFile(s2.me, hidden) !== null) t.Fatalf('rename of s2 socket failed');
  await awaitView(t, vck, s1.me, s2.me, 'backup never came into the view');
  await sleep(UNREACHABLE_MICROS);

  t.log('s2 is reachable again: the primary\'s next Transfer lands, then it acks the view');
  if (renameFile(hidden, s2.me) !== null) t.Fatalf('rename back of s2 socket failed');
  await sleep(RECOVER_MICROS);

  t.log('kill the primary: the backup is promoted and must hold every acknowledged Put');
  s1.kill();
  await awaitView(t, vck, s2.me, '', 'backup never switched to primary');
  for (const [key, value] of expected) {
    const got = await Future.go(() => ck.Get(key), 'check').waitFor(SERVE_BOUND_MICROS);
    if (!got.done) t.Fatalf('promoted backup never served Get(%v): it was promoted without the state (view acked before the Transfer landed?)', key);
    if (got.value !== value) t.Fatalf('Get(%v) -> %v, expected %v', key, got.value, value);
  }
  t.log('  ... Passed');

  s2.kill();
  await sleep(Second);
  vs.Kill();
  await sleep(Second);
}

export const unreachableNewBackupScenario: Scenario = {
  name: 'unreachable-new-backup',
  description: 'Beyond the 2015 suite: every Transfer to a new backup fails for a while; the primary must not ack until one lands, so the promoted backup holds every value',
  boundMicros: 40 * Second,
  run: unreachableNewBackup,
};
