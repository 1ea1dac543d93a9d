// The property-testing scenario: three servers and two clients making random Puts, Appends and
// Gets on a few keys while a fault plan (from fast-check, the seed, or the caller) strikes.
// Safety: the clients' history must be linearizable (the runner checks it). Liveness: once the
// faults are over and the network has healed, every operation must finish within a bound; a run
// that stalls fails as liveness and names what is still pending.

import { WaitGroup, go, randomInt, sleep } from '../../sim/index.ts';
import type { TestContext } from '../framework/context.ts';
import { ServerFleet } from '../framework/fleet.ts';
import { DeadPings, MakeClerk, PingInterval, Second, type KvClerk } from '../framework/lab.ts';
import type { Scenario } from '../framework/scenario.ts';
import { startViewService } from '../lab2/common.ts';
import { awaitPending, type PendingOperation } from '../framework/liveness.ts';

/** Faults may strike in this window; the arbitraries and the swarm draw use it. */
export const KV_FAULTS_WINDOW = { startMicros: 1_500_000, horizonMicros: 4_500_000 } as const;
/** After the window, pauses and partitions (≤ 2 s) have healed; then operations get this long. */
const SETTLE_MICROS = 2 * Second;
const LIVENESS_BOUND_MICROS = 10 * Second;
const CLIENTS = 2;
const KEYS = 3;

async function client(ck: KvClerk, id: number, until: () => boolean, pending: Map<number, PendingOperation>): Promise<void> {
  for (let n = 0; !until(); n++) {
    const key = `k${randomInt(KEYS)}`;
    const choice = randomInt(3);
    const description = choice === 0 ? `Get(${key})` : choice === 1 ? `Put(${key}, c${id}-${n})` : `Append(${key}, c${id}-${n})`;
    pending.set(id, { description, clientId: id });
    if (choice === 0) await ck.Get(key);
    else if (choice === 1) await ck.Put(key, `c${id}-${n};`);
    else await ck.Append(key, `c${id}-${n};`);
    pending.delete(id);
    await sleep(20_000);
  }
}

async function kvFaults(t: TestContext): Promise<void> {
  const tag = 'kvf';
  const { vshost, vs, vck } = await startViewService(t, tag);
  const fleet = t.useFleet(new ServerFleet(t, vshost));
  for (let i = 1; i <= 3; i++) fleet.start(`s${i}`, t.port(tag, i));
  for (let i = 0; i < DeadPings * 3; i++) {
    const { view } = await vck.Get();
    if (view.Primary !== '' && view.Backup !== '') break;
    await sleep(PingInterval);
  }
  if (t.startUnreliable) for (const name of fleet.names()) fleet.setUnreliable(name, true);

  t.log('workload: 2 clients, random Put/Append/Get on 3 keys, while the fault plan strikes');
  const pending = new Map<number, PendingOperation>();
  const clients = new WaitGroup();
  const stopAt = KV_FAULTS_WINDOW.horizonMicros;
  for (let id = 0; id < CLIENTS; id++) {
    // Made here, in order, so clerk `id` is client `id` in the history too, whichever goroutine
    // the scheduler starts first: the c0-/c1- labels in the values then name the right client.
    const ck = MakeClerk(t, vshost, '');
    clients.add(1);
    go(async () => {
      await client(ck, id, () => t.now() >= stopAt, pending);
      clients.done();
    }, `client${id}`);
  }
  await sleep(stopAt + SETTLE_MICROS - t.now());
  t.log('faults over and healed: every pending operation must now finish');
  for (const name of fleet.names()) fleet.setUnreliable(name, false);
  await awaitPending(t, clients, pending, LIVENESS_BOUND_MICROS);
  t.log('  ... all operations finished');
  for (const name of fleet.names()) fleet.kill(name);
  vs.Kill();
}

export const kvFaultsScenario: Scenario = {
  name: 'kv-faults',
  description: 'Two clients, three servers, random operations under a fault plan; history must be linearizable, ops must finish after healing',
  boundMicros: 30 * Second,
  faultTargets: ['s1', 's2', 's3'],
  faultWindow: KV_FAULTS_WINDOW,
  linearizability: true,
  run: kvFaults,
};
