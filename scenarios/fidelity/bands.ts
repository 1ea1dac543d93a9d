// Go's measured runs as bands, and the simulator's seeds held against them. A figure is a
// per-run count (EOF, reset, broken pipe, shut-down lines, failed calls) or broken pipe's share
// of dropped requests; each row says whether the simulator's figure lies in Go's band.

import { GO_MEASURED, LINE_KINDS, type GoMeasuredTest, type LineCounts } from './go-measured.ts';
import type { SeedCounts } from './measure.ts';

export type Figure = (typeof LINE_KINDS)[number] | 'failed';
export const FIGURES: readonly Figure[] = [...LINE_KINDS, 'failed'];

/** Broken pipe's share of dropped requests (reset + pipe + shut down), as Go shows it in the lab. */
export const PIPE_SHARE_BAND = { min: 0.15, max: 0.35 } as const;

export interface Band {
  readonly min: number;
  readonly max: number;
}

export interface FigureRow {
  readonly figure: Figure;
  readonly go: Band & { readonly mean: number };
  readonly band: Band;
  readonly sim: Band & { readonly mean: number };
  /** How the figure was judged: the simulator's mean in Go's band, or (when Go's runs repeat
   *  one accept sequence) Go's runs inside the simulator's spread over seeds. */
  readonly rule: 'mean-in-band' | 'go-in-spread';
  readonly inside: boolean;
}

export interface TestReport {
  readonly test: GoMeasuredTest;
  readonly seeds: number;
  readonly failedRuns: number;
  readonly rows: readonly FigureRow[];
  readonly pipeShare: { readonly go: number; readonly sim: number; readonly inside: boolean } | null;
  /** Unreliable tests: "connection is shut down" must appear in some seed, as it does in Go. */
  readonly shutdownSeen: { readonly seeds: number; readonly inside: boolean } | null;
  readonly inside: boolean;
}

function value(lines: LineCounts, figure: Figure): number {
  return figure === 'failed' ? lines.eof + lines.reset + lines.pipe + lines.shutdown : lines[figure];
}

function spread(values: readonly number[]): Band & { mean: number } {
  return { min: Math.min(...values), max: Math.max(...values), mean: values.reduce((a, b) => a + b, 0) / values.length };
}

/**
 * Go's band for a count: the range of its six runs, widened on each side by half that range
 * (six runs' range covers on average only 5/7 of what a run can give), and never narrower than
 * 0–1 (six runs cannot tell a rate below one line a run from none).
 */
export function goBand(runs: readonly number[]): Band {
  const { min, max } = spread(runs);
  const margin = (max - min) / 2;
  return { min: Math.max(0, min - margin), max: Math.max(1, max + margin) };
}

function drops(lines: LineCounts): number {
  return lines.reset + lines.pipe + lines.shutdown;
}

export function judge(test: GoMeasuredTest, seeds: readonly SeedCounts[]): TestReport {
  // Go 1.19 does not seed math/rand: a test whose accept decisions come in the same order every
  // run (one unreliable server, one clerk) repeats one draw of them, not six.
  const oneSequence = test.scenario === 'at-most-once';
  const rows = FIGURES.map((figure): FigureRow => {
    const goValues = test.runs.map((run) => value(run, figure));
    const simValues = seeds.map((s) => value(s.lines, figure));
    const go = spread(goValues);
    const sim = spread(simValues);
    const band = goBand(goValues);
    const rule = oneSequence && figure !== 'shutdown' ? 'go-in-spread' : 'mean-in-band';
    const inside = rule === 'mean-in-band' ? sim.mean >= band.min && sim.mean <= band.max : go.min >= sim.min && go.max <= sim.max;
    return { figure, go, band, sim, rule, inside };
  });
  const goDrops = test.runs.reduce((a, r) => a + drops(r), 0);
  const simDrops = seeds.reduce((a, s) => a + drops(s.lines), 0);
  const pipeShare = test.unreliable
    ? (() => {
        const go = test.runs.reduce((a, r) => a + r.pipe, 0) / goDrops;
        const sim = simDrops === 0 ? 0 : seeds.reduce((a, s) => a + s.lines.pipe, 0) / simDrops;
        return { go, sim, inside: sim >= PIPE_SHARE_BAND.min && sim <= PIPE_SHARE_BAND.max };
      })()
    : null;
  const shutdownSeen = test.unreliable
    ? (() => {
        const count = seeds.filter((s) => s.lines.shutdown > 0).length;
        return { seeds: count, inside: count > 0 };
      })()
    : null;
  const failedRuns = seeds.filter((s) => !s.ok).length;
  const inside = rows.every((r) => r.inside) && (pipeShare?.inside ?? true) && (shutdownSeen?.inside ?? true) && failedRuns === 0;
  return { test, seeds: seeds.length, failedRuns, rows, pipeShare, shutdownSeen, inside };
}

export { GO_MEASURED };
