// Helpers for the protocol tests: socket paths in the 6.824 shape, a run that returns what the
// test captured, and the view polling loops the 2015 tests use.

import { expect } from 'vitest';
import { World, sleep, type RunReport } from '../../../sim/index.ts';
import type { View } from '../../../protocol/viewservice/common.ts';
import type { Clerk as ViewClerk } from '../../../protocol/viewservice/client.ts';

export const PingInterval = 100_000;
export const DeadTimeMicros = 5 * PingInterval;

export function vsPath(tag: string): string {
  return `/var/tmp/824-1000/viewserver-3123-${tag}v-1`;
}

export function pbPath(tag: string, n: number): string {
  return `/var/tmp/824-1000/pb-3123-${tag}-${n}`;
}

/** Runs `main` in a fresh world and fails the test if any simulated task failed. */
export async function runWorld(seed: number, main: () => Promise<void>): Promise<RunReport> {
  const report = await new World({ seed, trace: false }).run(main);
  if (report.failure !== null) throw report.failure.error;
  expect(report.stop).toBe('main-returned');
  return report;
}

/** Polls the viewservice (PingInterval apart) until `done(view)` or `tries` run out. */
export async function pollView(vck: ViewClerk, tries: number, done: (view: View) => boolean): Promise<View> {
  for (let i = 0; i < tries; i++) {
    const { view } = await vck.Get();
    if (done(view)) return view;
    await sleep(PingInterval);
  }
  return (await vck.Get()).view;
}
