// The package as a user gets it: `npm pack` (which builds the library entry), the tarball
// installed into a fresh project in the system's temp folder (vitest and typescript beside it,
// from npm's cache when it has them), then the command (`npx rpcsim init`, `npx rpcsim run
// fail-put --impl ...`), the type checker over the init directory, plain Node importing from
// 'rpcsim', and vitest running the init directory's fast-check property, which imports from
// 'rpcsim' too. Slow (a build and an install): `npm run test:package`, not part of `npm test`.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'rpcsim-package-'));
const project = join(work, 'project');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function sh(command: string, args: readonly string[], cwd: string): { code: number; out: string } {
  const run = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, RPCSIM_PACKAGE_TEST: '' } });
  return { code: run.status ?? -1, out: `${run.stdout}${run.stderr}` };
}

beforeAll(() => {
  execFileSync('npm', ['pack', '--pack-destination', work], { cwd: ROOT, stdio: 'pipe' });
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'))!;
  execFileSync('mkdir', [project]);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'fresh', private: true, type: 'module' }, null, 2)}\n`);
  const install = ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball), 'vitest@~4.1.12', 'typescript@~5.9.3'];
  execFileSync('npm', install, { cwd: project, stdio: 'pipe' });
}, 240_000);

describe('the packed rpcsim in a fresh project', () => {
  it('should init a directory and run fail-put on it with npx rpcsim --impl', () => {
    expect(sh('npx', ['rpcsim', 'init', 'my-pb'], project).code).toBe(0);
    const run = sh('npx', ['rpcsim', 'run', 'fail-put', '--impl', 'my-pb', '--quiet'], project);
    expect(run.out).toMatch(/^seed 1 · scenario fail-put · implementation: \.\/my-pb \(source [0-9a-f]{8}\)$/m);
    expect(run.out).toMatch(/^PASS fail-put \(seed 1\)/m);
    expect(run.code).toBe(0);
  }, 60_000);

  it("should type-check the init directory against the package's declarations", () => {
    const tsc = sh('npx', ['tsc', '-p', 'my-pb'], project);
    expect(tsc.out).toBe('');
    expect(tsc.code).toBe(0);
  }, 60_000);

  it("should import runScenario from 'rpcsim' in plain Node", () => {
    const script = "import { runScenario, traceHash } from 'rpcsim'; const r = await runScenario('fail-put', { seed: 1 }); console.log(r.ok, traceHash(r.trace));";
    const node = sh(process.execPath, ['--input-type=module', '-e', script], project);
    // The golden fingerprint of fail-put seed 1 (test/golden): the package runs the same code.
    expect(node.out.trim()).toBe('true ea560ee86f71482e');
  }, 60_000);

  it("should run the init directory's fast-check property in vitest, importing from 'rpcsim'", () => {
    const vitest = sh('npx', ['vitest', 'run', 'my-pb'], project);
    expect(vitest.out).toMatch(/1 passed/);
    expect(vitest.code).toBe(0);
  }, 120_000);
});
