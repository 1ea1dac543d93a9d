// TestRepeatedCrash (spec §4.2, tag "rc"): for 20 s a killer kills a random one of three servers
// (6.824 kill), waits 1 s, restarts it empty at the same path, waits 1 s; meanwhile two clients
// Put and read back their own keys, and every Get must return the last value Put. The killer is
// shared with TestRepeatedCrashUnreliable.

import { go, note, randomInt, sleep } from '../../sim/index.ts';
import type { TestContext } from '../framework/context.ts';
import { Future } from '../framework/future.ts';
import { DeadPings, MakeClerk, Millisecond, PingInterval, Second, StartServer, type ServerHandle } from '../framework/lab.ts';
import type { Scenario } from '../framework/scenario.ts';
import { finish, pollPrimaryAndBackup, startServers, startViewService, type ViewService, labFaults } from './common.ts';

export interface Done {
  value: boolean;
}

/** Kill and restart servers until done; restarted servers are reliable (spec §4.2). */
export function startKiller(t: TestContext, vshost: string, tag: string, sa: ServerHandle[], done: Done): void {
  go(async () => {
    while (!done.value) {
      const i = randomInt(2 ** 31) % sa.length;
      note(`killing s${i + 1}`);
      sa[i]!.kill();

      // wait long enough for new view to form, backup to be initialized
      await sleep(2 * PingInterval * DeadPings);

      note(`restarting s${i + 1}`);
      sa[i] = StartServer(t, vshost, t.port(tag, i + 1), `s${i + 1}`);

      // wait long enough for new view to form, backup to be initialized
      await sleep(2 * PingInterval * DeadPings);
    }
  }, 'killer');
}

/** Start three servers, poll only DeadPings times for primary and backup, then wait for the
 *  primary to initialise the backup. */
export async function setUpRepeatedCrash(t: TestContext, vs: ViewService, tag: string, unreliable: boolean): Promise<ServerHandle[]> {
  const sa = startServers(t, vs.vshost, tag, 3, unreliable);
  await pollPrimaryAndBackup(vs.vck, DeadPings);

  // wait a bit for primary to initialize backup
  await sleep(DeadPings * PingInterval);
  return sa;
}

async function testRepeatedCrash(t: TestContext): Promise<void> {
  const tag = 'rc';
  const service = await startViewService(t, tag);
  const { vshost, vs } = service;

  t.log('Test: Repeated failures/restarts ...');

  const sa = await setUpRepeatedCrash(t, service, tag, false);

  const done: Done = { value: false };
  startKiller(t, vshost, tag, sa, done);

  const nth = 2;
  const cha: Future<boolean>[] = [];
  for (let xi = 0; xi < nth; xi++) {
    const client = async (i: number): Promise<boolean> => {
      const ck = MakeClerk(t, vshost, '');
      const data = new Map<string, string>();
      while (!done.value) {
        const k = String(i * 1000000 + (randomInt(2 ** 31) % 10));
        const wanted = data.get(k);
        if (wanted !== undefined) {
          const v = await ck.Get(k);
          if (v !== wanted) t.Fatalf('key=%v wanted=%v got=%v', k, wanted, v);
        }
        const nv = String(randomInt(2 ** 31));
        await ck.Put(k, nv);
        data.set(k, nv);
        // if no sleep here, then server tick() threads do not get enough time to Ping the
        // viewserver.
        await sleep(10 * Millisecond);
      }
      return true;
    };
    cha.push(Future.go(() => client(xi), `client${xi}`));
  }

  await sleep(20 * Second);
  done.value = true;

  t.log('  ... Put/Gets done ... ');

  for (const ch of cha) {
    if (!(await ch.wait())) t.Fatal('child failed');
  }

  const ck = MakeClerk(t, vshost, '');
  await ck.Put('aaa', 'bbb');
  if ((await ck.Get('aaa')) !== 'bbb') t.Fatalf('final Put/Get failed');

  t.log('  ... Passed');

  await finish(sa, vs);
}

export const repeatedCrash: Scenario = {
  name: 'repeated-crash',
  description: 'TestRepeatedCrash: 20 s of random kill/restart under two Put/Get clients; every Get sees the last Put',
  boundMicros: 60 * Second,
  // No restarts: the test's own killer has one server down a second in every two; a restart of
  // another server then leaves no copy of the state, which no implementation survives.
  ...labFaults(['s1', 's2', 's3'], 22 * Second),
  run: testRepeatedCrash,
};
