// Beyond the 2015 suite: a primary whose backup loses calls must resend a failed Forward
// itself. A Forward whose reply was lost may already be applied at the backup (the error
// arrives before the handler even runs), and the backup filters op ids, so resending it is safe;
// giving up at the first failure instead fails the client's operation, costs the clerk a
// PingInterval and a viewservice query, and the backup a whole new Transfer. The 2015 tests never
// time operations, so a primary that gives up at once passes them all.
//
//   1. s1 primary, s2 backup, both reliable: N Appends over a few keys, timed (the run's own
//      pace, whatever its network weather).
//   2. s2 turns unreliable (the 6.824 accept loop: 10% of calls dropped, 18% replies lost): N
//      more Appends must take at most twice as long plus SLACK. With a resending primary an
//      operation fails only when all its tries fail (0.28³ ≈ 2%); with one that gives up at once,
//      28% fail, and each costs the clerk a PingInterval: about N × 28 ms more.
//   3. s2 reliable again; every key must hold exactly its Appends, on the primary and, after it
//      is killed, on the promoted backup (Appends, not Puts, so a write the backup missed or got
//      twice shows, whichever key it was on).

import { sleep } from '../../sim/index.ts';
import { check } from '../framework/checks.ts';
import type { TestContext } from '../framework/context.ts';
import { MakeClerk, PingInterval, Second } from '../framework/lab.ts';
import type { Scenario } from '../framework/scenario.ts';
import { awaitView, startPrimaryAndBackup } from '../lab2/common.ts';

const OPS = 100;
const KEYS = 10;
/** Fifteen failed operations' clerk sleeps: a resending primary fails about two of 100. */
const SLACK_MICROS = 15 * PingInterval;

async function timedAppends(t: TestContext, ck: ReturnType<typeof MakeClerk>, phase: string, expected: Map<string, string>): Promise<number> {
  const start = t.now();
  for (let i = 0; i < OPS; i++) {
    const key = `k${i % KEYS}`;
    await ck.Append(key, `${phase}${i};`);
    expected.set(key, `${expected.get(key) ?? ''}${phase}${i};`);
  }
  return t.now() - start;
}

async function lossyBackupForwards(t: TestContext): Promise<void> {
  const tag = 'lbf';
  const { vshost, vs, vck, s1, s2 } = await startPrimaryAndBackup(t, tag);
  await sleep(Second); // state transfer
  const ck = MakeClerk(t, vshost, '');
  const expected = new Map<string, string>();

  const reliableMicros = await timedAppends(t, ck, 'a', expected);
  t.log(`${OPS} Appends with a reliable backup: ${reliableMicros / 1000} ms`);

  s2.setunreliable(true);
  const lossyMicros = await timedAppends(t, ck, 'b', expected);
  t.log(`${OPS} Appends with an unreliable backup: ${lossyMicros / 1000} ms`);
  const boundMicros = 2 * reliableMicros + SLACK_MICROS;
  if (lossyMicros > boundMicros) {
    t.Fatalf('%v Appends took %v ms with an unreliable backup, more than %v ms (twice the %v ms with a reliable one, plus %v ms): does the primary give up on a failed Forward instead of resending it?', OPS, lossyMicros / 1000, boundMicros / 1000, reliableMicros / 1000, SLACK_MICROS / 1000);
  }

  s2.setunreliable(false);
  for (const [key, value] of expected) await check(t, ck, key, value);
  s1.kill();
  await awaitView(t, vck, s2.me, '', 'backup never switched to primary');
  for (const [key, value] of expected) await check(t, ck, key, value);
  t.log('  ... Passed');

  s2.kill();
  await sleep(Second);
  vs.Kill();
  await sleep(Second);
}

export const lossyBackupForwardsScenario: Scenario = {
  name: 'lossy-backup-forwards',
  description: 'Beyond the 2015 suite: with a backup that loses calls, the primary must resend a failed Forward itself; 100 Appends may take at most twice as long plus 1.5 s, and none may be lost or doubled',
  boundMicros: 60 * Second,
  run: lossyBackupForwards,
};
