// A listening unix socket: a backlog of connections not yet accepted and at most one goroutine
// blocked in Accept. Go's UnixListener.Close also unlinks the socket's path name (whatever file
// that name now refers to); a process dying closes the listener but leaves the file behind.

import { assert } from '../kernel/assert.ts';
import { Label } from '../kernel/label.ts';
import type { KernelCallback } from '../kernel/event-queue.ts';
import type { FileDescriptor, Process } from '../kernel/process.ts';
import type { Waiter } from '../kernel/task.ts';
import type { Endpoint } from './endpoint.ts';
import { acceptClosedError, type GoError } from './errors.ts';
import type { Network } from './network.ts';

export class Listener implements FileDescriptor {
  closed = false;
  // Its place among its owner's open descriptors (Process.fds).
  linkedPrev: FileDescriptor | null = null;
  linkedNext: FileDescriptor | null = null;
  linkedIn: object | null = null;
  private readonly backlog: Endpoint[] = [];
  private acceptor: Waiter<Endpoint | GoError> | null = null;
  /** An acceptor that is a kernel callback, not a blocked goroutine (the lab's accept loop):
   *  the wake that would resume a goroutine runs this instead, once, at the same latency. */
  private watcher: KernelCallback | null = null;
  /** `path` as accept events carry it. */
  private readonly pathLabel: Label;

  constructor(
    private readonly net: Network,
    readonly owner: Process,
    readonly path: string,
  ) {
    this.pathLabel = new Label(path);
  }

  get backlogLength(): number {
    return this.backlog.length;
  }

  /** Called by dial: the new connection waits here until accepted. */
  enqueue(endpoint: Endpoint): void {
    assert(!this.closed, 'enqueue on a closed listener');
    endpoint.embryo = true;
    this.backlog.push(endpoint);
    this.notifyAcceptor();
  }

  /** Like Endpoint.read, not an async function: a blocked accept takes the connection when the
   *  kernel resumes it (Waiter.produce). */
  accept(): Promise<Endpoint | GoError> {
    const ready = this.tryAccept();
    if (ready !== null) return Promise.resolve(ready);
    if (this.acceptor !== null || this.watcher !== null) assert(false, `${this.path}: two goroutines accept on one listener`);
    const waiter = this.net.kernel.block<Endpoint | GoError>('accept');
    waiter.produce = this.acceptWhenWoken;
    this.acceptor = waiter;
    return waiter.promise;
  }

  /** What an Accept would return right now, or undefined when it would wait (see watchAcceptable). */
  acceptNow(): Endpoint | GoError | undefined {
    if (this.acceptor !== null) assert(false, `${this.path}: two goroutines accept on one listener`);
    return this.tryAccept() ?? undefined;
  }

  /** Calls `callback` (once) when an Accept would no longer wait, after the wake latency a
   *  blocked goroutine would have. The callback re-arms it if it wants more. */
  watchAcceptable(callback: KernelCallback | null): void {
    if (callback !== null && (this.acceptor !== null || (this.watcher !== null && this.watcher !== callback))) assert(false, `${this.path}: two goroutines accept on one listener`);
    this.watcher = callback;
  }

  /** A woken acceptor's accept, made once: a server accepts once per RPC. */
  private readonly acceptWhenWoken = (): Endpoint | GoError | Promise<Endpoint | GoError> => this.tryAccept() ?? this.accept();

  private tryAccept(): Endpoint | GoError | null {
    if (this.closed) return acceptClosedError(this.path);
    const endpoint = this.backlog.shift();
    if (endpoint === undefined) return null;
    endpoint.embryo = false;
    endpoint.owner = this.net.kernel.currentProcess();
    endpoint.owner.fds.add(endpoint);
    if (this.net.tracing) this.net.traceConnect('accept', this.pathLabel, endpoint.conn);
    return endpoint;
  }

  /** Go's Close: stop listening, reset every connection still in the backlog, unlink the path. */
  close(): void {
    if (this.closed) return;
    this.shut();
    this.net.unlinkIfPresent(this.path);
  }

  closeOnCrash(): void {
    if (!this.closed) this.shut();
  }

  private shut(): void {
    this.closed = true;
    this.owner.fds.delete(this);
    this.net.detachListener(this);
    for (const endpoint of this.backlog.splice(0)) endpoint.close();
    this.notifyAcceptor();
  }

  private notifyAcceptor(): void {
    const acceptor = this.acceptor;
    if (acceptor !== null) {
      this.acceptor = null;
      this.net.kernel.wakeToProduce(acceptor, this.net.wakeLatencyMicros());
      return;
    }
    const watcher = this.watcher;
    if (watcher === null) return;
    this.watcher = null;
    this.net.kernel.at(this.net.wakeLatencyMicros(), watcher);
  }
}
