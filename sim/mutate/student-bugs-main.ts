// `npm run student-bugs [-- --runs R --jobs J]`: how many of the stand-in held-back student bugs
// (sim/mutate/student-bugs.ts) the explorer's default budget finds: each patch is applied in a
// sandbox copy, as a mutant is, and `rpcsim explore --all-scenarios --seeds R` (the portfolio)
// runs against it. Prints, for each, the first failing run (scenario, seed, strategy, reason) or
// MISSED, then the figure.

import { fileURLToPath } from 'node:url';
import { DEFAULT_RUNS, Sandbox, type MutantBudget } from './run-mutants.ts';
import { STUDENT_BUGS, studentBugSplice } from './student-bugs.ts';
import { positiveCount, scriptFlags } from './script-args.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const USAGE = 'npm run student-bugs [-- --runs R --jobs J]';
const count = (text: string | undefined, fallback: number, flag: string): number => positiveCount('student-bugs', text, fallback, flag);

const values = scriptFlags('student-bugs', USAGE, { runs: { type: 'string' }, jobs: { type: 'string' } });
let budget: MutantBudget = { runs: count(values.runs, DEFAULT_RUNS, '--runs'), jobs: count(values.jobs, 2, '--jobs'), timeoutSeconds: 600 };
const splices = STUDENT_BUGS.map((bug) => ({ bug, splice: studentBugSplice(ROOT, bug) }));
const broken = splices.filter((s) => 'problem' in s.splice);
if (broken.length > 0) {
  for (const { splice } of broken) if ('problem' in splice) console.error(`student-bugs: ${splice.problem}`);
  process.exit(1);
}
console.log(`student-bugs: ${STUDENT_BUGS.length} patches; budget per bug: explore --all-scenarios --seeds ${budget.runs} (portfolio), --jobs ${budget.jobs}`);
const sandbox = new Sandbox(ROOT);
try {
  const baseline = await sandbox.explore(budget);
  if (baseline.status !== 'survived') {
    console.error(`student-bugs: the unpatched reference does not pass the budget (${baseline.status}); fix that first`);
    process.exit(1);
  }
  budget = { ...budget, timeoutSeconds: Math.max(30, Math.ceil(4 * baseline.seconds)) };
  console.log(`baseline: the reference passes the budget in ${baseline.seconds} s; a patched run gets ${budget.timeoutSeconds} s`);
  const found = { 1: 0, 2: 0 };
  for (const { bug, splice } of splices) {
    if ('problem' in splice) continue;
    const verdict = await sandbox.tryMutant(splice, budget);
    const hit = verdict.status === 'killed' || verdict.status === 'timeout';
    if (hit) found[bug.batch]++;
    const detail = verdict.status === 'killed' ? `by ${verdict.by}` : verdict.status === 'timeout' ? `hung the simulator (stopped at ${budget.timeoutSeconds} s)` : verdict.status === 'error' ? `did not start: ${verdict.why}` : 'no run failed';
    console.log(`${hit ? 'FOUND ' : 'MISSED'} ${bug.name} (batch ${bug.batch}) in ${verdict.seconds} s: ${detail}\n       (${bug.mistake})`);
  }
  const total = (batch: 1 | 2): number => STUDENT_BUGS.filter((b) => b.batch === batch).length;
  console.log(`\nstudent bugs found by the default budget: ${found[1] + found[2]} of ${STUDENT_BUGS.length} (batch 1: ${found[1]} of ${total(1)}; batch 2, written after the scenarios aimed at batch 1: ${found[2]} of ${total(2)})`);
} finally {
  sandbox.remove();
}
