// TestPartition1 (spec §4.2, tag "part1"): s1 is primary behind a delaying proxy and reaches the
// viewservice through a second name of its socket. That name is removed (s1 is cut off from the
// viewservice only) and a client Get is sent to s1 through a 4 s delay; by the time it arrives
// s2 is primary and holds a newer value, so s1 must not answer "1". The setup is shared with
// TestPartition2.

import { sleep } from '../../sim/index.ts';
import { check } from '../framework/checks.ts';
import type { TestContext } from '../framework/context.ts';
import { Future } from '../framework/future.ts';
import { DeadPings, MakeClerk, PingInterval, Second, StartServer, type KvClerk, type ServerHandle } from '../framework/lab.ts';
import { linkViewserver, partitionFromViewserver } from '../framework/partition.ts';
import { proxy, type ProxyDelay } from '../framework/proxy.ts';
import type { Scenario } from '../framework/scenario.ts';
import { startViewService, type ViewService, labFaults } from './common.ts';

export interface PartitionedWorld extends ViewService {
  readonly ck1: KvClerk;
  readonly s1: ServerHandle;
  readonly s2: ServerHandle;
  readonly delay: ProxyDelay;
}

/**
 * Both Partition tests up to the partition: s1 (behind the proxy, on the viewserver's second
 * name) primary, s2 backup, a="1" written through ck1, then the second name removed.
 */
export async function setUpPartition(t: TestContext, tag: string, title: string): Promise<PartitionedWorld> {
  const service = await startViewService(t, tag);
  const { vshost, vck } = service;

  const ck1 = MakeClerk(t, vshost, '');

  t.log(title);

  const vshosta = linkViewserver(vshost);

  const s1 = StartServer(t, vshosta, t.port(tag, 1), 's1');
  const delay: ProxyDelay = { seconds: 0 };
  proxy(t, t.port(tag, 1), delay);

  const deadtime = PingInterval * DeadPings;
  await sleep(deadtime * 2);
  if ((await vck.Primary()) !== s1.me) t.Fatal('primary never formed initial view');

  const s2 = StartServer(t, vshost, t.port(tag, 2), 's2');
  await sleep(deadtime * 2);
  const { view: v1 } = await vck.Get();
  if (v1.Primary !== s1.me || v1.Backup !== s2.me) t.Fatal('backup did not join view');

  await ck1.Put('a', '1');
  await check(t, ck1, 'a', '1');

  partitionFromViewserver(t, vshosta);
  return { ...service, ck1, s1, s2, delay };
}

/**
 * Start a client Get(), but use the proxy to delay it long enough that it won't reach s1 until
 * after s1 is no longer the primary. The future says whether it returned the stale "1".
 */
export function staleGet(w: PartitionedWorld, delaySeconds: number): Future<boolean> {
  w.delay.seconds = delaySeconds;
  return Future.go(async () => (await w.ck1.Get('a')) === '1', 'stale-get');
}

/** Poll up to 3·DeadPings for s2 to be primary, else "primary never changed". */
export async function awaitPrimaryChange(t: TestContext, w: PartitionedWorld): Promise<void> {
  for (let iter = 0; iter < DeadPings * 3; iter++) {
    if ((await w.vck.Primary()) === w.s2.me) break;
    await sleep(PingInterval);
  }
  if ((await w.vck.Primary()) !== w.s2.me) t.Fatalf('primary never changed');
}

async function testPartition1(t: TestContext): Promise<void> {
  const tag = 'part1';
  const w = await setUpPartition(t, tag, 'Test: Old primary does not serve Gets ...');
  const staleGetDone = staleGet(w, 4);

  // now s1 cannot talk to viewserver, so view will change, and s1 won't immediately realize.
  await awaitPrimaryChange(t, w);

  // wait long enough that s2 is guaranteed to have Pinged the viewservice, and thus that s2
  // must know about the new view.
  await sleep(2 * PingInterval);

  // change the value (on s2) so it's no longer "1".
  const ck2 = MakeClerk(t, w.vshost, '');
  await ck2.Put('a', '111');
  await check(t, ck2, 'a', '111');

  // wait for the background Get to s1 to be delivered.
  const stale = await staleGetDone.waitFor(5 * Second);
  if (stale.done && stale.value) t.Fatalf('Get to old primary succeeded and produced stale value');

  await check(t, ck2, 'a', '111');

  t.log('  ... Passed');

  w.s1.kill();
  w.s2.kill();
  w.vs.Kill();
}

export const partition1: Scenario = {
  name: 'partition1',
  description: 'TestPartition1: a primary cut off from the viewservice must not serve a delayed Get with a stale value',
  boundMicros: 45 * Second,
  // No restarts: s1 sits behind the test's proxy at a renamed socket, and a restart of s2 during
  // the one Put before the partition leaves a view s1 can no longer ack once cut off.
  ...labFaults(['s1', 's2'], 7 * Second),
  run: testPartition1,
};
