// Vector clocks for a drawn run, computed after the fact from the trace's send/receive pairs
// (the kernel does not keep them: that would cost every event on the hot path). Each process is
// one clock entry; every send, receive, failed call and mark is a local event that ticks it, and
// a receive merges in the clock its message carried. Events are taken in virtual-time order,
// a send before anything else at the same instant, since a message is read after it is written.

import type { ViewModel } from './view-model.ts';

export interface ClockedEvent {
  readonly t: number;
  readonly lane: number;
  /** "m12s" (send of message 12), "m12r" (its receive), "f3" (failed call), "k0" (mark). */
  readonly key: string;
  readonly clock: ReadonlyMap<number, number>;
}

interface Pending {
  readonly t: number;
  readonly order: number; // 0 send, 1 local, 2 receive
  readonly lane: number;
  readonly key: string;
  readonly message: number;
}

function localEvents(model: ViewModel): Pending[] {
  const m = model.messages;
  const out: Pending[] = [];
  m.sendMicros.forEach((t, i) => {
    out.push({ t, order: 0, lane: model.taskLane[m.from[i]!]!, key: `m${i}s`, message: i });
    const to = m.to[i]!;
    if (to >= 0) out.push({ t: m.recvMicros[i]!, order: 2, lane: model.taskLane[to]!, key: `m${i}r`, message: i });
  });
  model.failures.forEach((f, i) => out.push({ t: f.t, order: 1, lane: model.taskLane[f.task]!, key: `f${i}`, message: -1 }));
  model.marks.forEach((k, i) => out.push({ t: k.t, order: 1, lane: k.lane, key: `k${i}`, message: -1 }));
  // Stable: equal (t, order) keep their insertion order.
  return out.map((e, index) => ({ e, index })).sort((a, b) => a.e.t - b.e.t || a.e.order - b.e.order || a.index - b.index).map(({ e }) => e);
}

export function vectorClocks(model: ViewModel): ClockedEvent[] {
  const clocks = new Map<number, Map<number, number>>();
  const carried = new Map<number, ReadonlyMap<number, number>>();
  const out: ClockedEvent[] = [];
  for (const event of localEvents(model)) {
    const clock = clocks.get(event.lane) ?? new Map<number, number>();
    clocks.set(event.lane, clock);
    if (event.order === 2) {
      for (const [lane, tick] of carried.get(event.message) ?? []) clock.set(lane, Math.max(clock.get(lane) ?? 0, tick));
      carried.delete(event.message);
    }
    clock.set(event.lane, (clock.get(event.lane) ?? 0) + 1);
    const snapshot = new Map(clock);
    if (event.order === 0) carried.set(event.message, snapshot);
    out.push({ t: event.t, lane: event.lane, key: event.key, clock: snapshot });
  }
  return out;
}
