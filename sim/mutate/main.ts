// `npm run mutants [-- --sample N --seed S --runs R --jobs J --timeout-s T]`: the mutation score
// of the explorer's default budget. Makes every mutant site of protocol/ (sim/mutate/operators),
// takes a seeded sample, checks the unmutated reference passes the same budget, runs each mutant,
// and prints each verdict, the score (killed / counted, errors not counted) and the survivors.

import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { allMutations, sampleMutations } from './sample.ts';
import { Sandbox, type MutantVerdict } from './run-mutants.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function count(text: string | undefined, fallback: number, flag: string): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) {
    console.error(`mutants: bad ${flag} "${text}": give a positive whole number`);
    process.exit(2);
  }
  return n;
}

const { values } = parseArgs({ options: { sample: { type: 'string' }, seed: { type: 'string' }, runs: { type: 'string' }, jobs: { type: 'string' }, 'timeout-s': { type: 'string' } }, strict: true });
const sampleSize = count(values.sample, 20, '--sample');
const seed = count(values.seed, 1, '--seed');
const explicitTimeout = values['timeout-s'] === undefined ? null : count(values['timeout-s'], 0, '--timeout-s');
let budget = { runs: count(values.runs, 56, '--runs'), jobs: count(values.jobs, 2, '--jobs'), timeoutSeconds: explicitTimeout ?? 600 };

const mutations = allMutations(ROOT);
const sample = sampleMutations(mutations, sampleSize, seed);
console.log(`mutants: ${mutations.length} sites in protocol/; sample of ${sample.length} (seed ${seed}); budget per mutant: explore --all-scenarios --seeds ${budget.runs} (portfolio), --jobs ${budget.jobs}`);
const sandbox = new Sandbox(ROOT);
try {
  const baseline = await sandbox.explore(budget);
  if (baseline.status !== 'survived') {
    console.error(`mutants: the unmutated reference does not pass the budget (${baseline.status}${'by' in baseline ? `: ${baseline.by}` : ''}); fix that first`);
    process.exit(1);
  }
  // A mutant that loops without awaiting hangs the whole process: stop it at 4× the reference's
  // time (at least 30 s) unless told otherwise, and count it as killed (a timeout).
  budget = { ...budget, timeoutSeconds: explicitTimeout ?? Math.max(30, Math.ceil(4 * baseline.seconds)) };
  console.log(`baseline: the reference passes the budget in ${baseline.seconds} s; a mutant gets ${budget.timeoutSeconds} s`);
  const results: { readonly where: string; readonly verdict: MutantVerdict }[] = [];
  for (const [i, mutation] of sample.entries()) {
    const verdict = await sandbox.tryMutant(mutation, budget);
    const where = `${mutation.file}:${mutation.description} [${mutation.operator}]`;
    results.push({ where, verdict });
    const detail = verdict.status === 'killed' ? ` by ${verdict.by}` : verdict.status === 'error' ? `: ${verdict.why}` : '';
    console.log(`${i + 1}/${sample.length} ${verdict.status.toUpperCase()} in ${verdict.seconds} s${detail}\n    ${where}`);
  }
  const killed = results.filter((r) => r.verdict.status === 'killed' || r.verdict.status === 'timeout').length;
  const counted = results.filter((r) => r.verdict.status !== 'error').length;
  const score = counted === 0 ? 0 : (100 * killed) / counted;
  console.log(`\nmutation score: ${killed}/${counted} = ${score.toFixed(1)}% (killed or timed out / mutants that ran; ${results.length - counted} errors not counted; survivors may include equivalent mutants)`);
  for (const r of results.filter((x) => x.verdict.status === 'survived')) console.log(`  survived: ${r.where}`);
} finally {
  sandbox.remove();
}
