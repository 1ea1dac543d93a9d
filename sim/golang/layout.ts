// Where a Go package lives and how `go` must be told about it: a module (a go.mod above it) or
// a GOPATH tree (src/viewservice, src/pbservice and no go.mod, as the 2015 lab is checked out),
// where GOPATH is the directory holding `src` and modules are switched off.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export interface GoPackage {
  readonly dir: string;
  readonly name: string;
  readonly mode: 'module' | 'gopath';
  /** The tree whose .go files can change the build: the module root or GOPATH/src. */
  readonly root: string;
  /** Environment for `go`: GOPATH and GO111MODULE for a GOPATH tree. */
  readonly env: ReadonlyMap<string, string>;
}

export class LayoutProblem {
  constructor(readonly message: string) {}
}

export function locatePackage(path: string): GoPackage | LayoutProblem {
  const dir = resolve(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return new LayoutProblem(`${path}: no such directory; give the directory of a Go package`);
  const goFiles = readdirSync(dir).filter((name) => name.endsWith('.go'));
  if (goFiles.length === 0) return new LayoutProblem(`${path}: not a Go package (no .go files in it)`);
  if (!goFiles.some((name) => name.endsWith('_test.go'))) return new LayoutProblem(`${path}: the package has no _test.go files, so there are no tests to run`);
  const name = basename(dir);
  for (let up = dir; ; up = dirname(up)) {
    if (existsSync(join(up, 'go.mod'))) return { dir, name, mode: 'module', root: up, env: new Map([['GO111MODULE', 'on']]) };
    if (basename(up) === 'src' && up !== dir) {
      return { dir, name, mode: 'gopath', root: up, env: new Map([['GOPATH', dirname(up)], ['GO111MODULE', 'off']]) };
    }
    if (dirname(up) === up) break;
  }
  return new LayoutProblem(`${path}: neither in a module (no go.mod above it) nor in a GOPATH tree (no src/ directory above it)`);
}
