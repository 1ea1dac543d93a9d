// The Go reference in protocol/go against the TypeScript one and against real Go: its bug
// switches are exactly the catalogue's, each one guarded at one place in its component's file;
// and, with a Go toolchain, the code is gofmt-clean, viewservice Test1 passes natively on real
// unix sockets, a bug switched on through RPCSIM_BUGS makes it fail with the test's own message,
// and a misspelt bug is refused in one line. (The whole native pbservice suite takes ~110 s of
// real time: `npm run go:native`, not part of npm test.)

import { execFile, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BUGS, type BugComponent } from '../../protocol/index.ts';

const GO_DIR = join(import.meta.dirname, '..', '..', 'protocol', 'go');
const FILES_OF: ReadonlyMap<BugComponent, readonly string[]> = new Map([
  ['viewservice', ['viewservice/server.go']],
  ['pbservice-server', ['pbservice/server.go', 'pbservice/backup.go', 'pbservice/views.go']],
  ['pbservice-clerk', ['pbservice/client.go']],
]);
const GO_COMPONENT: ReadonlyMap<string, BugComponent> = new Map([
  ['viewservice', 'viewservice'],
  ['pbservice server', 'pbservice-server'],
  ['pbservice clerk', 'pbservice-clerk'],
]);

const hasGo = spawnSync('sh', ['-c', 'command -v go'], { stdio: 'ignore' }).status === 0;
const skipNote = hasGo ? '' : ' (skipped: no `go` on PATH; npm test installs golang-go with apt-get when it can)';

/** The Known map of protocol/go/bugs/bugs.go, as name → component. */
function goCatalogue(): Map<string, BugComponent | undefined> {
  const source = readFileSync(join(GO_DIR, 'bugs', 'bugs.go'), 'utf8');
  const out = new Map<string, BugComponent | undefined>();
  for (const match of source.matchAll(/^\t"([a-z-]+)":\s+"([a-z ]+)",$/gm)) out.set(match[1]!, GO_COMPONENT.get(match[2]!));
  return out;
}

/** Every `bugs.On("…")` in a package's non-test Go files, as [file, bug name]. */
function goGuards(): [string, string][] {
  const out: [string, string][] = [];
  for (const dir of ['viewservice', 'pbservice']) {
    for (const name of readdirSync(join(GO_DIR, dir)).sort((a, b) => a.localeCompare(b))) {
      if (!name.endsWith('.go') || name.endsWith('_test.go')) continue;
      for (const match of readFileSync(join(GO_DIR, dir, name), 'utf8').matchAll(/bugs\.On\("([^"]+)"\)/g)) out.push([`${dir}/${name}`, match[1]!]);
    }
  }
  return out;
}

interface GoRun {
  readonly code: number;
  readonly output: string;
}

async function goTest(args: readonly string[], bugs: string): Promise<GoRun> {
  const env = { ...process.env, RPCSIM_BUGS: bugs };
  try {
    const { stdout, stderr } = await promisify(execFile)('go', ['test', '-count=1', ...args], { cwd: GO_DIR, env, maxBuffer: 1 << 24 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: (failed.stdout ?? '') + (failed.stderr ?? '') };
  }
}

describe('Go reference: bug switches', () => {
  it('should switch exactly the catalogued bugs, each under its own component', () => {
    const catalogue = goCatalogue();
    expect([...catalogue.keys()].sort((a, b) => a.localeCompare(b))).toEqual(BUGS.map((bug) => bug.name).sort((a, b) => a.localeCompare(b)));
    for (const bug of BUGS) expect(catalogue.get(bug.name), bug.name).toBe(bug.component);
  });

  it("should guard each bug exactly once, in one of its component's files", () => {
    const guards = goGuards();
    for (const bug of BUGS) {
      const places = guards.filter(([, name]) => name === bug.name).map(([file]) => file);
      expect(places, bug.name).toHaveLength(1);
      expect(FILES_OF.get(bug.component), bug.name).toContain(places[0]);
    }
    expect(guards.length).toBe(BUGS.length);
  });
});

// Each go test process has its own pid, hence its own socket names: the runs can overlap.
describe.skipIf(!hasGo)(`Go reference: native go test${skipNote}`, { concurrent: true }, () => {
  it('should be gofmt-clean', ({ expect }) => {
    const result = spawnSync('gofmt', ['-l', '.'], { cwd: GO_DIR, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('should pass viewservice Test1 and the switch parser on real unix sockets', async ({ expect }) => {
    const run = await goTest(['./bugs', './viewservice'], '');
    expect(run.output).toMatch(/^ok\s+rpcsim\/protocol\/go\/viewservice/m);
    expect(run.code, run.output).toBe(0);
  }, 120_000);

  it('should fail Test1 with its own message when RPCSIM_BUGS=vs-restart-ignored', async ({ expect }) => {
    const run = await goTest(['./viewservice'], 'vs-restart-ignored');
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/test_test\.go:\d+: expected primary=\/var\/tmp\/824-\d+\/viewserver-\d+-3, got \/var\/tmp\/824-\d+\/viewserver-\d+-1/);
  }, 120_000);

  it('should refuse a misspelt bug in one line, naming the known ones', async ({ expect }) => {
    const run = await goTest(['./viewservice'], 'vs-restart-ignord');
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/^RPCSIM_BUGS: unknown bug "vs-restart-ignord"; known bugs: backup-accepts-any-sender, /m);
    expect(run.output).not.toMatch(/Test1|panic/);
  }, 120_000);
});
