// Beyond the 2015 suite: the primary dies while the view has no backup. The handout's rule is
// that nothing can be done then: the primary of view i+1 must have been primary or
// backup of view i, and there is no such server alive. TestBasicFail's "Kill last server" only
// checks that a Get does not return, which a view with no primary at all also satisfies; this
// scenario watches the views themselves.
//
//   1. s1 becomes primary of view 1, with no backup.
//   2. s1 is killed; a second later s2 starts and pings, an idle server with no state.
//   3. From the kill on, for 2 s, every view the viewservice shows must have a primary, and one
//      that was primary or backup of the view before. Staying at (s1, "") is what a correct
//      viewservice does; a view with primary "" or s2 breaks the rule.

import { sleep } from '../../sim/index.ts';
import type { View } from '../../protocol/implementation.ts';
import type { TestContext } from '../framework/context.ts';
import { ServerFleet } from '../framework/fleet.ts';
import { DeadPings, MakeViewClerk, PingInterval, Second } from '../framework/lab.ts';
import type { Scenario } from '../framework/scenario.ts';
import { awaitView, startViewService } from '../lab2/common.ts';

const WATCH_MICROS = 2 * Second;

function describe(view: View): string {
  return `view ${view.Viewnum} (primary "${view.Primary}", backup "${view.Backup}")`;
}

async function deadPrimaryNoBackup(t: TestContext): Promise<void> {
  const tag = 'dpnb';
  const { vshost, vs, vck } = await startViewService(t, tag);
  const fleet = t.useFleet(new ServerFleet(t, vshost));
  const s1 = fleet.start('s1', t.port(tag, 1));
  await sleep(2 * DeadPings * PingInterval);
  await awaitView(t, vck, s1.me, '', 'first primary never formed view');

  t.log('kill the only server, then start an idle one: no view may follow without a successor');
  s1.kill();
  const watcher = MakeViewClerk(t, '', vshost); // counted: its Gets are this scenario's operations
  let previous: View | null = null;
  const startAt = t.now() + 2 * DeadPings * PingInterval;
  for (const end = t.now() + WATCH_MICROS; t.now() < end; ) {
    if (t.now() >= startAt && fleet.server('s2') === undefined) fleet.start('s2', t.port(tag, 2));
    const { view } = await watcher.Get();
    if (view.Primary === '') t.Fatalf('%v has no primary: a view is only ever made with one (with no live backup, nothing can be done)', describe(view));
    if (previous !== null && view.Viewnum === previous.Viewnum + 1 && view.Primary !== previous.Primary && view.Primary !== previous.Backup) {
      t.Fatalf('%v follows %v: the primary of view i+1 must have been primary or backup of view i', describe(view), describe(previous));
    }
    if (previous !== null && view.Viewnum > previous.Viewnum + 1) t.Fatalf('the view jumped from %v to %v', describe(previous), describe(view));
    previous = view;
    await sleep(PingInterval);
  }
  t.log('  ... Passed');

  fleet.kill('s2');
  await sleep(Second);
  vs.Kill();
  await sleep(Second);
}

export const deadPrimaryNoBackupScenario: Scenario = {
  name: 'dead-primary-no-backup',
  description: 'Beyond the 2015 suite: the primary dies with no backup and an idle server comes; no view may follow whose primary was not primary or backup before',
  boundMicros: 20 * Second,
  run: deadPrimaryNoBackup,
};
