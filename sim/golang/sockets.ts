// The Go program's unix sockets, answered by rpcsim's socket model (sim/net): listen, dial,
// accept, recv, send, shutdown, dup (File()) and close, on descriptors of the program's table.
// Bytes cross the model as one frame per write; a read smaller than the frame at the head of
// the queue takes part of it and leaves the rest for the next read, as a stream socket does.

import type { Process } from '../kernel/process.ts';
import type { Endpoint } from '../net/endpoint.ts';
import { GoError } from '../net/errors.ts';
import type { Network } from '../net/network.ts';
import { DescriptorTable, Errno } from './descriptors.ts';
import type { GoFiles } from './files.ts';
import type { GoFaults } from './socket-faults.ts';

const SHUT_RD = 0;

export class GoSockets {
  /** Bytes of a frame a short read left behind, per socket (shared by its dups). */
  private readonly leftovers = new Map<Endpoint, Uint8Array>();
  /** Connections this program dialed and has not written to yet. */
  private readonly unwritten = new Set<Endpoint>();
  /** Sockets put into blocking mode (Fd() on a File() dup): the mode is the socket's, as
   *  O_NONBLOCK belongs to the open file that dups share. Sockets start non-blocking, as Go's.
   *  Weak: a closed socket leaves with its last descriptor. */
  private readonly blocking = new WeakSet<Endpoint>();

  constructor(
    private readonly net: Network,
    private readonly proc: Process,
    private readonly fds: DescriptorTable,
    private readonly files: GoFiles,
    private readonly faults: GoFaults,
  ) {}

  listen(path: string): number | Errno {
    if (!this.files.parentExists(path)) return new Errno('ENOENT');
    const listener = this.net.listen(this.proc, this.files.resolve(path));
    if (listener instanceof GoError) return new Errno(listener.code);
    return this.fds.add({ type: 'listener', listener });
  }

  dial(path: string): number | Errno {
    const endpoint = this.net.dial(this.proc, this.files.resolve(path));
    if (endpoint instanceof GoError) return new Errno(endpoint.code);
    this.unwritten.add(endpoint);
    return this.fds.add({ type: 'conn', endpoint });
  }

  /** True for the first write on a connection this program dialed: the request races the
   *  server's accept (which may close it unread), so it must not be answered at once. */
  isFirstWrite(fd: number): boolean {
    const endpoint = this.endpointOf(fd);
    return !(endpoint instanceof Errno) && this.unwritten.has(endpoint);
  }

  async accept(fd: number): Promise<number | Errno> {
    const descriptor = this.fds.get(fd);
    if (descriptor instanceof Errno) return descriptor;
    if (descriptor.type !== 'listener') return new Errno('EINVAL');
    for (;;) {
      const accepted = await descriptor.listener.accept();
      if (accepted instanceof GoError) return new Errno(accepted.code);
      const fate = this.faults.acceptFate();
      if (fate === 'drop-request') {
        accepted.close(); // the program never sees it: the next connection is accepted
        continue;
      }
      if (fate === 'drop-reply') accepted.shutdownWrite();
      if (fate === 'reset') this.resetLater(accepted);
      return this.fds.add({ type: 'conn', endpoint: accepted });
    }
  }

  private resetLater(endpoint: Endpoint): void {
    const kernel = this.net.kernel;
    kernel.at(this.faults.resetDelayMicros(), () => kernel.within(this.proc, () => endpoint.closeOnCrash()));
  }

  async recv(fd: number, maxBytes: number): Promise<Uint8Array | Errno> {
    const endpoint = this.endpointOf(fd);
    if (endpoint instanceof Errno) return endpoint;
    const delayMicros = this.faults.readDelayMicros();
    if (delayMicros > 0) await this.net.kernel.sleep(delayMicros);
    const left = this.leftovers.get(endpoint);
    const bytes = left ?? (await this.readFrame(endpoint));
    if (bytes instanceof Errno) return bytes;
    return this.take(endpoint, bytes, maxBytes, left !== undefined);
  }

  /** A read answered at once: what is left of a frame, or a frame or error already queued;
   *  undefined when the read would wait. */
  recvNow(fd: number, maxBytes: number): Uint8Array | Errno | undefined {
    const endpoint = this.endpointOf(fd);
    if (endpoint instanceof Errno) return endpoint;
    const left = this.leftovers.get(endpoint);
    if (left !== undefined) return this.take(endpoint, left, maxBytes, true);
    const frame = endpoint.readNow();
    if (frame === undefined) return undefined;
    if (frame instanceof GoError) return new Errno(frame.code);
    return this.take(endpoint, Buffer.from(frame as string, 'latin1'), maxBytes, false);
  }

  private take(endpoint: Endpoint, bytes: Uint8Array, maxBytes: number, wasLeftover: boolean): Uint8Array {
    if (wasLeftover) this.leftovers.delete(endpoint);
    if (bytes.length <= maxBytes) return bytes;
    this.leftovers.set(endpoint, bytes.subarray(maxBytes));
    return bytes.subarray(0, maxBytes);
  }

  private async readFrame(endpoint: Endpoint): Promise<Uint8Array | Errno> {
    const frame = await endpoint.read();
    if (frame instanceof GoError) return new Errno(frame.code);
    return Buffer.from(frame as string, 'latin1');
  }

  send(fd: number, bytes: Uint8Array): number | Errno {
    const endpoint = this.endpointOf(fd);
    if (endpoint instanceof Errno) return endpoint;
    this.unwritten.delete(endpoint);
    // A latin1 string holds the bytes as plain data the wire copies without looking inside.
    const error = endpoint.write(Buffer.from(bytes).toString('latin1'), `${bytes.length} bytes`);
    return error === null ? bytes.length : new Errno(error.code);
  }

  shutdown(fd: number, how: number): null | Errno {
    const endpoint = this.endpointOf(fd);
    if (endpoint instanceof Errno) return endpoint;
    // Only the write side is modelled: shutting the read side changes nothing the lab sees.
    if (how === SHUT_RD) return null;
    const error = endpoint.shutdownWrite();
    return error === null ? null : new Errno(error.code);
  }

  dup(fd: number): number | Errno {
    const descriptor = this.fds.get(fd);
    if (descriptor instanceof Errno) return descriptor;
    // File() on a connection is what the lab needs; a listener's File() is not modelled.
    if (descriptor.type !== 'conn') return new Errno('EINVAL');
    descriptor.endpoint.dup();
    return this.fds.add(descriptor);
  }

  /** Whether a descriptor is a socket in non-blocking mode (os.NewFile asks, for File()). */
  isNonblock(fd: number): boolean {
    const descriptor = this.fds.get(fd);
    if (descriptor instanceof Errno) return false;
    if (descriptor.type === 'listener') return true;
    return descriptor.type === 'conn' && !this.blocking.has(descriptor.endpoint);
  }

  /** fcntl's O_NONBLOCK on a socket; other descriptors keep no mode here. */
  setNonblock(fd: number, nonblocking: boolean): void {
    const endpoint = this.endpointOf(fd);
    if (endpoint instanceof Errno) return;
    if (nonblocking) this.blocking.delete(endpoint);
    else this.blocking.add(endpoint);
  }

  /** True when reads of this descriptor's socket block a thread (its mode is blocking). */
  readsBlockThread(fd: number): boolean {
    const endpoint = this.endpointOf(fd);
    return !(endpoint instanceof Errno) && this.blocking.has(endpoint);
  }

  /** Closes a socket descriptor; the socket closes with its last descriptor. */
  close(fd: number): null | Errno {
    const descriptor = this.fds.remove(fd);
    if (descriptor instanceof Errno) return descriptor;
    if (descriptor.type === 'conn') {
      this.unwritten.delete(descriptor.endpoint);
      const error = descriptor.endpoint.close();
      return error === null ? null : new Errno(error.code);
    }
    // Go's UnixListener.Close has already unlinked the path itself; closing the descriptor
    // only stops listening (and resets connections still waiting to be accepted).
    if (descriptor.type === 'listener') descriptor.listener.closeOnCrash();
    return null;
  }

  private endpointOf(fd: number): Endpoint | Errno {
    const descriptor = this.fds.get(fd);
    if (descriptor instanceof Errno) return descriptor;
    return descriptor.type === 'conn' ? descriptor.endpoint : new Errno('ENOTSOCK');
  }
}
