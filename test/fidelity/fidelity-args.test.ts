// `npm run fidelity -- --seeds N`: a bad count or an unknown argument is refused in one line on
// stderr with exit 2 before any seed runs, and the line says which of the two it was.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function fidelity(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scenarios/fidelity.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
}

describe('npm run fidelity with bad arguments', () => {
  it('should say that --seeds wants a positive whole number when given 0, exit 2, and run nothing', () => {
    const run = fidelity('--seeds', '0');
    expect(run.stderr).toBe('fidelity: --seeds wants a whole number of seeds, 1 or more, got "0"\n');
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
  });

  it('should name an unknown argument as unknown, exit 2, and run nothing', () => {
    const run = fidelity('--seed', '3');
    expect(run.stderr).toBe('fidelity: unknown arguments "--seed 3"; the only option is --seeds N (default 20)\n');
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
  });
});
