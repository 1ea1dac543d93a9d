// The bookkeeping that makes `--jobs N` report exactly what `--jobs 1` does. Seeds are handed out
// in ascending order; verdicts come back in any order and are passed on in seed order. When a
// seed fails and the search stops at the first failure, no later seed is handed out, but every
// earlier one still runs, so the failure reported is the lowest failing seed, whichever thread
// finished first.

import type { SeedVerdict } from './seed-run.ts';

export class SeedOrder {
  /** Seeds at this index or beyond are neither handed out nor reported. */
  private cutoff: number;
  private nextToHand = 0;
  /** Seeds handed out and given back unrun (a child's queue, taken back at the end), lowest first. */
  private readonly givenBack: number[] = [];
  private nextToReport = 0;
  private readonly waiting = new Map<number, SeedVerdict>();

  constructor(
    count: number,
    private readonly stopAtFirstFailure: boolean,
    private readonly report: (verdict: SeedVerdict) => void,
  ) {
    this.cutoff = count;
  }

  /** The next seed index to run, or null when there is nothing more to hand out. */
  take(): number | null {
    const back = this.givenBack.shift();
    if (back !== undefined) return back;
    if (this.nextToHand >= this.cutoff) return null;
    return this.nextToHand++;
  }

  /** Seeds handed out that will not be run where they went: take() hands them out again first. */
  giveBack(indexes: readonly number[]): void {
    for (const index of indexes) if (index < this.cutoff) this.givenBack.push(index);
    this.givenBack.sort((a, b) => a - b);
  }

  /** Seeds still to hand out. */
  get untaken(): number {
    return this.givenBack.length + Math.max(0, this.cutoff - this.nextToHand);
  }

  /** A verdict from any thread; reports every verdict that is now next in seed order. */
  complete(verdict: SeedVerdict): void {
    if (verdict.index >= this.cutoff) return; // beyond a lower failure: not part of the answer
    if (!verdict.ok && this.stopAtFirstFailure) this.lowerCutoff(verdict.index + 1);
    this.waiting.set(verdict.index, verdict);
    while (this.nextToReport < this.cutoff) {
      const next = this.waiting.get(this.nextToReport);
      if (next === undefined) break;
      this.waiting.delete(this.nextToReport);
      this.nextToReport++;
      this.report(next);
    }
  }

  /** Hand out nothing more (Ctrl-C); seeds already handed out are still reported. */
  stop(): void {
    this.lowerCutoff(this.nextToHand);
  }

  /** Forgets verdicts already waiting beyond the new cutoff: a later seed that failed first. */
  private lowerCutoff(cutoff: number): void {
    if (cutoff >= this.cutoff) return;
    this.cutoff = cutoff;
    const kept = this.givenBack.filter((index) => index < cutoff);
    this.givenBack.length = 0;
    this.givenBack.push(...kept);
    for (const index of [...this.waiting.keys()]) if (index >= cutoff) this.waiting.delete(index);
  }

  /** The first index that will not be reported: the count, or just past the first failure. */
  get limit(): number {
    return this.cutoff;
  }

  /** Every seed up to the cutoff has been reported. */
  get finished(): boolean {
    return this.nextToReport >= this.cutoff;
  }

  /** How many seeds, from the first, have been reported: a contiguous prefix of the range. */
  get reported(): number {
    return this.nextToReport;
  }
}
