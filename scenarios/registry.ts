// The catalogue of scenarios, in the order the 2015 tests run: the viewservice test, then the
// pbservice tests as they appear in test_test.go, then the stories, then the scenarios that go
// beyond the 2015 suite (scenarios/beyond: each probes a hole the 2015 tests leave open).

import type { Scenario } from './framework/scenario.ts';
import { atMostOnce } from './lab2/at-most-once.ts';
import { basicFail } from './lab2/basic-fail.ts';
import { concurrentSameAppend } from './lab2/concurrent-same-append.ts';
import { concurrentSameUnreliable } from './lab2/concurrent-same-unreliable.ts';
import { concurrentSame } from './lab2/concurrent-same.ts';
import { failPut } from './lab2/fail-put.ts';
import { partition1 } from './lab2/partition1.ts';
import { partition2 } from './lab2/partition2.ts';
import { repeatedCrashUnreliable } from './lab2/repeated-crash-unreliable.ts';
import { repeatedCrash } from './lab2/repeated-crash.ts';
import { viewservice } from './lab2/viewservice.ts';
import { forwardCrashScenario } from './stories/forward-crash.ts';
import { kvFaultsScenario } from './stories/kv-faults.ts';
import { breakpointRaceScenario } from './stories/teach-breakpoint-race.ts';
import { deadPrimaryNoBackupScenario } from './beyond/dead-primary-no-backup.ts';
import { lossyBackupForwardsScenario } from './beyond/lossy-backup-forwards.ts';
import { restartedBackupScenario } from './beyond/restarted-backup.ts';
import { slowBackupLostRepliesScenario } from './beyond/slow-backup-lost-replies.ts';
import { unreachableNewBackupScenario } from './beyond/unreachable-new-backup.ts';

export const SCENARIOS: readonly Scenario[] = [
  viewservice,
  basicFail,
  atMostOnce,
  failPut,
  concurrentSame,
  concurrentSameAppend,
  concurrentSameUnreliable,
  repeatedCrash,
  repeatedCrashUnreliable,
  partition1,
  partition2,
  forwardCrashScenario,
  kvFaultsScenario,
  breakpointRaceScenario(),
  unreachableNewBackupScenario,
  lossyBackupForwardsScenario,
  restartedBackupScenario,
  slowBackupLostRepliesScenario,
  deadPrimaryNoBackupScenario,
];

const BY_NAME = new Map<string, Scenario>(SCENARIOS.map((scenario) => [scenario.name, scenario]));

export function findScenario(name: string): Scenario | undefined {
  return BY_NAME.get(name);
}

export interface ScenarioSummary {
  readonly name: string;
  readonly description: string;
  readonly boundMicros: number;
}

export function listScenarios(): readonly ScenarioSummary[] {
  return SCENARIOS.map(({ name, description, boundMicros }) => ({ name, description, boundMicros }));
}
