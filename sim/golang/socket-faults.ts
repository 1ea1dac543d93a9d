// Faults on the Go program's socket layer, for `rpcsim go explore` (and the replay of what it
// finds). Each accepted connection may have its request dropped (closed unread at accept, as
// the 2015 unreliable accept loop does), its reply dropped (shut for writing at accept, so the
// request is served and the reply lost), or be reset a little later (closed under the server,
// resetting a client whose request is still unread); a read may be delayed; and a socket file
// may be lost (its name unlinked, so dials get ENOENT). Rates are per mille; every draw goes
// through the chooser as a 'fault.plan' decision, so a seed decides which connections are hit.
//
// One more fault is a wait, not a loss: with blockedReadWait, a request read from a socket in
// blocking mode (Fd() on its File(), as the 2015 accept loop does to each connection whose reply
// it drops) reaches the goroutines it starts after a wait drawn from the seed, 20 µs to 10.24 ms
// (blocked-thread-delay.ts): natively its handler waits behind the thread that the next read(2)
// blocks until Go's sysmon retakes the P. It is opt-in, not part of the default model: rpcsim's
// RPC round trips are slower than native ones, so the wait long enough to reproduce a native
// late handler (the README's brave-tortoise lab) also makes a race that native runs hardly ever
// lose fail on some seeds (william-cheung's InitState, 4 of 50 seeds against 0 of 62 runs).

import type { Chooser } from '../kernel/chooser.ts';
import { BLOCKED_READ_WAIT_MICROS_MAX, BLOCKED_READ_WAIT_MICROS_MIN } from './blocked-thread-delay.ts';

export interface GoFaultPlan {
  readonly dropRequestPerMille: number;
  readonly dropReplyPerMille: number;
  readonly resetPerMille: number;
  /** A reset connection is closed this long after accept, at most. */
  readonly resetWithinMicros: number;
  readonly delayPerMille: number;
  readonly delayMicrosMax: number;
  /** Virtual times at which one socket file, chosen by the seed, loses its name. */
  readonly loseSocketFileAtMicros: readonly number[];
  /** A request read from a socket in blocking mode waits for its thread (see above). */
  readonly blockedReadWait: boolean;
}

export const NO_FAULTS: GoFaultPlan = {
  dropRequestPerMille: 0, dropReplyPerMille: 0, resetPerMille: 0, resetWithinMicros: 0,
  delayPerMille: 0, delayMicrosMax: 0, loseSocketFileAtMicros: [], blockedReadWait: false,
};

const FIELDS = ['dropRequestPerMille', 'dropReplyPerMille', 'resetPerMille', 'resetWithinMicros', 'delayPerMille', 'delayMicrosMax', 'loseSocketFileAtMicros', 'blockedReadWait'] as const;

/** A plan file's JSON, checked field by field; the error says which field and how to fix it. */
export function parseGoFaultPlan(json: unknown): GoFaultPlan | string {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return 'a Go fault plan is a JSON object, e.g. {"dropReplyPerMille": 50}';
  const record = json as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(FIELDS as readonly string[]).includes(key)) return `unknown field "${key}"; the fields are ${FIELDS.join(', ')}`;
  }
  const plan: Record<string, unknown> = { ...NO_FAULTS };
  for (const field of FIELDS) {
    const value = record[field];
    if (value === undefined) continue;
    if (field === 'blockedReadWait') {
      if (typeof value !== 'boolean') return `${field} is true or false`;
    } else if (field === 'loseSocketFileAtMicros') {
      if (!Array.isArray(value) || !value.every((t) => Number.isSafeInteger(t) && (t as number) >= 0)) return `${field} is a list of non-negative whole microseconds`;
    } else if (!Number.isSafeInteger(value) || (value as number) < 0 || (field.endsWith('PerMille') && (value as number) > 1000)) {
      return `${field} is a whole number${field.endsWith('PerMille') ? ' from 0 to 1000' : ' of microseconds, 0 or more'}`;
    }
    plan[field] = value;
  }
  return plan as unknown as GoFaultPlan;
}

/** Swarm testing: each fault kind on or off, and its rate, drawn from the seed. The blocked-read
 *  wait (on for half the seeds) is drawn last, so a seed keeps the rates it drew before that
 *  wait joined the swarm; the per-connection draws after it come one draw later. */
export function drawSwarmPlan(chooser: Chooser): GoFaultPlan {
  const rate = (maxPerMille: number): number => (chooser.pick('fault.plan', 2) === 0 ? 0 : 1 + chooser.pick('fault.plan', maxPerMille));
  const dropRequestPerMille = rate(150);
  const dropReplyPerMille = rate(150);
  const resetPerMille = rate(100);
  const delayPerMille = rate(300);
  const lost = chooser.pick('fault.plan', 4) === 0 ? [1_000_000 + chooser.pick('fault.plan', 60_000_000)] : [];
  const blockedReadWait = chooser.pick('fault.plan', 2) === 1;
  return { dropRequestPerMille, dropReplyPerMille, resetPerMille, resetWithinMicros: 2_000, delayPerMille, delayMicrosMax: 50_000, loseSocketFileAtMicros: lost, blockedReadWait };
}

export function describeGoFaultPlan(plan: GoFaultPlan): string {
  const parts: string[] = [];
  if (plan.dropRequestPerMille > 0) parts.push(`drop request ${plan.dropRequestPerMille}‰`);
  if (plan.dropReplyPerMille > 0) parts.push(`drop reply ${plan.dropReplyPerMille}‰`);
  if (plan.resetPerMille > 0) parts.push(`reset ${plan.resetPerMille}‰ within ${plan.resetWithinMicros} µs`);
  if (plan.delayPerMille > 0) parts.push(`delay ${plan.delayPerMille}‰ up to ${plan.delayMicrosMax} µs`);
  for (const t of plan.loseSocketFileAtMicros) parts.push(`lose a socket file at ${(t / 1e6).toFixed(6)} s`);
  if (plan.blockedReadWait) parts.push(`blocked-read wait ${BLOCKED_READ_WAIT_MICROS_MIN} µs to ${BLOCKED_READ_WAIT_MICROS_MAX / 1000} ms`);
  return parts.length === 0 ? 'no faults' : parts.join(', ');
}

/** What happens to one accepted connection. */
export type AcceptFate = 'serve' | 'drop-request' | 'drop-reply' | 'reset';

export class GoFaults {
  constructor(
    readonly plan: GoFaultPlan,
    private readonly chooser: Chooser,
  ) {}

  private hit(perMille: number): boolean {
    return perMille > 0 && this.chooser.pick('fault.plan', 1000) < perMille;
  }

  acceptFate(): AcceptFate {
    if (this.hit(this.plan.dropRequestPerMille)) return 'drop-request';
    if (this.hit(this.plan.dropReplyPerMille)) return 'drop-reply';
    if (this.hit(this.plan.resetPerMille)) return 'reset';
    return 'serve';
  }

  resetDelayMicros(): number {
    return this.chooser.pick('fault.plan', Math.max(1, this.plan.resetWithinMicros) + 1);
  }

  readDelayMicros(): number {
    return this.hit(this.plan.delayPerMille) ? 1 + this.chooser.pick('fault.plan', Math.max(1, this.plan.delayMicrosMax)) : 0;
  }

  pickVictim(paths: readonly string[]): string | undefined {
    if (paths.length === 0) return undefined;
    return paths[paths.length === 1 ? 0 : this.chooser.pick('fault.plan', paths.length)];
  }
}
