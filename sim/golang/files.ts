// The Go program's file system: what the 6.824 tests touch. Directories (mkdir, rmdir, stat,
// readdir) are kept here; socket files are the network's names of listeners (sim/net), so
// os.Remove, os.Link and os.Rename on them act on the same namespace Dial looks in. Regular
// files are not modelled: opening one says "not implemented" (ENOSYS), as Go's own js port
// does when it has no file system, rather than pretending.

import { posix } from 'node:path';
import type { Network } from '../net/network.ts';
import { Errno } from './descriptors.ts';

const S_IFDIR = 0o040000;
const S_IFSOCK = 0o140000;

export interface StatResult {
  readonly dev: number;
  readonly ino: number;
  readonly mode: number;
  readonly nlink: number;
  readonly uid: number;
  readonly gid: number;
  readonly rdev: number;
  readonly size: number;
  readonly blksize: number;
  readonly blocks: number;
  readonly atimeMs: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  isDirectory(): boolean;
}

export class GoFiles {
  private readonly dirs = new Set<string>(['/', '/tmp', '/var', '/var/tmp']);

  constructor(
    private readonly net: Network,
    readonly cwd: string,
    private readonly uid: number,
    private readonly clockMs: () => number,
  ) {
    this.mkdirAll(cwd);
  }

  resolve(path: string): string {
    return posix.resolve(this.cwd, path);
  }

  private mkdirAll(path: string): void {
    for (let dir = path; !this.dirs.has(dir); dir = posix.dirname(dir)) this.dirs.add(dir);
  }

  isDir(path: string): boolean {
    return this.dirs.has(this.resolve(path));
  }

  /** A socket may only be bound in a directory that exists (bind: ENOENT otherwise). */
  parentExists(path: string): boolean {
    return this.dirs.has(posix.dirname(this.resolve(path)));
  }

  private exists(path: string): boolean {
    return this.dirs.has(path) || this.net.exists(path);
  }

  stat(rawPath: string): StatResult | Errno {
    const path = this.resolve(rawPath);
    const dir = this.dirs.has(path);
    if (!dir && !this.net.exists(path)) return new Errno('ENOENT');
    const timeMs = this.clockMs();
    return {
      dev: 1, ino: 0, mode: (dir ? S_IFDIR : S_IFSOCK) | 0o755, nlink: 1, uid: this.uid, gid: this.uid, rdev: 0,
      size: 0, blksize: 4096, blocks: 0, atimeMs: timeMs, mtimeMs: timeMs, ctimeMs: timeMs,
      isDirectory: () => dir,
    };
  }

  mkdir(rawPath: string): null | Errno {
    const path = this.resolve(rawPath);
    if (this.exists(path)) return new Errno('EEXIST');
    if (!this.dirs.has(posix.dirname(path))) return new Errno('ENOENT');
    this.dirs.add(path);
    return null;
  }

  rmdir(rawPath: string): null | Errno {
    const path = this.resolve(rawPath);
    if (!this.dirs.has(path)) return new Errno(this.net.exists(path) ? 'ENOTDIR' : 'ENOENT');
    const entries = this.readdir(path);
    if (!(entries instanceof Errno) && entries.length > 0) return new Errno('ENOTEMPTY');
    this.dirs.delete(path);
    return null;
  }

  /** Names in a directory, sorted as a stable answer (Linux gives no order). */
  readdir(rawPath: string): string[] | Errno {
    const path = this.resolve(rawPath);
    if (!this.dirs.has(path)) return new Errno('ENOENT');
    const names = new Set<string>();
    for (const dir of this.dirs) if (dir !== '/' && posix.dirname(dir) === path) names.add(posix.basename(dir));
    for (const socket of this.net.paths()) if (posix.dirname(socket) === path) names.add(posix.basename(socket));
    return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  unlink(rawPath: string): null | Errno {
    const path = this.resolve(rawPath);
    if (this.dirs.has(path)) return new Errno('EISDIR');
    return this.net.remove(path) === null ? null : new Errno('ENOENT');
  }

  link(rawFrom: string, rawTo: string): null | Errno {
    const from = this.resolve(rawFrom);
    const to = this.resolve(rawTo);
    if (this.dirs.has(from)) return new Errno('EPERM');
    if (this.dirs.has(to)) return new Errno('EEXIST');
    if (!this.dirs.has(posix.dirname(to))) return new Errno('ENOENT');
    const error = this.net.link(from, to);
    return error === null ? null : new Errno(error.code);
  }

  rename(rawFrom: string, rawTo: string): null | Errno {
    const from = this.resolve(rawFrom);
    const to = this.resolve(rawTo);
    if (this.dirs.has(from) || this.dirs.has(to)) return new Errno('ENOSYS');
    if (!this.dirs.has(posix.dirname(to))) return new Errno('ENOENT');
    // The network's rename replaces an existing target name, as rename(2) does.
    const error = this.net.rename(from, to);
    return error === null ? null : new Errno(error.code);
  }
}
