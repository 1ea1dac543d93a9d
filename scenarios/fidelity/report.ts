// `npm run fidelity` as a library: run each measured test's scenario over seeds 1..n, judge its
// error lines against real Go's bands, and format the table, a `!` marking each figure outside.

import { GO_MEASURED, judge, PIPE_SHARE_BAND, type Band, type TestReport } from './bands.ts';
import { measureSeeds } from './measure.ts';

export async function measureFidelity(seedCount: number, scenarios?: readonly string[]): Promise<TestReport[]> {
  const seeds = Array.from({ length: seedCount }, (_, i) => i + 1);
  const reports: TestReport[] = [];
  for (const test of GO_MEASURED) {
    if (scenarios !== undefined && !scenarios.includes(test.scenario)) continue;
    reports.push(judge(test, await measureSeeds(test.scenario, seeds)));
  }
  return reports;
}

const LABELS = { eof: 'unexpected EOF', reset: 'reset by peer', pipe: 'broken pipe', shutdown: 'shut down', failed: 'failed calls' } as const;

function num(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

function range(b: Band): string {
  return `${num(b.min)}–${num(b.max)}`;
}

function pct(x: number): string {
  return `${(100 * x).toFixed(0)}%`;
}

export function formatFidelity(reports: readonly TestReport[]): string[] {
  const lines: string[] = [];
  for (const report of reports) {
    const { test } = report;
    lines.push(`${test.goTest} (${test.scenario}, seeds 1–${report.seeds}${report.failedRuns > 0 ? `, ${report.failedRuns} runs FAILED !` : ''})`);
    lines.push(`  ${'lines a run'.padEnd(16)}${'rpcsim mean'.padStart(12)}${'rpcsim range'.padStart(14)}${'Go runs'.padStart(11)}${'Go band'.padStart(12)}`);
    for (const row of report.rows) {
      const mark = row.inside ? '' : row.rule === 'go-in-spread' ? '  ! Go outside rpcsim spread' : '  ! outside';
      lines.push(
        `  ${LABELS[row.figure].padEnd(16)}${num(row.sim.mean).padStart(12)}${range(row.sim).padStart(14)}${range(row.go).padStart(11)}${(row.rule === 'go-in-spread' ? '(one seq)' : range(row.band)).padStart(12)}${mark}`,
      );
    }
    if (report.pipeShare !== null) {
      const { go, sim, inside } = report.pipeShare;
      lines.push(`  broken pipe / dropped requests: rpcsim ${pct(sim)}, Go ${pct(go)} (band ${pct(PIPE_SHARE_BAND.min)}–${pct(PIPE_SHARE_BAND.max)})${inside ? '' : '  ! outside'}`);
    }
    if (report.shutdownSeen !== null) {
      const { seeds, inside } = report.shutdownSeen;
      lines.push(`  "connection is shut down" in ${seeds} of ${report.seeds} seeds (Go: in some runs)${inside ? '' : '  ! never'}`);
    }
    lines.push('');
  }
  const outside = reports.filter((r) => !r.inside).map((r) => r.test.goTest);
  lines.push(outside.length === 0 ? 'every figure inside Go\'s bands' : `outside Go's bands: ${outside.join(', ')}`);
  return lines;
}
