// The viewservice's view-change rules (spec §1.4), driven through clerks in simulated time: the
// handout example, each trigger, the ack gate, and the whole 2015 Test1 sequence, which must
// pass as written and fail with each catalogued viewservice bug switched on.

import { describe, expect, it } from 'vitest';
import { sleep, type TraceEvent } from '../../sim/index.ts';
import { runScenario } from '../../scenarios/index.ts';
import { viewservice, type BugName } from '../../protocol/index.ts';
import { DeadTimeMicros, PingInterval, runWorld } from './support/lab.ts';

const { MakeClerk, StartServer } = viewservice;
type View = viewservice.View;

const VS = '/var/tmp/824-1000/viewserver-3123-vs';
const S1 = '/var/tmp/824-1000/viewserver-3123-1';
const S2 = '/var/tmp/824-1000/viewserver-3123-2';
const S3 = '/var/tmp/824-1000/viewserver-3123-3';

function view(Viewnum: number, Primary: string, Backup: string): View {
  return { Viewnum, Primary, Backup };
}

describe('viewservice', () => {
  it('should follow the handout example of spec §1.4.6', async () => {
    const seen: View[] = [];
    await runWorld(1, async () => {
      StartServer(VS);
      const ck1 = MakeClerk(S1, VS);
      const ck2 = MakeClerk(S2, VS);
      seen.push((await ck1.Ping(0)).view); // S1 becomes the first primary
      seen.push((await ck2.Ping(0)).view); // view 1 is not acked yet: no backup
      seen.push((await ck1.Ping(1)).view); // the ack lets S2 in
      seen.push((await ck1.Ping(2)).view); // ack of view 2
      seen.push((await ck1.Ping(0)).view); // S1 rebooted: S2 takes over, S1 is the new backup
    });
    expect(seen).toEqual([view(1, S1, ''), view(1, S1, ''), view(2, S1, S2), view(2, S1, S2), view(3, S2, S1)]);
  });

  it('should replace a restarted primary by its backup even though it never missed a ping', async () => {
    let after = null as View | null;
    await runWorld(2, async () => {
      StartServer(VS);
      const ck1 = MakeClerk(S1, VS);
      const ck2 = MakeClerk(S2, VS);
      await ck1.Ping(0);
      await ck2.Ping(0);
      await ck1.Ping(1);
      await ck1.Ping(2);
      for (let i = 0; i < 3; i++) {
        await ck1.Ping(0);
        await ck2.Ping(2);
        await sleep(PingInterval);
      }
      after = (await ck2.Get()).view;
    });
    expect(after).toEqual(view(3, S2, S1));
  });

  it('should not move past a view its primary has not acked, even when the primary dies', async () => {
    let stuck = null as View | null;
    await runWorld(3, async () => {
      StartServer(VS);
      const ck1 = MakeClerk(S1, VS);
      const ck2 = MakeClerk(S2, VS);
      await ck1.Ping(0); // view 1 = {S1, –}, never acked
      for (let i = 0; i < 15; i++) {
        await ck2.Ping(0); // S2 volunteers; S1 goes silent and dies
        await sleep(PingInterval);
      }
      stuck = (await ck2.Get()).view;
    });
    expect(stuck).toEqual(view(1, S1, ''));
  });

  it('should promote the backup when the primary stops pinging, and take a live idle server as backup', async () => {
    let promoted = null as View | null;
    await runWorld(4, async () => {
      StartServer(VS);
      const [ck1, ck2, ck3] = [MakeClerk(S1, VS), MakeClerk(S2, VS), MakeClerk(S3, VS)];
      await ck1.Ping(0);
      await ck1.Ping(1);
      await ck2.Ping(0); // view 2 = {S1, S2}
      await ck1.Ping(2);
      for (let t = 0; t < DeadTimeMicros + 3 * PingInterval; t += PingInterval) {
        await ck2.Ping(2);
        await ck3.Ping(0);
        await sleep(PingInterval);
      }
      promoted = (await ck3.Get()).view;
    });
    expect(promoted).toEqual(view(3, S2, S3));
  });

  it('should remove a backup that stopped pinging', async () => {
    let after = null as View | null;
    await runWorld(5, async () => {
      StartServer(VS);
      const ck1 = MakeClerk(S1, VS);
      const ck2 = MakeClerk(S2, VS);
      await ck1.Ping(0);
      await ck1.Ping(1);
      await ck2.Ping(0);
      for (let i = 0; i < 10; i++) {
        await ck1.Ping((await ck1.Get()).view.Viewnum);
        await sleep(PingInterval);
      }
      after = (await ck1.Get()).view;
    });
    expect(after).toEqual(view(3, S1, ''));
  });

  it('should never make an idle server primary when the primary dies without a backup', async () => {
    let after = null as View | null;
    await runWorld(6, async () => {
      StartServer(VS);
      const ck1 = MakeClerk(S1, VS);
      const ck2 = MakeClerk(S2, VS);
      await ck1.Ping(0);
      await ck1.Ping(1); // view 1 = {S1, –}, acked; S1 then dies
      for (let i = 0; i < 10; i++) {
        await ck2.Ping(0);
        await sleep(PingInterval);
      }
      after = (await ck2.Get()).view;
    });
    // S2 became backup while S1 was still alive, or nothing changed: never S2 as primary.
    expect(after?.Primary).toBe(S1);
  });

  it('should count one RPC per call', async () => {
    let counted = -1;
    await runWorld(7, async () => {
      const vs = StartServer(VS);
      const ck = MakeClerk(S1, VS);
      await ck.Ping(0);
      await ck.Get();
      await ck.Primary();
      counted = vs.GetRPCCount();
      vs.Kill();
      expect(await ck.Primary()).toBe(''); // the socket file is gone: call() fails silently
      expect((await ck.Ping(1)).error).toBe('Ping(1) failed');
    });
    expect(counted).toBe(3);
  });
});

// ---- the 2015 viewservice Test1 (spec §4.1), as the `viewservice` scenario runs it ------------

/** The step ("Test: ... ") a run was in when it ended: the last one the scenario noted. */
function lastStep(trace: readonly TraceEvent[]): string {
  const notes = trace.filter((e) => e.type === 'note' && e.text.startsWith('Test: '));
  const last = notes[notes.length - 1];
  return last?.type === 'note' ? last.text.replace(/^Test: /, '').replace(/ \.\.\.$/, '') : 'setup';
}

/** Each viewservice bug and the Test1 step that catches it (spec §5). */
const VS_BUGS: readonly (readonly [BugName, string])[] = [
  ['vs-ack-gate-ignored', 'Viewserver waits for primary to ack view'],
  ['vs-restart-ignored', 'Restarted primary treated as dead'],
  ['vs-idle-promoted', "Uninitialized server can't become primary"],
  ['vs-dead-backup-kept', 'Dead backup is removed from view'],
];

describe('viewservice Test1 (2015)', () => {
  it('should pass with no bug', async () => {
    for (const seed of [1, 2, 3]) expect((await runScenario('viewservice', { seed })).ok).toBe(true);
  });

  it.each(VS_BUGS)('should fail with %s in "%s"', async (bug, step) => {
    const result = await runScenario('viewservice', { seed: 1, bugs: new Set([bug]) });
    expect(result.ok).toBe(false);
    expect(lastStep(result.trace)).toBe(step);
  });
});
