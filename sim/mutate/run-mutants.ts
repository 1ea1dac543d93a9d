// Runs mutants of protocol/ against the explorer: the repository's simulator, scenarios and
// protocol are copied once into a sandbox (node_modules linked), then for each mutant one file
// is rewritten there and `rpcsim explore --all-scenarios` runs the portfolio within a budget of
// runs. A failing run kills the mutant (the first failure is kept: scenario, seed, strategy); a
// pass within the budget means it survived; a run past the time limit is killed as a timeout
// (the mutant hung the simulator), and so is one that makes the simulator panic; a mutant that
// cannot even start is an error, not counted.

import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { applyMutation, type Splice } from './operators.ts';

/** The default budget: runs per mutant, dealt over every scenario in turn: eight seeds of each of
 *  the 19 scenarios, so each gets seeds 1-8 (three of them swarm: 2, 5 and 8). */
export const DEFAULT_RUNS = 152;

export interface MutantBudget {
  /** Runs per mutant, dealt over every scenario in turn (`explore --all-scenarios --seeds`). */
  readonly runs: number;
  readonly jobs: number;
  readonly timeoutSeconds: number;
}

export type MutantVerdict =
  | { readonly status: 'killed'; readonly by: string; readonly seconds: number }
  | { readonly status: 'timeout'; readonly seconds: number }
  | { readonly status: 'survived'; readonly seconds: number }
  | { readonly status: 'error'; readonly why: string; readonly seconds: number };

export class Sandbox {
  readonly dir: string;

  constructor(root: string) {
    this.dir = mkdtempSync(join(tmpdir(), 'rpcsim-mutants-'));
    for (const part of ['sim', 'protocol', 'scenarios', 'package.json', 'tsconfig.json']) cpSync(join(root, part), join(this.dir, part), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(this.dir, 'node_modules'), 'dir');
  }

  /** The explorer over the sandbox as it is now (no mutant: the baseline). */
  explore(budget: MutantBudget): Promise<MutantVerdict> {
    return exploreIn(this.dir, budget);
  }

  async tryMutant(mutation: Splice, budget: MutantBudget): Promise<MutantVerdict> {
    const path = join(this.dir, mutation.file);
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, applyMutation(original, mutation));
    try {
      return await exploreIn(this.dir, budget);
    } finally {
      writeFileSync(path, original);
    }
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function exploreIn(dir: string, budget: MutantBudget): Promise<MutantVerdict> {
  const args = [join(dir, 'scenarios/bin.mjs'), 'explore', '--all-scenarios', '--seeds', String(budget.runs), '--jobs', String(budget.jobs), '--json'];
  const started = performance.now();
  const seconds = (): number => Number(((performance.now() - started) / 1000).toFixed(1));
  return new Promise((resolve) => {
    // Its own process group, so a timeout stops the explorer's children with it.
    const child = spawn(process.execPath, args, { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let err = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, budget.timeoutSeconds * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) return resolve({ status: 'timeout', seconds: seconds() });
      if (code === 0) return resolve({ status: 'survived', seconds: seconds() });
      const failure = out.split('\n').find((line) => line.startsWith('{"type":"failure"'));
      if (code === 1 && failure !== undefined) {
        const f = JSON.parse(failure) as { scenario: string; seed: number; strategy: string; kind: string; reason: string };
        return resolve({ status: 'killed', by: `${f.scenario} seed ${f.seed} (${f.strategy}, ${f.kind}): ${f.reason}`, seconds: seconds() });
      }
      // The simulator's own panic (an InvariantError: e.g. a call left unawaited that runs on
      // after its goroutine) is the mutant breaking the program, found while running; with
      // --jobs 2 it can escape the run and end the explorer instead of naming a seed.
      const panic = /InvariantError: .*/.exec(err)?.[0];
      if (panic !== undefined) return resolve({ status: 'killed', by: `the simulator panicked: ${panic}`, seconds: seconds() });
      const why = err.split('\n').find((line) => line.trim() !== '') ?? `exit ${code}`;
      resolve({ status: 'error', why, seconds: seconds() });
    });
  });
}
