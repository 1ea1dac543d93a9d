// The story rpcsim exists for: a student's primary is
// inside `call(backup, "PBServer.Forward", ...)` when the backup dies or its connection fails,
// and the log fills with "unexpected EOF", "connection reset by peer" and "broken pipe".
//
//   A. The backup is unreliable (the 6.824 accept loop drops requests and replies): Puts go
//      through the primary, whose Forwards fail now and then. A correct primary retries.
//   B. The primary is killed; the backup takes over and must serve every value the primary
//      acknowledged. A primary that ignores Forward's result (the story's "fix") loses some.
//   C. A new backup joins and crashes while serving a Forward (the fault plan's trigger): the
//      primary sees "unexpected EOF" and must not answer until the view changes.

import { sleep } from '../../sim/index.ts';
import type { FaultPlan } from '../../sim/faults/index.ts';
import { check } from '../framework/checks.ts';
import type { TestContext } from '../framework/context.ts';
import { MakeClerk, Second } from '../framework/lab.ts';
import type { Scenario } from '../framework/scenario.ts';
import { awaitView, startPrimaryAndBackup } from '../lab2/common.ts';

const KEYS = 5;
const PUTS_PER_PHASE = 20;

/** The default fault: the third backup dies in the middle of its third Forward. */
export const FORWARD_CRASH_PLAN: FaultPlan = [
  { when: { on: 'serve', target: 's3', method: 'PBServer.Forward', nth: 3 }, fault: { type: 'crash', target: 's3' } },
];

async function forwardCrash(t: TestContext): Promise<void> {
  const tag = 'fwd';
  const { vshost, vs, vck, fleet, s1, s2 } = await startPrimaryAndBackup(t, tag);
  await sleep(Second); // state transfer

  t.log('Phase A: the backup drops Forward requests and replies (6.824 unreliable accept loop)');
  s2.setunreliable(true);
  const ck = MakeClerk(t, vshost, '');
  const expected = new Map<string, string>();
  for (let i = 0; i < PUTS_PER_PHASE; i++) {
    const key = `k${i % KEYS}`;
    await ck.Put(key, `a${i}`);
    expected.set(key, `a${i}`);
  }

  t.log('Phase B: kill the primary; the backup must hold every acknowledged Put');
  s1.kill();
  await awaitView(t, vck, s2.me, '', 'backup never switched to primary');
  s2.setunreliable(false);
  for (const [key, value] of expected) await check(t, ck, key, value);

  t.log('Phase C: a new backup crashes while the primary is inside call(backup, "PBServer.Forward", ...)');
  fleet.start('s3', t.port(tag, 3));
  await awaitView(t, vck, s2.me, fleet.server('s3')!.me, 'new backup never joined');
  await sleep(Second);
  for (let i = 0; i < PUTS_PER_PHASE; i++) {
    const key = `k${i % KEYS}`;
    await ck.Put(key, `c${i}`);
    expected.set(key, `c${i}`);
  }
  for (const [key, value] of expected) await check(t, ck, key, value);
  t.log('  ... Passed');

  s2.kill();
  fleet.kill('s3');
  await sleep(Second);
  vs.Kill();
  await sleep(Second);
}

export const forwardCrashScenario: Scenario = {
  name: 'forward-crash',
  description: 'The seed story: the backup fails while the primary is inside call(backup, "PBServer.Forward", ...)',
  boundMicros: 60 * Second,
  // No faultTargets: the story's checks expect its own fault, so swarm mode gives it the seed's
  // weather (latencies, unreliability) and keeps this plan rather than drawing random crashes.
  defaultFaults: FORWARD_CRASH_PLAN,
  run: forwardCrash,
};
