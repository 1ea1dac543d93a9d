// TestConcurrentSameAppend (spec §4.2, tag "csa"): three clients each make exactly 50 Appends
// to one key; the primary's value must hold every append once and in each client's order, and
// after the primary is killed the promoted backup must hold the very same value.

import { sleep } from '../../sim/index.ts';
import { checkAppends } from '../framework/checks.ts';
import type { TestContext } from '../framework/context.ts';
import { Future } from '../framework/future.ts';
import { DeadPings, MakeClerk, PingInterval, Second } from '../framework/lab.ts';
import type { Scenario } from '../framework/scenario.ts';
import { finish, killPrimaryAwaitBackup, pollPrimaryAndBackup, startServers, startViewService, labFaults } from './common.ts';

async function testConcurrentSameAppend(t: TestContext): Promise<void> {
  const tag = 'csa';
  const { vshost, vs, vck } = await startViewService(t, tag);

  t.log('Test: Concurrent Append()s to the same key ...');

  const nservers = 2;
  const sa = startServers(t, vshost, tag, nservers, false);
  await pollPrimaryAndBackup(vck, DeadPings * 2);

  // give p+b time to ack, initialize
  await sleep(PingInterval * DeadPings);

  const { view: view1 } = await vck.Get();

  // code for i'th concurrent client thread.
  const ff = async (i: number): Promise<number> => {
    const ck = MakeClerk(t, vshost, '');
    let n = 0;
    while (n < 50) {
      const v = `x ${i} ${n} y`;
      await ck.Append('k', v);
      n += 1;
    }
    return n;
  };

  // start the concurrent clients
  const nclients = 3;
  const chans: Future<number>[] = [];
  for (let i = 0; i < nclients; i++) chans.push(Future.go(() => ff(i), `client${i}`));

  // wait for the clients, accumulate Append counts.
  const counts: number[] = [];
  for (const ch of chans) {
    const n = await ch.wait();
    if (n < 0) t.Fatalf('child failed');
    counts.push(n);
  }

  const ck = MakeClerk(t, vshost, '');

  // check that primary's copy of the value has all the Append()s.
  const primaryv = await ck.Get('k');
  checkAppends(t, primaryv, counts);

  // kill the primary so we can check the backup
  await killPrimaryAwaitBackup(t, vck, sa, view1);

  // check that backup's copy of the value has all the Append()s.
  const backupv = await ck.Get('k');
  checkAppends(t, backupv, counts);

  if (backupv !== primaryv) t.Fatal('primary and backup had different values');

  t.log('  ... Passed');

  await finish(sa, vs);
}

export const concurrentSameAppend: Scenario = {
  name: 'concurrent-same-append',
  description: 'TestConcurrentSameAppend: 3×50 concurrent Appends; each once, in order, and the same on the promoted backup',
  boundMicros: 40 * Second,
  // Either server may restart in its first 40 of the 150 Appends or Forwards: the Appends left
  // wait until the primary has learned the new view, which it transfers and acks in one tick,
  // so the test's later kill of view1's primary finds a backup that holds every Append.
  ...labFaults(['s1', 's2'], 4 * Second, [
    { target: 's1', method: 'PBServer.PutAppend', nthMax: 40 },
    { target: 's2', method: 'PBServer.Forward', nthMax: 40 },
  ]),
  run: testConcurrentSameAppend,
};
