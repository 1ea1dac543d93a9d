// The steps the 2015 pbservice tests repeat word for word: start the viewserver and wait 1 s,
// start servers, poll the viewservice until a primary and backup exist, kill the primary and
// wait for the backup's promotion, and the common ending (kill all, 1 s, vs.Kill(), 1 s).

import { sleep } from '../../sim/index.ts';
import type { View, ViewClerk, ViewServer } from '../../protocol/implementation.ts';
import type { TestContext } from '../framework/context.ts';
import { ServerFleet } from '../framework/fleet.ts';
import { DeadPings, MakeVsClerk, PingInterval, Second, StartServer, StartViewServer, type ServerHandle } from '../framework/lab.ts';
import type { FaultType } from '../../sim/faults/index.ts';
import { HARMLESS_PAUSE_MICROS } from '../../sim/faults/survivable.ts';
import type { MidCallRestart } from '../framework/mid-call.ts';

/**
 * What swarm adds to a 2015 test on top of its own script: pauses of its servers shorter than
 * the viewservice's DeadPings window (a debugger stop, a GC pause), which change no view, so the
 * test's own checks of who is primary still hold; and, where the test's steps allow it, one
 * mid-call restart (framework/mid-call.ts) early enough that the view is whole again before the
 * test's next check. Longer pauses, plain crashes and kills and partitions change views the test
 * checks by name, and would fail the reference: the stories and kv-faults take those. Sweeps of
 * the reference under swarm back these lists (see the README).
 */
export const LAB_FAULT_KINDS: readonly FaultType[] = ['pause'];
export const LAB_MAX_PAUSE_MICROS = HARMLESS_PAUSE_MICROS;
/** What a lab test's servers can be made to do at all (LabFleet): no partition, since they share
 *  the viewservice's socket. A drop needs nothing of the fleet: the network loses one message to
 *  the named server. */
export const LAB_FAULT_ACTIONS: readonly FaultType[] = ['crash', 'kill', 'restart', 'pause', 'unreliable', 'drop'];
/** A lab test's fault capability: its servers, a window from 1 s (the viewservice is up) to
 *  about when the test usually ends, so drawn faults strike while it runs, and the mid-call
 *  restarts its checks survive (none unless given). */
export const labFaults = (targets: readonly string[], untilMicros: number, midCallRestarts: readonly MidCallRestart[] = []) => ({
  faultTargets: targets,
  faultKinds: LAB_FAULT_KINDS,
  faultActions: LAB_FAULT_ACTIONS,
  maxPauseMicros: LAB_MAX_PAUSE_MICROS,
  faultWindow: { startMicros: Second, horizonMicros: untilMicros },
  midCallRestarts,
});

export interface ViewService {
  readonly vshost: string;
  readonly vs: ViewServer;
  readonly vck: ViewClerk;
}

/** vs := viewservice.StartServer(vshost); time.Sleep(time.Second); vck := MakeClerk("", vshost) */
export async function startViewService(t: TestContext, tag: string): Promise<ViewService> {
  const vshost = t.vsport(tag);
  const vs = StartViewServer(t, vshost);
  await sleep(Second);
  return { vshost, vs, vck: MakeVsClerk(t, '', vshost) };
}

/** sa[i] = StartServer(vshost, port(tag, i+1)), named s1, s2, ...; optionally setunreliable(true). */
export function startServers(t: TestContext, vshost: string, tag: string, nservers: number, unreliable: boolean): ServerHandle[] {
  const sa: ServerHandle[] = [];
  for (let i = 0; i < nservers; i++) {
    const server = StartServer(t, vshost, t.port(tag, i + 1), `s${i + 1}`);
    if (unreliable) server.setunreliable(true);
    sa.push(server);
  }
  return sa;
}

/** Poll up to `iterations` times for a view with both a primary and a backup. */
export async function pollPrimaryAndBackup(vck: ViewClerk, iterations: number): Promise<void> {
  for (let iters = 0; iters < iterations; iters++) {
    const { view } = await vck.Get();
    if (view.Primary !== '' && view.Backup !== '') break;
    await sleep(PingInterval);
  }
}

/** Kill view1's primary, poll 2·DeadPings for view1's backup to be primary, else "wrong Primary". */
export async function killPrimaryAwaitBackup(t: TestContext, vck: ViewClerk, sa: readonly ServerHandle[], view1: View): Promise<void> {
  for (const server of sa) {
    if (view1.Primary === server.me) {
      server.kill();
      break;
    }
  }
  for (let iters = 0; iters < DeadPings * 2; iters++) {
    const { view } = await vck.Get();
    if (view.Primary === view1.Backup) break;
    await sleep(PingInterval);
  }
  const { view: view2 } = await vck.Get();
  if (view2.Primary !== view1.Backup) t.Fatal('wrong Primary');
}

/** The usual ending: kill every server, sleep 1 s, vs.Kill(), sleep 1 s. */
export async function finish(sa: readonly ServerHandle[], vs: ViewServer): Promise<void> {
  for (const server of sa) server.kill();
  await sleep(Second);
  vs.Kill();
  await sleep(Second);
}

/** Polls the viewservice (up to 4·DeadPings times) for exactly this primary and backup; the
 *  stories use it where the Go tests would poll and then check. Fails with `what` otherwise. */
export async function awaitView(t: TestContext, vck: ViewClerk, primary: string, backup: string, what: string): Promise<void> {
  for (let i = 0; i < DeadPings * 4; i++) {
    const { view } = await vck.Get();
    if (view.Primary === primary && view.Backup === backup) return;
    await sleep(PingInterval);
  }
  t.Fatalf(what);
}

/** The stories' common start: the viewservice, a fleet, s1 as first primary (after 2·deadtime),
 *  then s2, polled until the view is (s1, s2). */
export async function startPrimaryAndBackup(t: TestContext, tag: string) {
  const { vshost, vs, vck } = await startViewService(t, tag);
  const fleet = t.useFleet(new ServerFleet(t, vshost));
  const s1 = fleet.start('s1', t.port(tag, 1));
  await sleep(2 * DeadPings * PingInterval);
  const s2 = fleet.start('s2', t.port(tag, 2));
  await awaitView(t, vck, s1.me, s2.me, 'backup never came up');
  return { vshost, vs, vck, fleet, s1, s2 };
}
