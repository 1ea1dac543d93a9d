// `npm run mutants [-- --sample N --seed S --runs R --jobs J --timeout-s T --sites FILE --run-equivalent]`:
// the mutation score of the explorer's default budget. Makes every mutant site of protocol/
// (sim/mutate/operators), takes a seeded sample (or the sites named in FILE, one key a line),
// checks the unmutated reference passes the same budget, runs each mutant, and prints each
// verdict, the score (killed / non-equivalent mutants that ran) and the survivors. Mutants listed
// as equivalent (sim/mutate/equivalent-mutants.json) are reported apart and not run, unless
// --run-equivalent asks to check that none of them is killed after all.

import { fileURLToPath } from 'node:url';
import { readEquivalents, staleEquivalents } from './equivalent.ts';
import { allMutations, sampleMutations } from './sample.ts';
import { DEFAULT_RUNS, Sandbox, type MutantVerdict } from './run-mutants.ts';
import { printScore, type MutantResult } from './report.ts';
import { positiveCount, readFlagFile, refuse, scriptFlags } from './script-args.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const USAGE = 'npm run mutants [-- --sample N --seed S --runs R --jobs J --timeout-s T --sites FILE --run-equivalent]';
const count = (text: string | undefined, fallback: number, flag: string): number => positiveCount('mutants', text, fallback, flag);

const options = {
  sample: { type: 'string' },
  seed: { type: 'string' },
  runs: { type: 'string' },
  jobs: { type: 'string' },
  'timeout-s': { type: 'string' },
  sites: { type: 'string' },
  'run-equivalent': { type: 'boolean' },
} as const;
const values = scriptFlags('mutants', USAGE, options);
if (values.sites !== undefined && values.sample !== undefined) refuse('mutants', '--sites names the mutants to run, --sample draws them: give one or the other');
const sitesText = values.sites === undefined ? undefined : readFlagFile('mutants', '--sites', values.sites);
const seed = count(values.seed, 1, '--seed');
const explicitTimeout = values['timeout-s'] === undefined ? null : count(values['timeout-s'], 0, '--timeout-s');
let budget = { runs: count(values.runs, DEFAULT_RUNS, '--runs'), jobs: count(values.jobs, 2, '--jobs'), timeoutSeconds: explicitTimeout ?? 600 };

const mutations = allMutations(ROOT);
const equivalents = readEquivalents();
const stale = staleEquivalents(equivalents, mutations.map((m) => m.key));
for (const entry of stale) console.error(`mutants: equivalent-mutants.json names a site that no longer exists (judge it again): ${entry.site}`);
const equivalentWhy = new Map(equivalents.map((e) => [e.site, e.why]));

let chosen = sampleMutations(mutations, count(values.sample, 20, '--sample'), seed);
let what = `sample of ${chosen.length} (seed ${seed})`;
if (values.sites !== undefined && sitesText !== undefined) {
  const wanted = sitesText.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const byKey = new Map(mutations.map((m) => [m.key, m]));
  const unknown = wanted.filter((key) => !byKey.has(key));
  if (unknown.length > 0) {
    console.error(`mutants: ${values.sites} names ${unknown.length} site(s) that do not exist, e.g. ${unknown[0]}`);
    process.exit(2);
  }
  chosen = wanted.map((key) => byKey.get(key)!);
  what = `${chosen.length} sites from ${values.sites}`;
}
console.log(`mutants: ${mutations.length} sites in protocol/ (${equivalents.length} listed as equivalent); ${what}; budget per mutant: explore --all-scenarios --seeds ${budget.runs} (portfolio), --jobs ${budget.jobs}`);
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
  const results: MutantResult[] = [];
  for (const [i, mutation] of chosen.entries()) {
    const why = equivalentWhy.get(mutation.key);
    const where = `${mutation.file}:${mutation.description} [${mutation.operator}]`;
    const verdict: MutantVerdict | { readonly status: 'equivalent'; readonly seconds: 0 } =
      why !== undefined && values['run-equivalent'] !== true ? { status: 'equivalent', seconds: 0 } : await sandbox.tryMutant(mutation, budget);
    results.push({ key: mutation.key, where, verdict, equivalent: why ?? null });
    const detail = verdict.status === 'killed' ? ` by ${verdict.by}` : verdict.status === 'error' ? `: ${verdict.why}` : verdict.status === 'equivalent' ? `: ${why}` : '';
    console.log(`${i + 1}/${chosen.length} ${verdict.status.toUpperCase()}${verdict.status === 'equivalent' ? '' : ` in ${verdict.seconds} s`}${detail}\n    ${where}\n    ${mutation.key}`);
  }
  printScore(results);
  if (stale.length > 0) process.exitCode = 1;
} finally {
  sandbox.remove();
}
