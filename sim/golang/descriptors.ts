// The Go program's descriptor table: one numbering for directories it opened and for sockets
// (listeners and connections), as on Linux, so that File() hands out a number that
// syscall.Shutdown and Close understand. Descriptors 0-2 are the standard streams.

import type { Endpoint } from '../net/endpoint.ts';
import type { Listener } from '../net/listener.ts';

export type Descriptor =
  | { readonly type: 'stdio'; readonly stream: 0 | 1 | 2 }
  | { readonly type: 'dir'; readonly path: string }
  | { readonly type: 'conn'; readonly endpoint: Endpoint }
  | { readonly type: 'listener'; readonly listener: Listener };

/** A system call's failure, as the errno name Go's syscall package maps to an Errno. */
export class Errno {
  constructor(readonly code: string) {}
}

export class DescriptorTable {
  private readonly open = new Map<number, Descriptor>();
  private nextFd = 3;

  constructor() {
    this.open.set(0, { type: 'stdio', stream: 0 });
    this.open.set(1, { type: 'stdio', stream: 1 });
    this.open.set(2, { type: 'stdio', stream: 2 });
  }

  add(descriptor: Descriptor): number {
    const fd = this.nextFd++;
    this.open.set(fd, descriptor);
    return fd;
  }

  get(fd: number): Descriptor | Errno {
    return this.open.get(fd) ?? new Errno('EBADF');
  }

  /** Forgets `fd`; the caller releases what it named. */
  remove(fd: number): Descriptor | Errno {
    const descriptor = this.open.get(fd);
    if (descriptor === undefined) return new Errno('EBADF');
    this.open.delete(fd);
    return descriptor;
  }
}
