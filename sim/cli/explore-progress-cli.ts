// The progress of an exploration, on stderr so stdout keeps only results: on a terminal, one line
// redrawn in place (seeds done of total, failures, seeds per second); piped or in CI, a plain line
// every half minute, so a long batch job shows it is alive without flooding its log.

import { wallMillis } from '../bench/wallclock.ts';

const REDRAW_MILLIS = 100;
const PLAIN_LINE_MILLIS = 30_000;

export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): boolean;
}

export class Progress {
  private readonly startedMillis = wallMillis();
  private lastDrawnMillis = Number.NEGATIVE_INFINITY;
  private lastPlainMillis: number;
  private shown = false;
  private readonly live: boolean;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly stream: ProgressStream = process.stderr,
  ) {
    this.live = stream.isTTY === true;
    this.lastPlainMillis = this.startedMillis;
  }

  get elapsedSeconds(): number {
    return (wallMillis() - this.startedMillis) / 1000;
  }

  /** Seeds per second since the start, counting every run (any thread). */
  rate(runs: number): number {
    const seconds = this.elapsedSeconds;
    return seconds > 0 ? runs / seconds : 0;
  }

  update(done: number, failures: number): void {
    const now = wallMillis();
    if (this.live) {
      if (now - this.lastDrawnMillis < REDRAW_MILLIS) return;
      this.lastDrawnMillis = now;
      this.stream.write(`\r\x1b[2K${this.line(done, failures)}`);
      this.shown = true;
    } else if (now - this.lastPlainMillis >= PLAIN_LINE_MILLIS) {
      this.lastPlainMillis = now;
      this.stream.write(`${this.line(done, failures)}\n`);
    }
  }

  /** Erases the live line, before something else is printed to the terminal. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[2K');
    this.shown = false;
    this.lastDrawnMillis = Number.NEGATIVE_INFINITY;
  }

  private line(done: number, failures: number): string {
    const percent = this.total === 0 ? 100 : Math.floor((100 * done) / this.total);
    const plural = failures === 1 ? 'failure' : 'failures';
    return `explore ${this.label}: ${done}/${this.total} seeds (${percent}%) · ${failures} ${plural} · ${this.rate(done).toFixed(1)} seeds/s · ${this.elapsedSeconds.toFixed(0)} s`;
  }
}
