// The scenarios beyond the 2015 suite: each says so in its catalogue line, and each catches the
// mistake it was written for, which the 2015 tests let through: a mutant of protocol/ (named by
// its site, so an edit of that line makes this test look again) or a stand-in student bug.

import { afterAll, describe, expect, it } from 'vitest';
import { SCENARIOS, runScenario } from '../../scenarios/index.ts';
import type { Splice } from '../../sim/mutate/operators.ts';
import { allMutations } from '../../sim/mutate/sample.ts';
import { STUDENT_BUGS, studentBugSplice } from '../../sim/mutate/student-bugs.ts';
import { fileURLToPath } from 'node:url';
import { mutatedReference, removeMutatedReferences } from '../support/mutated-reference.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BEYOND = ['unreachable-new-backup', 'lossy-backup-forwards', 'restarted-backup', 'slow-backup-lost-replies', 'dead-primary-no-backup'];

function mutant(key: string): Splice {
  const found = allMutations(ROOT).find((m) => m.key === key);
  if (found === undefined) throw new Error(`no mutant named ${key}: the line changed, look again`);
  return found;
}

function studentBug(name: string): Splice {
  const bug = STUDENT_BUGS.find((b) => b.name === name)!;
  const splice = studentBugSplice(ROOT, bug);
  if ('problem' in splice) throw new Error(splice.problem);
  return splice;
}

const CATCHES: readonly { scenario: string; what: string; splice: () => Splice; reason: RegExp }[] = [
  {
    scenario: 'unreachable-new-backup',
    what: 'a failed Transfer counted as done',
    splice: () => mutant('protocol/pbservice/server.ts · PBServer.ensureBackupReady · if (ok && reply.Err === OK) { ⇒ if (true) {'),
    reason: /promoted backup never served Get/,
  },
  {
    scenario: 'lossy-backup-forwards',
    what: 'a Forward given up after one failed call',
    splice: () => mutant('protocol/pbservice/server.ts · PBServer.forward · if (ok) break; ⇒ if (true) break;'),
    reason: /Appends took .* with an unreliable backup/,
  },
  { scenario: 'restarted-backup', what: "a backup's Ping(0) ignored", splice: () => studentBug('vs-backup-restart-ignored'), reason: /promoted backup never served Get/ },
  { scenario: 'slow-backup-lost-replies', what: 'the duplicate check before the lock', splice: () => studentBug('dup-check-before-lock'), reason: /duplicate element in Append result/ },
  {
    scenario: 'dead-primary-no-backup',
    what: 'a dead primary succeeded by nobody',
    splice: () => mutant("protocol/viewservice/server.ts · ViewServer.updateView · if (Backup !== '' && this.isAlive(Backup)) this.changeView(Backup, this.idleServer([Backup])); ⇒ if (true) this.changeView(Backup, this.idleServer([Backup]));"),
    reason: /has no primary/,
  },
];

describe('scenarios beyond the 2015 suite', () => {
  afterAll(removeMutatedReferences);

  it('should say so in their catalogue lines', () => {
    const beyond = SCENARIOS.filter((s) => s.description.startsWith('Beyond the 2015 suite:')).map((s) => s.name);
    expect(beyond).toEqual(BEYOND);
    expect(CATCHES.map((c) => c.scenario)).toEqual(BEYOND);
  });

  for (const { scenario, what, splice, reason } of CATCHES) {
    it(`should catch ${what} in ${scenario}`, async () => {
      const impl = await mutatedReference(scenario, splice());
      const result = await runScenario(scenario, { seed: 1, impl, trace: false });
      expect(result.ok ? 'ok' : result.reason).toMatch(reason);
    });
  }
});
