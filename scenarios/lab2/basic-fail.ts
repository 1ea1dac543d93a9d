// TestBasicFail (spec §4.2, tag "basic"): a lone primary, a backup joining, the viewserver RPC
// budget, the backup taking over with the data, and a fresh server after the last one dies not
// serving (its Get must still be blocked 2 s later).

import { note, nowMicros, sleep } from '../../sim/index.ts';
import { check } from '../framework/checks.ts';
import type { TestContext } from '../framework/context.ts';
import { Future } from '../framework/future.ts';
import { DeadPings, MakeClerk, PingInterval, Second, StartServer } from '../framework/lab.ts';
import type { Scenario } from '../framework/scenario.ts';
import { startViewService, labFaults } from './common.ts';

async function testBasicFail(t: TestContext): Promise<void> {
  const tag = 'basic';
  const { vshost, vs, vck } = await startViewService(t, tag);

  const ck = MakeClerk(t, vshost, '');

  t.log('Test: Single primary, no backup ...');

  const s1 = StartServer(t, vshost, t.port(tag, 1), 's1');

  const deadtime = PingInterval * DeadPings;
  await sleep(deadtime * 2);
  if ((await vck.Primary()) !== s1.me) t.Fatal('first primary never formed view');

  await ck.Put('111', 'v1');
  await check(t, ck, '111', 'v1');

  await ck.Put('2', 'v2');
  await check(t, ck, '2', 'v2');

  await ck.Put('1', 'v1a');
  await check(t, ck, '1', 'v1a');

  await ck.Append('ak', 'hello');
  await check(t, ck, 'ak', 'hello');
  await ck.Put('ak', 'xx');
  await ck.Append('ak', 'yy');
  await check(t, ck, 'ak', 'xxyy');

  t.log('  ... Passed');

  // add a backup

  t.log('Test: Add a backup ...');

  const s2 = StartServer(t, vshost, t.port(tag, 2), 's2');
  for (let i = 0; i < DeadPings * 2; i++) {
    const { view: v } = await vck.Get();
    if (v.Backup === s2.me) break;
    await sleep(PingInterval);
  }
  {
    const { view: v } = await vck.Get();
    if (v.Backup !== s2.me) t.Fatal('backup never came up');
  }

  await ck.Put('3', '33');
  await check(t, ck, '3', '33');

  // give the backup time to initialize
  await sleep(3 * PingInterval);

  await ck.Put('4', '44');
  await check(t, ck, '4', '44');

  t.log('  ... Passed');

  t.log('Test: Count RPCs to viewserver ...');

  // verify that the client or server doesn't contact the viewserver for every request -- i.e.
  // that both client and servers cache the current view and only refresh it when something
  // seems to be wrong. this test allows each server to Ping() the viewserver 10 times / second.

  const count1 = vs.GetRPCCount();
  const t1 = nowMicros();
  for (let i = 0; i < 100; i++) {
    await ck.Put(`xk${i}`, String(i));
  }
  const count2 = vs.GetRPCCount();
  const t2 = nowMicros();
  const dt = t2 - t1;
  const allowed = 2 * Math.floor(dt / (100 * 1_000)); // two servers tick()ing 10/second
  note(`viewserver RPCs during 100 Puts: ${count2 - count1} in ${dt} us (allowed ${allowed + 20})`);
  if (count2 - count1 > allowed + 20) t.Fatal('too many viewserver RPCs');

  t.log('  ... Passed');

  // kill the primary

  t.log('Test: Primary failure ...');

  s1.kill();
  for (let i = 0; i < DeadPings * 2; i++) {
    const { view: v } = await vck.Get();
    if (v.Primary === s2.me) break;
    await sleep(PingInterval);
  }
  {
    const { view: v } = await vck.Get();
    if (v.Primary !== s2.me) t.Fatal('backup never switched to primary');
  }

  await check(t, ck, '1', 'v1a');
  await check(t, ck, '3', '33');
  await check(t, ck, '4', '44');

  t.log('  ... Passed');

  // kill solo server, start new server, check that it does not start serving as primary

  t.log('Test: Kill last server, new one should not be active ...');

  s2.kill();
  const s3 = StartServer(t, vshost, t.port(tag, 3), 's3');
  await sleep(1 * Second);
  const getDone = Future.go(() => ck.Get('1'), 'get');

  const got = await getDone.waitFor(2 * Second);
  if (got.done) t.Fatalf('ck.Get() returned even though no initialized primary');

  t.log('  ... Passed');

  s1.kill();
  s2.kill();
  s3.kill();
  await sleep(Second);
  vs.Kill();
  await sleep(Second);
}

export const basicFail: Scenario = {
  name: 'basic-fail',
  description: 'TestBasicFail: lone primary, backup joins, RPC budget, backup takes over, fresh server stays inactive',
  boundMicros: 40 * Second,
  // s2 may restart in one of its first 30 Forwards (the RPC-count Puts): the Puts wait until s1
  // has learned the new view, and s1 transfers and acks in that same tick, before it is killed.
  // s1 alone holds the state until then, so it takes pauses only.
  ...labFaults(['s1', 's2', 's3'], 8 * Second, [{ target: 's2', method: 'PBServer.Forward', nthMax: 30 }]),
  run: testBasicFail,
};
