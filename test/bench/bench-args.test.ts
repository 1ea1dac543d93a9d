// `npm run bench` takes no flags: an argument is refused in one line on stderr with exit 2 before
// any benchmark runs, rather than ignored while the figures print as if it applied.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run bench with an argument', () => {
  it('should refuse it in one line, exit 2, and print no figures', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scenarios/bench.ts', '--seeds', '3'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('bench: it takes no arguments ("--seeds 3" given); run npm run bench alone\n');
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
  });
});
