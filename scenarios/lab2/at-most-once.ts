// TestAtMostOnce (spec §4.2, tag "tamo"): one unreliable server (10% of requests dropped, 18%
// executed with the reply lost); 100 Appends from one clerk must each take effect exactly once.

import { sleep } from '../../sim/index.ts';
import type { TestContext } from '../framework/context.ts';
import { DeadPings, MakeClerk, PingInterval, Second } from '../framework/lab.ts';
import type { Scenario } from '../framework/scenario.ts';
import { finish, pollPrimaryAndBackup, startServers, startViewService, labFaults } from './common.ts';

async function testAtMostOnce(t: TestContext): Promise<void> {
  const tag = 'tamo';
  const { vshost, vs, vck } = await startViewService(t, tag);

  t.log('Test: at-most-once Append; unreliable ...');

  const nservers = 1;
  const sa = startServers(t, vshost, tag, nservers, true);
  // With one server there is never a backup: this always polls the full 2·DeadPings.
  await pollPrimaryAndBackup(vck, DeadPings * 2);

  // give p+b time to ack, initialize
  await sleep(PingInterval * DeadPings);

  const ck = MakeClerk(t, vshost, '');
  const k = 'counter';
  let val = '';
  for (let i = 0; i < 100; i++) {
    const v = String(i);
    await ck.Append(k, v);
    val = val + v;
  }

  const v = await ck.Get(k);
  if (v !== val) t.Fatalf('ck.Get() returned %v but expected %v\n', v, val);

  t.log('  ... Passed');

  await finish(sa, vs);
}

export const atMostOnce: Scenario = {
  name: 'at-most-once',
  description: 'TestAtMostOnce: 100 Appends through one unreliable server each take effect exactly once',
  boundMicros: 40 * Second,
  // No restarts: s1 is the only server, so a restart loses every Append.
  ...labFaults(['s1'], 7.5 * Second),
  run: testAtMostOnce,
};
