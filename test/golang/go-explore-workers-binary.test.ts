// `go explore --jobs N`: worker threads run the test binary the main thread built, never a
// build of their own. A worker that rebuilt would pick up a source changed after the main
// thread's build, and report a seed failing in a program the printed replay does not run.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runInWorkers } from '../../sim/cli/command-go-explore-cli.ts';
import { isGoTestProblem, prepareGoTest } from '../../sim/golang/go-test.ts';

const KV = fileURLToPath(new URL('./fixtures/gopath/src/kv', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rpcsim-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('go explore worker threads', () => {
  it('should run the binary the main thread built, even when a source changed since', async () => {
    const pkgDir = join(dir, 'src', 'kv');
    cpSync(KV, pkgDir, { recursive: true });
    const built = prepareGoTest(pkgDir);
    if (isGoTestProblem(built)) throw new Error(`the kv fixture does not build: ${String(built)}`);
    // After the build: a test that always fails, which only a rebuild would contain.
    const testFile = join(pkgDir, 'kv_test.go');
    writeFileSync(testFile, `${readFileSync(testFile, 'utf8')}\nfunc TestAddedAfterTheBuild(t *testing.T) { t.Fatal("a rebuilt binary") }\n`);
    const verdicts = await runInWorkers(built, { dir: pkgDir, run: '^TestAddedAfterTheBuild$' }, [1, 2], 2, false);
    // In the order the workers finished; the command sorts them for its report.
    expect(verdicts.map((v) => [v.seed, v.ok]).sort()).toEqual([[1, true], [2, true]]);
  }, 300_000);
});
