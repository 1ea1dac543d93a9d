// rpcsim against the floor, timed so the ratio does not depend on the machine's other jobs.
// Timing each side once gave ratios that swung 3x on a loaded machine: the floor's run lasts
// about 10 ms and rpcsim's about 150 ms, and the short one escapes other jobs more often. Here
// both sides are timed in process CPU time (time spent waiting for a core does not count), the
// floor's workload is repeated within a round until the round lasts about as long as rpcsim's
// (at least MIN_ROUND_MS), the two alternate which goes first, and the ratio reported is the
// median of the per-round ratios. The workloads themselves are unchanged: repetition only makes
// the floor's timing window as long as rpcsim's.

import { cpuMillis } from './wallclock.ts';

const ROUNDS = 7;
const MIN_ROUND_MS = 100;

export interface PairedRates {
  /** rpcsim's units (events, calls) per CPU-second: the median over rounds. */
  readonly rate: number;
  readonly floorRate: number;
  /** The median of the per-round ratios rate / floorRate. */
  readonly ratio: number;
}

/** Times `times` runs of `work` in CPU ms; returns the units they did and the time. */
async function timed(work: () => Promise<number>, times: number): Promise<[number, number]> {
  let units = 0;
  const start = cpuMillis();
  for (let i = 0; i < times; i++) units += await work();
  return [units, cpuMillis() - start];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Each of `work` and `floor` returns the units (events, calls) one run of it did. */
export async function pairedRates(work: () => Promise<number>, floor: () => Promise<number>): Promise<PairedRates> {
  // Warm both up, and learn how many floor runs make a round as long as one rpcsim run.
  await work();
  await floor();
  const [, workMs] = await timed(work, 1);
  const [, floorMs] = await timed(floor, 1);
  const workTimes = Math.max(1, Math.ceil(MIN_ROUND_MS / Math.max(workMs, 0.1)));
  const floorTimes = Math.max(1, Math.ceil((workMs * workTimes) / Math.max(floorMs, 0.1)));
  const rates: number[] = [];
  const floorRates: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const workFirst = round % 2 === 0;
    const [a, b] = workFirst ? [work, floor] : [floor, work];
    const [aUnits, aMs] = await timed(a, workFirst ? workTimes : floorTimes);
    const [bUnits, bMs] = await timed(b, workFirst ? floorTimes : workTimes);
    const rate = workFirst ? aUnits / aMs : bUnits / bMs;
    const floorRate = workFirst ? bUnits / bMs : aUnits / aMs;
    rates.push(rate * 1000);
    floorRates.push(floorRate * 1000);
    ratios.push(rate / floorRate);
  }
  return { rate: median(rates), floorRate: median(floorRates), ratio: median(ratios) };
}
