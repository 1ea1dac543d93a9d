// viewservice Test1 (spec §4.1), step by step: three clerks play servers by hand (Ping with the
// view number they claim to have), and after each step the view must be exactly the one the
// rules allow. Messages as in the Go test.

import { sleep } from '../../sim/index.ts';
import type { TestContext } from '../framework/context.ts';
import { DeadPings, MakeViewClerk, PingInterval, Second, StartViewServer, type ViewClerk } from '../framework/lab.ts';
import type { Scenario } from '../framework/scenario.ts';

/** check(t, ck, p, b, n): the view is (p, b, n), n = 0 meaning any, and ck.Primary() is p. */
async function check(t: TestContext, ck: ViewClerk, p: string, b: string, n: number): Promise<void> {
  const { view } = await ck.Get();
  if (view.Primary !== p) t.Fatalf('wanted primary %v, got %v', p, view.Primary);
  if (view.Backup !== b) t.Fatalf('wanted backup %v, got %v', b, view.Backup);
  if (n !== 0 && n !== view.Viewnum) t.Fatalf('wanted viewnum %v, got %v', n, view.Viewnum);
  const primary = await ck.Primary();
  if (primary !== p) t.Fatalf('wanted primary %v, got %v', p, primary);
}

async function test1(t: TestContext): Promise<void> {
  const vshost = t.viewserverPort('v');
  const vs = StartViewServer(t, vshost);

  const ck1 = MakeViewClerk(t, t.viewserverPort('1'), vshost);
  const ck2 = MakeViewClerk(t, t.viewserverPort('2'), vshost);
  const ck3 = MakeViewClerk(t, t.viewserverPort('3'), vshost);

  if ((await ck1.Primary()) !== '') t.Fatalf('there was a primary too soon');

  // very first primary
  t.log('Test: First primary ...');
  for (let i = 0; i < DeadPings * 2; i++) {
    const { view } = await ck1.Ping(0);
    if (view.Primary === ck1.me) break;
    await sleep(PingInterval);
  }
  await check(t, ck1, ck1.me, '', 1);
  t.log('  ... Passed');

  // very first backup
  t.log('Test: First backup ...');
  {
    const { view: vx } = await ck1.Get();
    for (let i = 0; i < DeadPings * 2; i++) {
      await ck1.Ping(1);
      const { view } = await ck2.Ping(0);
      if (view.Backup === ck2.me) break;
      await sleep(PingInterval);
    }
    await check(t, ck1, ck1.me, ck2.me, vx.Viewnum + 1);
  }
  t.log('  ... Passed');

  // primary dies, backup should take over
  t.log('Test: Backup takes over if primary fails ...');
  {
    await ck1.Ping(2);
    const { view: vx } = await ck2.Ping(2);
    for (let i = 0; i < DeadPings * 2; i++) {
      const { view: v } = await ck2.Ping(vx.Viewnum);
      if (v.Primary === ck2.me && v.Backup === '') break;
      await sleep(PingInterval);
    }
    await check(t, ck2, ck2.me, '', vx.Viewnum + 1);
  }
  t.log('  ... Passed');

  // revive ck1, should become backup
  t.log('Test: Restarted server becomes backup ...');
  {
    const { view: vx } = await ck2.Get();
    await ck2.Ping(vx.Viewnum);
    for (let i = 0; i < DeadPings * 2; i++) {
      await ck1.Ping(0);
      const { view: v } = await ck2.Ping(vx.Viewnum);
      if (v.Primary === ck2.me && v.Backup === ck1.me) break;
      await sleep(PingInterval);
    }
    await check(t, ck2, ck2.me, ck1.me, vx.Viewnum + 1);
  }
  t.log('  ... Passed');

  // start ck3, kill the primary (ck2), the previous backup (ck1) should become the server,
  // and ck3 the backup. this should happen in a single view change, without any period in
  // which there's no backup.
  t.log('Test: Idle third server becomes backup if primary fails ...');
  {
    let { view: vx } = await ck2.Get();
    await ck2.Ping(vx.Viewnum);
    for (let i = 0; i < DeadPings * 2; i++) {
      await ck3.Ping(0);
      const { view: v } = await ck1.Ping(vx.Viewnum);
      if (v.Primary === ck1.me && v.Backup === ck3.me) break;
      vx = v;
      await sleep(PingInterval);
    }
    await check(t, ck1, ck1.me, ck3.me, vx.Viewnum + 1);
  }
  t.log('  ... Passed');

  // kill and immediately restart the primary -- does viewservice conclude primary is down
  // even though it's pinging?
  t.log('Test: Restarted primary treated as dead ...');
  {
    const { view: vx } = await ck1.Get();
    await ck1.Ping(vx.Viewnum);
    for (let i = 0; i < DeadPings * 2; i++) {
      await ck1.Ping(0);
      await ck3.Ping(vx.Viewnum);
      const { view: v } = await ck3.Get();
      if (v.Primary !== ck1.me) break;
      await sleep(PingInterval);
    }
    const { view: vy } = await ck3.Get();
    if (vy.Primary !== ck3.me) t.Fatalf('expected primary=%v, got %v\n', ck3.me, vy.Primary);
  }
  t.log('  ... Passed');

  t.log('Test: Dead backup is removed from view ...');
  // set up a view with just 3 as primary, to prepare for the next test.
  {
    for (let i = 0; i < DeadPings * 3; i++) {
      const { view: vx } = await ck3.Get();
      await ck3.Ping(vx.Viewnum);
      await sleep(PingInterval);
    }
    const { view: v } = await ck3.Get();
    if (v.Primary !== ck3.me || v.Backup !== '') t.Fatalf('wrong primary or backup');
  }
  t.log('  ... Passed');

  // does viewserver wait for ack of previous view before starting the next one?
  t.log('Test: Viewserver waits for primary to ack view ...');
  {
    // set up p=ck3 b=ck1, but do not ack
    const { view: vx } = await ck1.Get();
    for (let i = 0; i < DeadPings * 3; i++) {
      await ck1.Ping(0);
      await ck3.Ping(vx.Viewnum);
      const { view: v } = await ck1.Get();
      if (v.Viewnum > vx.Viewnum) break;
      await sleep(PingInterval);
    }
    await check(t, ck1, ck3.me, ck1.me, vx.Viewnum + 1);
    const { view: vy } = await ck1.Get();
    // ck3 is the primary, but it never acked. let ck3 die. check that ck1 is not promoted.
    for (let i = 0; i < DeadPings * 3; i++) {
      const { view: v } = await ck1.Ping(vy.Viewnum);
      if (v.Viewnum > vy.Viewnum) break;
      await sleep(PingInterval);
    }
    await check(t, ck2, ck3.me, ck1.me, vy.Viewnum);
  }
  t.log('  ... Passed');

  // if old servers die, check that a new (uninitialized) server cannot take over.
  t.log("Test: Uninitialized server can't become primary ...");
  {
    for (let i = 0; i < DeadPings * 2; i++) {
      const { view: v } = await ck1.Get();
      await ck1.Ping(v.Viewnum);
      await ck2.Ping(0);
      await ck3.Ping(v.Viewnum);
      await sleep(PingInterval);
    }
    for (let i = 0; i < DeadPings * 2; i++) {
      await ck2.Ping(0);
      await sleep(PingInterval);
    }
    const { view: vz } = await ck2.Get();
    if (vz.Primary === ck2.me) t.Fatalf('uninitialized backup promoted to primary');
  }
  t.log('  ... Passed');

  vs.Kill();
}

export const viewservice: Scenario = {
  name: 'viewservice',
  description: 'viewservice Test1: first primary/backup, takeover, restarts, ack rule, no uninitialized primary',
  boundMicros: 40 * Second,
  run: test1,
};
