// TestPartition2 (spec §4.2, tag "part2"): as TestPartition1, but the delayed Get (5 s) reaches
// s1 only after s2 has been promoted, s3 has joined as backup, a="2" has been written and s2 has
// been killed: s1's backup is dead and its viewservice link is gone, so s1 must not answer from
// its own state.

import { sleep } from '../../sim/index.ts';
import { check } from '../framework/checks.ts';
import type { TestContext } from '../framework/context.ts';
import { DeadPings, MakeClerk, PingInterval, Second, StartServer } from '../framework/lab.ts';
import type { Scenario } from '../framework/scenario.ts';
import { labFaults } from './common.ts';
import { awaitPrimaryChange, setUpPartition, staleGet } from './partition1.ts';

async function testPartition2(t: TestContext): Promise<void> {
  const tag = 'part2';
  const w = await setUpPartition(t, tag, 'Test: Partitioned old primary does not complete Gets ...');
  const { vshost, vck, s2 } = w;
  const staleGetDone = staleGet(w, 5);

  // now s1 cannot talk to viewserver, so view will change.
  await awaitPrimaryChange(t, w);

  const s3 = StartServer(t, vshost, t.port(tag, 3), 's3');
  for (let iter = 0; iter < DeadPings * 3; iter++) {
    const { view: v } = await vck.Get();
    if (v.Backup === s3.me && v.Primary === s2.me) break;
    await sleep(PingInterval);
  }
  const { view: v2 } = await vck.Get();
  if (v2.Primary !== s2.me || v2.Backup !== s3.me) t.Fatalf('new backup never joined');
  await sleep(2 * Second);

  const ck2 = MakeClerk(t, vshost, '');
  await ck2.Put('a', '2');
  await check(t, ck2, 'a', '2');

  s2.kill();

  // wait for delayed get to s1 to complete.
  const stale = await staleGetDone.waitFor(6 * Second);
  if (stale.done && stale.value) t.Fatalf('partitioned primary replied to a Get with a stale value');

  await check(t, ck2, 'a', '2');

  t.log('  ... Passed');

  w.s1.kill();
  s2.kill();
  s3.kill();
  w.vs.Kill();
}

export const partition2: Scenario = {
  name: 'partition2',
  description: 'TestPartition2: a partitioned old primary whose backup died must not complete a delayed Get',
  boundMicros: 50 * Second,
  // No restarts: s1 sits behind the test's proxy at a renamed socket, and s3's only Forwards come
  // right before the test kills s2, too late for a restarted s3 to be given the state and acked.
  ...labFaults(['s1', 's2', 's3'], 8 * Second),
  run: testPartition2,
};
