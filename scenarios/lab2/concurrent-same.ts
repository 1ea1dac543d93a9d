// TestConcurrentSame (spec §4.2, tag "cs"): three clients Put random values to two keys for 5 s;
// after the primary is killed, the promoted backup must hold exactly the values the primary
// served, i.e. both applied the Puts in the same order. The body is shared with
// TestConcurrentSameUnreliable, which differs in the few places marked `unreliable`.

import { randomInt, sleep } from '../../sim/index.ts';
import type { TestContext } from '../framework/context.ts';
import { Future } from '../framework/future.ts';
import { DeadPings, MakeClerk, PingInterval, Second } from '../framework/lab.ts';
import type { Scenario } from '../framework/scenario.ts';
import { finish, killPrimaryAwaitBackup, pollPrimaryAndBackup, startServers, startViewService, labFaults } from './common.ts';

export async function testConcurrentSame(t: TestContext, unreliable: boolean): Promise<void> {
  const tag = unreliable ? 'csu' : 'cs';
  const { vshost, vs, vck } = await startViewService(t, tag);

  t.log(unreliable ? 'Test: Concurrent Put()s to the same key; unreliable ...' : 'Test: Concurrent Put()s to the same key ...');

  const nservers = 2;
  const sa = startServers(t, vshost, tag, nservers, unreliable);
  await pollPrimaryAndBackup(vck, DeadPings * 2);

  // give p+b time to ack, initialize
  await sleep(PingInterval * DeadPings);

  if (unreliable) {
    const ck = MakeClerk(t, vshost, '');
    await ck.Put('0', 'x');
    await ck.Put('1', 'x');
  }

  let done = false;

  const { view: view1 } = await vck.Get();
  const nclients = 3;
  const nkeys = 2;
  const clients: Future<boolean>[] = [];
  for (let xi = 0; xi < nclients; xi++) {
    const client = async (): Promise<boolean> => {
      const ck = MakeClerk(t, vshost, '');
      while (!done) {
        const k = String(randomInt(2 ** 31) % nkeys);
        const v = String(randomInt(2 ** 31));
        await ck.Put(k, v);
      }
      return true;
    };
    clients.push(Future.go(client, `client${xi}`));
  }

  await sleep(5 * Second);
  done = true;

  if (unreliable) {
    for (const client of clients) {
      if (!(await client.wait())) t.Fatalf('child failed');
    }
  } else {
    await sleep(Second); // the reliable test does not join its clients
  }

  // read from primary
  const ck = MakeClerk(t, vshost, '');
  const vals: string[] = [];
  for (let i = 0; i < nkeys; i++) {
    const value = await ck.Get(String(i));
    vals.push(value);
    if (value === '') t.Fatalf('Get(%v) failed from primary', i);
  }

  await killPrimaryAwaitBackup(t, vck, sa, view1);

  // read from old backup
  for (let i = 0; i < nkeys; i++) {
    const z = await ck.Get(String(i));
    if (z !== vals[i]) t.Fatalf('Get(%v) from backup; wanted %v, got %v', i, vals[i], z);
  }

  t.log('  ... Passed');

  await finish(sa, vs);
}

export const concurrentSame: Scenario = {
  name: 'concurrent-same',
  description: 'TestConcurrentSame: concurrent Puts to two keys; the promoted backup must hold what the primary served',
  boundMicros: 45 * Second,
  // Either server may restart early in the Puts (its first 200 PutAppends or Forwards, well
  // before the 5 s end): the other holds the state, the view is whole again long before the test
  // kills view1's primary, and the test's handle reaches the restarted server.
  ...labFaults(['s1', 's2'], 9 * Second, [
    { target: 's1', method: 'PBServer.PutAppend', nthMax: 200 },
    { target: 's2', method: 'PBServer.Forward', nthMax: 200 },
  ]),
  run: (t) => testConcurrentSame(t, false),
};
