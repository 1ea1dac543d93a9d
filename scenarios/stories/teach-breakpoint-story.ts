// The breakpoint lesson in plain words, derived from the key events of two runs (as is, and under
// the modelled breakpoint): which of them moved, which did not, and what followed from that.
// Every time and every claim here comes from a trace; a seed without the race says so.

import type { HoldMode } from '../../sim/faults/breakpoint.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { bugEntry, type BugName } from '../../protocol/bugs.ts';
import { BACKUP, PRIMARY, type RaceEvents } from './teach-breakpoint-events.ts';

export function secs(event: TraceEvent | null): string {
  return event === null ? 'never' : `${(event.t / 1_000_000).toFixed(6)} s`;
}

/** One key event, side by side in the two runs. */
export interface Moment {
  readonly what: string;
  readonly asIs: TraceEvent | null;
  readonly withBreakpoint: TraceEvent | null;
  readonly moved: boolean;
}

export function moments(a: RaceEvents, b: RaceEvents): Moment[] {
  const rows: [string, keyof RaceEvents][] = [
    [`${PRIMARY} read the Append`, 'received'],
    [`${PRIMARY} sent the Forward to ${BACKUP}`, 'forwardSent'],
    [`${PRIMARY} died`, 'primaryDied'],
    [`${BACKUP} ran the Forward`, 'forwardRun'],
    [`the client's call() returned`, 'clientSaw'],
    [`${BACKUP} ran the client's retry`, 'retryRun'],
  ];
  return rows.map(([what, key]) => {
    const x = a[key];
    const y = b[key];
    return { what, asIs: x, withBreakpoint: y, moved: (x?.t ?? null) !== (y?.t ?? null) };
  });
}

function holder(mode: HoldMode): string {
  return mode === 'task' ? 'its handler was still stopped at the breakpoint' : `the whole ${PRIMARY} process was still stopped at the breakpoint`;
}

/** Whether the primary died inside its call(backup, "PBServer.Forward", ...): the race. */
export function diedInsideForward(e: RaceEvents): boolean {
  const died = e.primaryDied;
  if (died === null || e.forwardSent === null || e.forwardSent.t > died.t) return false;
  return e.forwardReturned === null || e.forwardReturned.t >= died.t;
}

/** The headline: which event moved, relative to the one that did not. */
export function whatMoved(a: RaceEvents, b: RaceEvents, mode: HoldMode): string[] {
  const died = a.primaryDied;
  const sent = a.forwardSent;
  if (died === null || sent === null || sent.t > died.t) {
    return [`On this seed ${PRIMARY} sent no Forward for this Append before it died: there is nothing for a breakpoint to move.`];
  }
  if (b.forwardSent !== null && b.forwardSent.t === sent.t) return [`Nothing moved: the Forward was sent at ${secs(sent)} in both runs.`];
  const gap = died.t - sent.t;
  let then = '';
  if (a.forwardReturned !== null && a.forwardReturned.t < died.t) then = `; the call returned at ${secs(a.forwardReturned)}, before ${PRIMARY} died`;
  else if (a.forwardRun !== null) then = `, and ${BACKUP} ran it at ${secs(a.forwardRun)}${a.forwardRun.t >= died.t ? `, after ${PRIMARY} was already dead` : ''}`;
  const lines = [`The event that moved is the Forward. Without the breakpoint, ${PRIMARY} sent it at ${secs(sent)}, ${gap} µs before ${PRIMARY} died at ${secs(died)}${then}.`];
  const diedB = b.primaryDied;
  if (b.forwardSent === null) {
    lines.push(`With the breakpoint, ${PRIMARY} died at ${secs(diedB)} while ${holder(mode)} (since ${secs(b.received)}), so the Forward was never sent.`);
  } else {
    lines.push(`With the breakpoint, the Forward was sent at ${secs(b.forwardSent)}${diedB === null ? '' : `; ${PRIMARY} died at ${secs(diedB)}`}.`);
  }
  if (diedB !== null && diedB.t === died.t) {
    lines.push(`${PRIMARY}'s death did not move (${secs(died)} both times): it is a fixed time in the fault plan, and a breakpoint stops only the code it holds, not the other clocks.`);
  }
  return lines;
}

/** What followed: how many copies of the Append the backup ended up applying, and why. */
export function whatFollowed(a: RaceEvents, b: RaceEvents, bug: BugName | null): string[] {
  if (!diedInsideForward(a)) {
    const returned = a.forwardReturned === null ? '' : ` (its call returned at ${secs(a.forwardReturned)})`;
    return [`It did not matter on this seed: ${PRIMARY} was not inside call(backup, "PBServer.Forward", ...) when it died${returned}, so this seed does not show the race.`];
  }
  if (a.forwardRun === null || a.retryRun === null) return [];
  const lines = [
    `So without the breakpoint ${BACKUP} ran this Append twice: from the Forward at ${secs(a.forwardRun)}, and again when the client's retry reached it as the new primary at ${secs(a.retryRun)}.`,
    bug === null ? 'Your implementation let both copies through, where the op id should have marked the second as a retry.' : `The bug ${bug}: ${bugEntry(bug).description}.`,
  ];
  if (b.forwardRun === null && b.retryRun !== null) {
    lines.push(`With the breakpoint the retry at ${secs(b.retryRun)} was the only copy: no duplicate, and the test passes. The race was never fixed, only stepped around.`);
  }
  return lines;
}
