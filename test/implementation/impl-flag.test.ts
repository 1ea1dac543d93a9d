// `--impl PATH`: a user's implementation runs under the scenarios, the header names it by path and
// source hash (never "the correct implementation"), and every way a path can be wrong is one
// line on stderr with exit code 2, saying what is wrong.

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureCliOutput, captured, rpcsim } from '../support/cli-capture.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'rpcsim-impl-flag-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

captureCliOutput();

async function refused(...argv: string[]): Promise<string> {
  captured.err = [];
  expect(await rpcsim(...argv)).toBe(2);
  expect(captured.err).toHaveLength(1);
  return captured.err[0]!;
}

describe('rpcsim run --impl', () => {
  it('should run a copy of the starting implementation and name it by path and source hash', async () => {
    const impl = join(dir, 'mine');
    cpSync(join(ROOT, 'scenarios/init-template'), impl, { recursive: true });
    expect(await rpcsim('run', 'fail-put', '--impl', impl, '--quiet')).toBe(0);
    expect(captured.out[0]).toMatch(new RegExp(`^seed 1 · scenario fail-put · implementation: ${impl} \\(source [0-9a-f]{8}\\)$`));
    expect(captured.out.join('\n')).not.toContain('correct implementation');
  });

  it('should run a JavaScript module outside any package that imports the TypeScript implementation', () => {
    // In a real process (vitest has a TypeScript loader of its own): the .mjs is plain Node, the
    // .ts files it imports are rpcsim's to compile, though no package.json says "type": "module".
    writeFileSync(join(dir, 'wrapper.mjs'), "export { viewservice, pbservice } from './mine/index.ts';\n");
    const run = spawnSync(process.execPath, [join(ROOT, 'scenarios', 'bin.mjs'), 'run', 'fail-put', '--impl', 'wrapper.mjs', '--quiet'], { cwd: dir, encoding: 'utf8' });
    expect(run.stdout).toMatch(/^seed 1 · scenario fail-put · implementation: \.\/wrapper\.mjs \(source [0-9a-f]{8}\)$/m);
    expect(run.status).toBe(0);
  }, 30_000);

  it('should refuse a .js file that Node would read as CommonJS', async () => {
    writeFileSync(join(dir, 'wrapper.js'), "export { viewservice, pbservice } from './mine/index.ts';\n");
    expect(await refused('run', 'fail-put', '--impl', join(dir, 'wrapper.js'))).toMatch(/wrapper\.js is CommonJS by Node's rules \(no package\.json with "type": "module" above it\): name it \.mjs/);
  });

  it('should refuse a path that does not exist', async () => {
    expect(await refused('run', 'fail-put', '--impl', join(dir, 'nowhere'))).toMatch(/--impl .*nowhere: no such file or directory/);
  });

  it('should refuse a file that is not a module, and a directory without an index', async () => {
    writeFileSync(join(dir, 'notes.txt'), 'hello\n');
    mkdirSync(join(dir, 'empty'));
    expect(await refused('run', 'fail-put', '--impl', join(dir, 'notes.txt'))).toMatch(/notes\.txt is not a module: give a \.ts/);
    expect(await refused('run', 'fail-put', '--impl', join(dir, 'empty'))).toMatch(/empty is a directory without index\.ts or index\.js/);
  });

  it('should say which export is missing', async () => {
    writeFileSync(join(dir, 'half.ts'), 'export const viewservice = { StartServer() {}, MakeClerk() {} };\n');
    writeFileSync(join(dir, 'noclerk.ts'), 'export const viewservice = { StartServer() {}, MakeClerk() {} };\nexport const pbservice = { StartServer() {} };\n');
    expect(await refused('run', 'fail-put', '--impl', join(dir, 'half.ts'))).toMatch(/half\.ts does not export "pbservice"/);
    expect(await refused('run', 'fail-put', '--impl', join(dir, 'noclerk.ts'))).toMatch(/noclerk\.ts exports "pbservice" without a MakeClerk function/);
  });

  it('should refuse --bug with --impl: bugs are switches of the reference', async () => {
    expect(await refused('run', 'fail-put', '--impl', dir, '--bug', 'get-not-forwarded')).toMatch(/--bug .* cannot go with --impl/);
  });

  it('should be refused by commands that run no scenario, and init should take no flags', async () => {
    expect(await refused('list', '--impl', dir)).toBe('rpcsim: list does not take --impl: list takes no flags; run `rpcsim help list`');
    expect(await refused('init', join(dir, 'fresh'), '--seed', '3')).toBe('rpcsim: init does not take --seed: init takes no flags; run `rpcsim help init`');
  });

  it('should refuse to init into a directory that is not empty', async () => {
    writeFileSync(join(dir, 'occupied.txt'), 'x\n');
    expect(await refused('init', dir)).toMatch(/already exists and is not an empty directory/);
  });
});

describe('loadImplementation in one process', () => {
  it('should refuse to load an implementation again after its source changed', async () => {
    const { loadImplementation } = await import('../../scenarios/implementation-loader.ts');
    const file = join(dir, 'twice.ts');
    writeFileSync(file, "export const viewservice = { StartServer() {}, MakeClerk() {} };\nexport const pbservice = { StartServer() {}, MakeClerk() {} };\n");
    const first = await loadImplementation(file);
    expect((await loadImplementation(file)).sourceHash).toBe(first.sourceHash);
    writeFileSync(file, `${readFileSync(file, 'utf8')}// edited\n`);
    await expect(loadImplementation(file)).rejects.toThrow(/has changed since this process loaded it \(source [0-9a-f]{8}, now [0-9a-f]{8}\)/);
  });
});
