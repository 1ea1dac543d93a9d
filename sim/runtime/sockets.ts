// The socket calls simulated programs make, in Go's shape: net.Listen("unix", path),
// net.Dial("unix", path), and the os calls the 6.824 tests use on socket files.

import type { Endpoint } from '../net/endpoint.ts';
import type { GoError } from '../net/errors.ts';
import type { Listener } from '../net/listener.ts';
import { world } from './active.ts';

export function listen(path: string): Listener | GoError {
  const w = world();
  return w.net.listen(w.kernel.currentProcess(), path);
}

export function dial(path: string): Endpoint | GoError {
  const w = world();
  return w.net.dial(w.kernel.currentProcess(), path);
}

export function removeFile(path: string): GoError | null {
  return world().net.remove(path);
}

export function linkFile(path: string, to: string): GoError | null {
  return world().net.link(path, to);
}

export function renameFile(path: string, to: string): GoError | null {
  return world().net.rename(path, to);
}

export function fileExists(path: string): boolean {
  return world().net.exists(path);
}
