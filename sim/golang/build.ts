// Builds a package's tests as a js/wasm binary (`go test -c`) with rpcsim's build overlay:
// our net_rpcsim.go in place of net/net_fake.go, our syscall/net_js.go (SHUT_WR, Shutdown,
// SetNonblock), an IsNonblock that asks the host (so Fd() on a File() dup sets blocking mode
// as on Linux), Linux error texts, stdout and stderr written at once, outside the simulated
// machine (stdio_write_js.go), a file added to the runtime that starts goroutines with larger
// stacks (stack_start_rpcsim.go), and the toolchain's own wasm IndexByte with Go's later fix for
// heaps past 2 GiB, patched at build time (toolchain-patches.ts). The overlay adds files to
// standard packages, which `go vet` rejects, hence -vet=off here and `go test`'s vet checks run
// apart (vet.ts). Go's own GOCACHE makes a rebuild cheap; on top of that a finished binary is
// kept under a key made of the Go version, the overlay and every .go file of the package's
// tree, so running the same code again (another seed, the same test) does not even link.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GoPackage } from './layout.ts';
import type { GoToolchain } from './toolchain.ts';
import { patchedToolchainFiles } from './toolchain-patches.ts';
import { GO_TEST_VET_CHECKS, vetLikeGoTest } from './vet.ts';

const OVERLAY_DIR = overlayDir();

/** Our overlay's folder: beside this module in the sources, or (when this module is the CLI bundle
 *  in dist/) at sim/golang/overlay under the package root above it. */
function overlayDir(): string {
  for (let dir = fileURLToPath(new URL('.', import.meta.url)); ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'overlay'), join(dir, 'sim', 'golang', 'overlay')]) if (existsSync(join(candidate, 'net'))) return `${candidate}/`;
    if (dirname(dir) === dir) throw new Error('cannot find sim/golang/overlay above this module');
  }
}

/** Toolchain file (under GOROOT/src) → our file that replaces or joins it. */
const OVERLAY: readonly (readonly [string, string])[] = [
  ['net/net_fake.go', 'net/net_rpcsim.go'],
  ['syscall/net_js.go', 'syscall/net_js.go'],
  ['syscall/errno_linux_text_js.go', 'syscall/errno_linux_text_js.go'],
  ['syscall/time_nofake.go', 'syscall/stdio_write_js.go'],
  ['runtime/stack_start_rpcsim.go', 'runtime/stack_start_rpcsim.go'],
  ['internal/syscall/unix/nonblocking_js.go', 'internal/syscall/unix/nonblocking_js.go'],
];

/** Beyond this many .go files the tree is not hashed (a whole GOPATH): Go's cache still helps. */
const HASHED_FILES_MAX = 5000;

export interface GoBinary {
  readonly path: string;
  readonly key: string | null;
  readonly cached: boolean;
}

/** Go's own build output (or vet's, when `go test`'s vet checks refuse the package), printed as it is. */
export class BuildFailure {
  constructor(
    readonly output: string,
    readonly stage: 'build' | 'vet' = 'build',
  ) {}
}

export function goCacheDir(): string {
  return process.env['RPCSIM_CACHE'] ?? join(homedir(), '.cache', 'rpcsim', 'go');
}

/** Toolchain path → the file the build uses instead: ours, or the toolchain's own, patched. */
function overlayEntries(goroot: string): [string, string][] {
  const ours = OVERLAY.map(([target, file]): [string, string] => [join(goroot, 'src', target), join(OVERLAY_DIR, file)]);
  return [...ours, ...patchedToolchainFiles(goroot, goCacheDir())];
}

function goFilesOf(root: string): string[] | null {
  const found: string[] = [];
  const walk = (dir: string): boolean => {
    for (const name of readdirSync(dir).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (!walk(path)) return false;
      } else if (name.endsWith('.go') || name === 'go.mod' || name === 'go.sum') {
        found.push(path);
        if (found.length > HASHED_FILES_MAX) return false;
      }
    }
    return true;
  };
  return walk(root) ? found : null;
}

function buildKey(pkg: GoPackage, toolchain: GoToolchain, overlay: readonly (readonly [string, string])[]): string | null {
  const files = goFilesOf(pkg.root);
  if (files === null) return null;
  const hash = createHash('sha256');
  hash.update(`${toolchain.version}\n${pkg.dir}\n${pkg.mode}\nvet ${GO_TEST_VET_CHECKS.join(',')}\n`);
  for (const [, used] of overlay) hash.update(readFileSync(used));
  for (const file of files) hash.update(`${relative(pkg.root, file)}\n`).update(readFileSync(file));
  return hash.digest('hex').slice(0, 20);
}

export function buildTestBinary(pkg: GoPackage, toolchain: GoToolchain): GoBinary | BuildFailure {
  const cache = goCacheDir();
  mkdirSync(cache, { recursive: true });
  // Once per build: the patched toolchain files are written here, and both the key and the
  // overlay file name them.
  const entries = overlayEntries(toolchain.goroot);
  const key = buildKey(pkg, toolchain, entries);
  const path = join(cache, key === null ? `${pkg.name}.test.wasm` : `${pkg.name}-${key}.test.wasm`);
  if (key !== null && existsSync(path)) return { path, key, cached: true };
  // Named by its content: checkouts in other folders share the cache, and each overlay file
  // names the folder it is in, so one shared name let a build run with another checkout's overlay.
  const overlay = JSON.stringify({ Replace: Object.fromEntries(entries) });
  const overlayPath = join(cache, `overlay-${toolchain.version}-${createHash('sha256').update(overlay).digest('hex').slice(0, 12)}.json`);
  writeFileSync(overlayPath, overlay);
  const partial = `${path}.${process.pid}.part`;
  const built = spawnSync(toolchain.command, ['test', '-c', '-vet=off', '-overlay', overlayPath, '-o', partial, '.'], {
    cwd: pkg.dir,
    encoding: 'utf8',
    env: { ...process.env, ...Object.fromEntries(pkg.env), GOOS: 'js', GOARCH: 'wasm' },
  });
  if (built.status !== 0 || !existsSync(partial)) return new BuildFailure(`${built.stdout}${built.stderr}`.trimEnd());
  // After the build, so a compile error reads as the compiler's; before the cache, so only a vetted binary is kept.
  const vetOutput = vetLikeGoTest(pkg, toolchain);
  if (vetOutput !== null) {
    rmSync(partial, { force: true });
    return new BuildFailure(vetOutput, 'vet');
  }
  renameSync(partial, path); // whole or not at all: parallel runs may build the same key
  return { path, key, cached: false };
}
