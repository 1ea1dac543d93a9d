// The primary/backup key/value service (spec §2.4) in simulated time: the happy path, state
// transfer across a primary failure, exactly-once Appends on an unreliable pair, and the safety
// rules a stale or lonely primary must keep. Where a catalogued bug breaks a rule, the test
// runs it too and shows the rule failing.

import { describe, expect, it } from 'vitest';
import { call, go, linkFile, nowMicros, removeFile, sleep, traceHash, WaitGroup, World } from '../../sim/index.ts';
import { pbservice, viewservice, type BugName } from '../../protocol/index.ts';
import { DeadTimeMicros, PingInterval, pbPath, pollView, runWorld, vsPath } from './support/lab.ts';

const { ErrWrongServer, OK } = pbservice;
const NONE: ReadonlySet<BugName> = new Set();

/** Starts the viewservice, waits a second as the 2015 tests do, and returns its clerk. */
async function startViewservice(tag: string): Promise<{ vshost: string; vck: viewservice.Clerk; vs: viewservice.ViewServer }> {
  const vshost = vsPath(tag);
  const vs = viewservice.StartServer(vshost);
  await sleep(1_000_000);
  return { vshost, vck: viewservice.MakeClerk('', vshost), vs };
}

/** Calls one server directly, as a client that knows whom it wants. */
async function directGet(server: string, key: string): Promise<{ ok: boolean; reply: pbservice.GetReply }> {
  const reply: pbservice.GetReply = { Err: '', Value: '' };
  const ok = await call(server, 'PBServer.Get', { Key: key } satisfies pbservice.GetArgs, reply);
  return { ok, reply };
}

describe('pbservice', () => {
  it('should serve Put, Append and Get through the primary once the backup has joined', async () => {
    await runWorld(1, async () => {
      const { vshost, vck } = await startViewservice('basic');
      const [p1, p2] = [pbPath('basic', 1), pbPath('basic', 2)];
      pbservice.StartServer(vshost, p1);
      await pollView(vck, 20, (v) => v.Primary === p1);
      pbservice.StartServer(vshost, p2);
      const view = await pollView(vck, 20, (v) => v.Backup !== '');
      expect([view.Primary, view.Backup]).toEqual([p1, p2]);
      const ck = pbservice.MakeClerk(vshost, '');
      await ck.Put('a', 'x');
      await ck.Append('a', 'y');
      await ck.Append('b', 'z');
      expect(await ck.Get('a')).toBe('xy');
      expect(await ck.Get('b')).toBe('z');
      expect(await ck.Get('missing')).toBe(''); // ErrNoKey
      expect((await directGet(p1, 'a')).reply).toEqual({ Err: OK, Value: 'xy' });
      expect((await directGet(p2, 'a')).reply.Err).toBe(ErrWrongServer); // backups reject clients
    });
  });

  it('should keep every value when the primary is killed and the backup takes over', async () => {
    const values: string[] = [];
    await runWorld(2, async () => {
      const { vshost, vck } = await startViewservice('fail');
      const [p1, p2] = [pbPath('fail', 1), pbPath('fail', 2)];
      const s1 = pbservice.StartServer(vshost, p1);
      await pollView(vck, 20, (v) => v.Primary === p1);
      const ck = pbservice.MakeClerk(vshost, '');
      await ck.Put('1', 'v1'); // only the state transfer can bring this to the backup
      pbservice.StartServer(vshost, p2);
      await pollView(vck, 20, (v) => v.Backup === p2);
      await sleep(3 * PingInterval); // until s1 has acked the view: else it is stuck (§1.4.3)
      await ck.Append('1', '+');
      await ck.Put('3', '33');
      s1.kill();
      const view = await pollView(vck, 20, (v) => v.Primary === p2);
      expect(view.Primary).toBe(p2);
      values.push(await ck.Get('1'), await ck.Get('3'));
    });
    expect(values).toEqual(['v1+', '33']);
  });

  it('should not let a fresh server serve after the last server died', async () => {
    let returned = false;
    await runWorld(3, async () => {
      const { vshost, vck } = await startViewservice('last');
      const s1 = pbservice.StartServer(vshost, pbPath('last', 1));
      await pollView(vck, 20, (v) => v.Primary !== '');
      const ck = pbservice.MakeClerk(vshost, '');
      await ck.Put('1', 'v1');
      s1.kill();
      pbservice.StartServer(vshost, pbPath('last', 2));
      await sleep(1_000_000);
      go(async () => {
        await ck.Get('1');
        returned = true;
      }, 'blocked-get');
      await sleep(2_000_000);
    });
    expect(returned).toBe(false);
  });

  it('should answer ErrWrongServer, not from its own state, while its backup is unreachable', async () => {
    const replies = await getRightAfterBackupKill(NONE);
    expect(replies).toEqual([false, { Err: ErrWrongServer, Value: '' }]);
  });

  it('should answer from its own state with bug unreachable-backup-as-none', async () => {
    const replies = await getRightAfterBackupKill(new Set(['unreachable-backup-as-none']));
    expect(replies).toEqual([true, { Err: OK, Value: 'v' }]);
  });

  it.each([[[] as BugName[]], [['get-not-forwarded']], [['backup-accepts-any-sender']], [['ignore-forward-result']]] as const)(
    'should keep a primary cut off from the viewservice from serving a stale Get (bugs: %j)',
    async (bugs) => {
      const reply = await staleGetFromPartitionedPrimary(new Set(bugs));
      if (bugs.length === 0) expect(reply).toEqual({ Err: ErrWrongServer, Value: '' });
      else expect(reply).toEqual({ Err: OK, Value: '1' }); // the stale value
    },
  );

  it('should ask the viewservice only after a failure, not per operation', async () => {
    const correct = await viewserviceRpcsFor100Puts(NONE);
    expect(correct.rpcs).toBeLessThanOrEqual(correct.allowed);
    const buggy = await viewserviceRpcsFor100Puts(new Set(['clerk-asks-vs-every-op']));
    expect(buggy.rpcs).toBeGreaterThan(buggy.allowed); // "too many viewserver RPCs"
  });

  it('should produce the same trace twice from the same seed', async () => {
    const hashes: string[] = [];
    for (let i = 0; i < 2; i++) {
      const report = await new World({ seed: 7 }).run(() => appendsOnUnreliablePair(NONE, 20).then(() => undefined));
      expect(report.failure).toBeNull();
      hashes.push(String(traceHash(report.trace)));
    }
    expect(hashes[0]).toBe(hashes[1]);
  });
});

describe('pbservice at-most-once', () => {
  it('should apply 100 sequential Appends exactly once on an unreliable pair, on both servers', async () => {
    const wanted = Array.from({ length: 100 }, (_, i) => String(i)).join('');
    for (const seed of [1, 2, 3]) {
      let result = { primary: '', promoted: '' };
      await runWorld(seed, async () => {
        result = await appendsOnUnreliablePair(NONE, 100);
      });
      expect(result).toEqual({ primary: wanted, promoted: wanted });
    }
  });

  it.each(['no-dup-detection', 'fresh-id-per-retry'] as const)('should duplicate Appends with bug %s', async (bug) => {
    const wanted = Array.from({ length: 100 }, (_, i) => String(i)).join('');
    let result = { primary: '', promoted: '' };
    await runWorld(1, async () => {
      result = await appendsOnUnreliablePair(new Set([bug]), 100);
    });
    expect(result.primary).not.toBe(wanted);
  });
});

describe('pbservice ordering', () => {
  it('should leave primary and backup identical after concurrent Appends on an unreliable pair', async () => {
    for (const seed of [1, 2, 3, 4]) {
      let result = { primary: '', promoted: '' };
      await runWorld(seed, async () => {
        result = await concurrentAppendsThenPromote(NONE);
      });
      expect(missingOrDuplicated(result.primary)).toEqual([]);
      expect(result.promoted).toBe(result.primary);
    }
  });

  it.each(['backup-reapplies-duplicates', 'forward-apply-unserialised'] as const)('should let primary and backup differ with bug %s', async (bug) => {
    let differed = 0;
    for (const seed of [1, 2, 3, 4]) {
      await runWorld(seed, async () => {
        const result = await concurrentAppendsThenPromote(new Set([bug]));
        if (result.promoted !== result.primary) differed++;
      });
    }
    expect(differed).toBeGreaterThan(0);
  });
});

// ---- shared runs -----------------------------------------------------------------------------

/** Two unreliable servers, one clerk appending 0..n-1 to one key; then the primary is killed
 *  and the promoted backup read: both must hold each Append exactly once, in order. */
async function appendsOnUnreliablePair(bugs: ReadonlySet<BugName>, count: number): Promise<{ primary: string; promoted: string }> {
  const { vshost, vck } = await startViewservice('tamo');
  const servers = [1, 2].map((n) => pbservice.StartServer(vshost, pbPath('tamo', n), { bugs }));
  for (const server of servers) server.setunreliable(true);
  const view = await pollView(vck, 20, (v) => v.Primary !== '' && v.Backup !== '');
  await sleep(DeadTimeMicros);
  const ck = pbservice.MakeClerk(vshost, '', { bugs });
  for (let i = 0; i < count; i++) await ck.Append('counter', String(i));
  const primary = await ck.Get('counter');
  servers.find((s) => s.me === view.Primary)?.kill();
  await pollView(vck, 20, (v) => v.Primary === view.Backup);
  return { primary, promoted: await ck.Get('counter') };
}

/** s1 primary, s2 backup; s2 is killed and s1 asked for a Get at once, twice: directly (what
 *  s1 answers) and whether the call went through at all. */
async function getRightAfterBackupKill(bugs: ReadonlySet<BugName>): Promise<[boolean, pbservice.GetReply]> {
  let result: [boolean, pbservice.GetReply] = [false, { Err: '', Value: '' }];
  await runWorld(4, async () => {
    const { vshost, vck } = await startViewservice('failput');
    const [p1, p2] = [pbPath('failput', 1), pbPath('failput', 2)];
    pbservice.StartServer(vshost, p1, { bugs });
    await pollView(vck, 20, (v) => v.Primary === p1);
    const s2 = pbservice.StartServer(vshost, p2, { bugs });
    await pollView(vck, 20, (v) => v.Backup === p2);
    await sleep(3 * PingInterval);
    await pbservice.MakeClerk(vshost, '', { bugs }).Put('k', 'v');
    s2.kill();
    const { reply } = await directGet(p1, 'k');
    result = [reply.Err === OK, reply];
  });
  return result;
}

/** s1 reaches the viewservice through a hard link that is then removed (the 2015 partition
 *  tests' trick), so it keeps its stale view {s1, s2} while s2 is promoted and takes a new
 *  Put. Then a client asks s1 directly. */
async function staleGetFromPartitionedPrimary(bugs: ReadonlySet<BugName>): Promise<pbservice.GetReply> {
  let stale: pbservice.GetReply = { Err: '', Value: '' };
  await runWorld(5, async () => {
    const { vshost, vck } = await startViewservice('part1');
    const [p1, p2] = [pbPath('part1', 1), pbPath('part1', 2)];
    expect(linkFile(vshost, `${vshost}a`)).toBeNull();
    pbservice.StartServer(`${vshost}a`, p1, { bugs });
    await pollView(vck, 20, (v) => v.Primary === p1);
    pbservice.StartServer(vshost, p2, { bugs });
    await pollView(vck, 20, (v) => v.Backup === p2);
    await sleep(3 * PingInterval);
    const ck1 = pbservice.MakeClerk(vshost, '', { bugs });
    await ck1.Put('a', '1');
    removeFile(`${vshost}a`); // s1's pings now fail at dial time, silently
    const view = await pollView(vck, 20, (v) => v.Primary === p2);
    expect(view.Primary).toBe(p2);
    await sleep(2 * PingInterval);
    const ck2 = pbservice.MakeClerk(vshost, '', { bugs });
    await ck2.Put('a', '111');
    stale = (await directGet(p1, 'a')).reply;
  });
  return stale;
}

/** The "Count RPCs to viewserver" part of TestBasicFail: viewservice RPCs during 100 Puts,
 *  and what the test allows (two pings per 100 ms, plus 20). */
async function viewserviceRpcsFor100Puts(bugs: ReadonlySet<BugName>): Promise<{ rpcs: number; allowed: number }> {
  let counted = { rpcs: -1, allowed: 0 };
  await runWorld(6, async () => {
    const { vshost, vck, vs } = await startViewservice('count');
    pbservice.StartServer(vshost, pbPath('count', 1), { bugs });
    pbservice.StartServer(vshost, pbPath('count', 2), { bugs });
    await pollView(vck, 20, (v) => v.Backup !== '');
    await sleep(DeadTimeMicros);
    const ck = pbservice.MakeClerk(vshost, '', { bugs });
    const before = vs.GetRPCCount();
    const t0 = nowMicros();
    for (let i = 0; i < 100; i++) await ck.Put(`xk${i}`, String(i));
    const allowed = 2 * Math.floor((nowMicros() - t0) / PingInterval) + 20;
    counted = { rpcs: vs.GetRPCCount() - before, allowed };
  });
  return counted;
}

const CLIENTS = 3;
const APPENDS = 30;

/** Elements "x <client> <n> y" that are missing from `value` or occur more than once. */
function missingOrDuplicated(value: string): string[] {
  const wrong: string[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    for (let n = 0; n < APPENDS; n++) {
      const element = `x ${i} ${n} y`;
      if (value.split(element).length !== 2) wrong.push(element);
    }
  }
  return wrong;
}

/** TestConcurrentSameAppend on an unreliable pair: 3 clients append to one key at once; then
 *  the primary's value, and the value the promoted backup serves after the primary is killed. */
async function concurrentAppendsThenPromote(bugs: ReadonlySet<BugName>): Promise<{ primary: string; promoted: string }> {
  const { vshost, vck } = await startViewservice('csa');
  const servers = [1, 2].map((n) => pbservice.StartServer(vshost, pbPath('csa', n), { bugs }));
  for (const server of servers) server.setunreliable(true);
  const view = await pollView(vck, 20, (v) => v.Primary !== '' && v.Backup !== '');
  await sleep(DeadTimeMicros);
  const clients = new WaitGroup();
  for (let i = 0; i < CLIENTS; i++) {
    clients.add(1);
    go(async () => {
      const ck = pbservice.MakeClerk(vshost, '', { bugs });
      for (let n = 0; n < APPENDS; n++) await ck.Append('k', `x ${i} ${n} y`);
      clients.done();
    }, `client${i}`);
  }
  await clients.wait();
  const ck = pbservice.MakeClerk(vshost, '', { bugs });
  const primary = await ck.Get('k');
  for (const server of servers) server.setunreliable(false);
  servers.find((s) => s.me === view.Primary)?.kill();
  await pollView(vck, 20, (v) => v.Primary === view.Backup);
  return { primary, promoted: await ck.Get('k') };
}
