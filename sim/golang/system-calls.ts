// The `fs` object the Go program's syscall package calls (Go's js port routes every file
// system call through a JavaScript `fs` with Node's callback signatures): directories, socket
// files, stdout and stderr, and Close on a socket descriptor (an os.File from File()). Each
// call first spends its cost in virtual time (call-cost.ts), then acts and calls Go back.

import type { Kernel } from '../kernel/kernel.ts';
import type { Process } from '../kernel/process.ts';
import type { CallCost } from './call-cost.ts';
import { Errno, type DescriptorTable } from './descriptors.ts';
import type { GoFiles } from './files.ts';
import type { GoSockets } from './sockets.ts';

type Callback = (error: { code: string } | null, value?: unknown) => void;
type Outcome = unknown | Errno;

export interface SystemCallDeps {
  readonly kernel: Kernel;
  readonly proc: Process;
  readonly fds: DescriptorTable;
  readonly files: GoFiles;
  readonly sockets: GoSockets;
  readonly cost: CallCost;
  /** Whether the Go program can still be called back (false once it exited). */
  readonly alive: () => boolean;
  /** Text the program wrote to descriptor 1 or 2. */
  readonly output: (stream: 1 | 2, bytes: Uint8Array) => void;
}

/** Node's open flags, as Go's syscall package reads them from fs.constants. */
const CONSTANTS = { O_WRONLY: 1, O_RDWR: 2, O_CREAT: 64, O_EXCL: 128, O_TRUNC: 512, O_APPEND: 1024 };

export function systemCalls(deps: SystemCallDeps): Record<string, unknown> {
  const { kernel, proc, fds, files, sockets } = deps;

  const answer = (callback: Callback, outcome: Outcome): void => {
    if (!deps.alive()) return;
    if (outcome instanceof Errno) callback({ code: outcome.code });
    else callback(null, outcome);
  };
  /** Runs `act` after the call's cost (and what earlier calls owe), acting for the Go process,
   *  then answers Go: one kernel event. */
  const call = (_name: string, callback: Callback, act: () => Outcome): void => {
    kernel.at(deps.cost.payMicros(), () => kernel.within(proc, () => answer(callback, act())));
  };
  const notImplemented = (name: string) => (...args: unknown[]) => call(name, args[args.length - 1] as Callback, () => new Errno('ENOSYS'));

  const write = (fd: number, bytes: Uint8Array): number | Errno => {
    const descriptor = fds.get(fd);
    if (descriptor instanceof Errno) return descriptor;
    if (descriptor.type === 'stdio' && descriptor.stream !== 0) {
      deps.output(descriptor.stream, bytes);
      return bytes.length;
    }
    if (descriptor.type === 'conn') return sockets.send(fd, bytes);
    return new Errno('EBADF');
  };

  const close = (fd: number): null | Errno => {
    const descriptor = fds.get(fd);
    if (descriptor instanceof Errno) return descriptor;
    if (descriptor.type === 'conn' || descriptor.type === 'listener') return sockets.close(fd);
    fds.remove(fd);
    return null;
  };

  return {
    constants: CONSTANTS,
    // Output is not a system call of the simulated machine: the runtime's own writes (panics,
    // print) and, through our overlay, every write to stdout and stderr arrive here, at once and
    // at no cost in virtual time or randomness: output is not a network.
    writeSync(fd: number, bytes: Uint8Array): number {
      const written = write(fd, bytes);
      return written instanceof Errno ? 0 : written;
    },
    write(fd: number, buffer: Uint8Array, offset: number, length: number, _position: unknown, callback: Callback): void {
      const bytes = buffer.slice(offset, offset + length);
      call('write', callback, () => write(fd, bytes));
    },
    open(path: string, _flags: number, _mode: number, callback: Callback): void {
      call('open', callback, () => (files.isDir(path) ? fds.add({ type: 'dir', path: files.resolve(path) }) : new Errno(files.stat(path) instanceof Errno ? 'ENOENT' : 'ENOSYS')));
    },
    close(fd: number, callback: Callback): void {
      call('close', callback, () => close(fd));
    },
    fstat(fd: number, callback: Callback): void {
      call('fstat', callback, () => {
        const descriptor = fds.get(fd);
        if (descriptor instanceof Errno) return descriptor;
        return descriptor.type === 'dir' ? files.stat(descriptor.path) : new Errno('ENOSYS');
      });
    },
    stat: (path: string, callback: Callback) => call('stat', callback, () => files.stat(path)),
    lstat: (path: string, callback: Callback) => call('lstat', callback, () => files.stat(path)),
    mkdir: (path: string, _mode: number, callback: Callback) => call('mkdir', callback, () => files.mkdir(path)),
    rmdir: (path: string, callback: Callback) => call('rmdir', callback, () => files.rmdir(path)),
    readdir: (path: string, callback: Callback) => call('readdir', callback, () => files.readdir(path)),
    unlink: (path: string, callback: Callback) => call('unlink', callback, () => files.unlink(path)),
    link: (from: string, to: string, callback: Callback) => call('link', callback, () => files.link(from, to)),
    rename: (from: string, to: string, callback: Callback) => call('rename', callback, () => files.rename(from, to)),
    fsync: (_fd: number, callback: Callback) => call('fsync', callback, () => null),
    read: notImplemented('read'),
    chmod: notImplemented('chmod'),
    chown: notImplemented('chown'),
    fchmod: notImplemented('fchmod'),
    fchown: notImplemented('fchown'),
    lchown: notImplemented('lchown'),
    ftruncate: notImplemented('ftruncate'),
    truncate: notImplemented('truncate'),
    readlink: notImplemented('readlink'),
    symlink: notImplemented('symlink'),
    utimes: notImplemented('utimes'),
    // fcntl's O_NONBLOCK, asked by os.NewFile and cleared by Fd() (our overlays of
    // internal/syscall/unix and syscall): answered at once, as the flag is only bookkeeping.
    isNonblock: (fd: number): boolean => sockets.isNonblock(fd),
    setNonblock: (fd: number, nonblocking: boolean): void => sockets.setNonblock(fd, nonblocking),
    // syscall.Shutdown (our overlay of syscall/net_js.go) on a descriptor from File(). It acts
    // when called, as shutdown(2) does, and only its return costs time: the 2015 accept loop
    // passes `int(f.Fd())` and drops f, so while a deferred shutdown waited, Go's finalizer for
    // f could close that descriptor first and the loop printed "shutdown: bad file descriptor",
    // which real Go never does.
    shutdown: (fd: number, how: number, callback: Callback) => {
      const outcome = sockets.shutdown(fd, how);
      call('shutdown', callback, () => outcome);
    },
  };
}
