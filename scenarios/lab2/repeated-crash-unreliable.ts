// TestRepeatedCrashUnreliable (spec §4.2, tag "rcu"): the repeated-crash killer for 20 s, with
// the three initial servers unreliable (restarted ones are reliable: the killer never calls
// setunreliable), while two clients Append "x i n y" to one key; afterwards every acknowledged
// append must be present exactly once and in order, and a final Put/Get must work.

import { sleep } from '../../sim/index.ts';
import { checkAppends } from '../framework/checks.ts';
import type { TestContext } from '../framework/context.ts';
import { Future } from '../framework/future.ts';
import { MakeClerk, Millisecond, Second } from '../framework/lab.ts';
import type { Scenario } from '../framework/scenario.ts';
import { finish, startViewService, labFaults } from './common.ts';
import { setUpRepeatedCrash, startKiller, type Done } from './repeated-crash.ts';

async function testRepeatedCrashUnreliable(t: TestContext): Promise<void> {
  const tag = 'rcu';
  const service = await startViewService(t, tag);
  const { vshost, vs } = service;

  t.log('Test: Repeated failures/restarts with concurrent updates to same key; unreliable ...');

  const sa = await setUpRepeatedCrash(t, service, tag, true);

  const done: Done = { value: false };
  startKiller(t, vshost, tag, sa, done);

  // concurrent client thread.
  const ff = async (i: number): Promise<number> => {
    const ck = MakeClerk(t, vshost, '');
    let n = 0;
    while (!done.value) {
      const v = `x ${i} ${n} y`;
      await ck.Append('0', v);
      // if no sleep here, then server tick() threads do not get enough time to Ping the
      // viewserver.
      await sleep(10 * Millisecond);
      n++;
    }
    return n;
  };

  const nth = 2;
  const cha: Future<number>[] = [];
  for (let i = 0; i < nth; i++) cha.push(Future.go(() => ff(i), `client${i}`));

  await sleep(20 * Second);
  done.value = true;

  t.log('  ... Appends done ... ');

  const counts: number[] = [];
  for (const ch of cha) {
    const n = await ch.wait();
    if (n < 0) t.Fatal('child failed');
    counts.push(n);
  }

  const ck = MakeClerk(t, vshost, '');

  checkAppends(t, await ck.Get('0'), counts);

  await ck.Put('aaa', 'bbb');
  if ((await ck.Get('aaa')) !== 'bbb') t.Fatalf('final Put/Get failed');

  t.log('  ... Passed');

  await finish(sa, vs);
}

export const repeatedCrashUnreliable: Scenario = {
  name: 'repeated-crash-unreliable',
  description: 'TestRepeatedCrashUnreliable: 20 s of kill/restart (unreliable at first) under two Append clients; appends exactly once, in order',
  boundMicros: 60 * Second,
  // No restarts: the test's own killer has one server down a second in every two; a restart of
  // another server then leaves no copy of the state, which no implementation survives.
  ...labFaults(['s1', 's2', 's3'], 22 * Second),
  run: testRepeatedCrashUnreliable,
};
