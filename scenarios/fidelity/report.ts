// `npm run fidelity` as a library: run the measured tests as seeds 1..n of Go suite runs (in
// the suite's order, the accept loop drawing from Go's unseeded math/rand, see measure.ts), judge
// each test's error lines against real Go's bands, and format the table, a `!` marking each
// figure outside.

import { GO_MEASURED, judge, judgePooledShutdown, PIPE_SHARE_BAND, type Band, type FigureRow, type PooledShutdown, type TestReport } from './bands.ts';
import { measureSuiteRuns } from './measure.ts';

export interface FidelityReport {
  readonly tests: readonly TestReport[];
  readonly shutdown: PooledShutdown;
  readonly inside: boolean;
}

export async function measureFidelity(seedCount: number): Promise<FidelityReport> {
  const seeds = Array.from({ length: seedCount }, (_, i) => i + 1);
  // GO_MEASURED lists the tests in the suite's order, so the sequence reaches each where Go's did.
  const runs = await measureSuiteRuns(GO_MEASURED.map((test) => test.scenario), seeds);
  const tests = GO_MEASURED.map((test) => judge(test, runs.get(test.scenario)!));
  const shutdown = judgePooledShutdown(tests);
  return { tests, shutdown, inside: tests.every((t) => t.inside) && shutdown.inside };
}

const LABELS = { eof: 'unexpected EOF', reset: 'reset by peer', pipe: 'broken pipe', shutdown: 'shut down', failed: 'failed calls' } as const;

function num(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

function range(b: Band): string {
  return `${num(b.min)}–${num(b.max)}`;
}

function bandText(row: FigureRow): string {
  return row.rule === 'seen' ? '(seen)' : range(row.band);
}

function pct(x: number): string {
  return `${(100 * x).toFixed(0)}%`;
}

export function formatFidelity(fidelity: FidelityReport): string[] {
  const reports = fidelity.tests;
  const lines: string[] = [];
  const seedCount = reports[0]?.seeds ?? 0;
  lines.push(`Each seed 1–${seedCount} runs these tests as one go test process does: in the suite's order, the`);
  lines.push(`accept loop drawing from Go 1.19's unseeded math/rand (the same decisions in every Go run).`);
  lines.push('');
  for (const report of reports) {
    const { test } = report;
    lines.push(`${test.goTest} (${test.scenario}, seeds 1–${report.seeds}${report.failedRuns > 0 ? `, ${report.failedRuns} runs FAILED !` : ''})`);
    lines.push(`  ${'lines a run'.padEnd(16)}${'rpcsim mean'.padStart(12)}${'rpcsim range'.padStart(14)}${'Go runs'.padStart(11)}${'Go band'.padStart(12)}`);
    for (const row of report.rows) {
      const mark = row.inside ? '' : row.rule === 'seen' ? '  ! never' : '  ! outside';
      lines.push(
        `  ${LABELS[row.figure].padEnd(16)}${num(row.sim.mean).padStart(12)}${range(row.sim).padStart(14)}${range(row.go).padStart(11)}${bandText(row).padStart(12)}${mark}`,
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
  const { go, sim, inside } = fidelity.shutdown;
  const share = (n: number, of: number): string => `${((100 * n) / of).toFixed(2)}%`;
  lines.push(`"connection is shut down" per failed call, unreliable tests pooled: rpcsim ${share(sim.lines, sim.failed)},`);
  lines.push(`  Go ${share(go.lines, go.failed)} (${go.lines} in ${go.failed}; 95% interval ${(100 * go.band.min).toFixed(2)}–${(100 * go.band.max).toFixed(2)}%)${inside ? '' : '  ! outside'}`);
  lines.push('');
  const outside = reports.filter((r) => !r.inside).map((r) => r.test.goTest);
  if (!inside) outside.push('shut-down lines pooled');
  lines.push(outside.length === 0 ? 'every figure inside Go\'s bands' : `outside Go's bands: ${outside.join(', ')}`);
  return lines;
}
