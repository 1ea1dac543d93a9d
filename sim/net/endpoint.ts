// One end of a connected unix stream socket, with Linux AF_UNIX semantics (net/unix/af_unix.c):
// - write puts the frame straight into the peer's receive queue, or fails with EPIPE if this end
//   was shut for writing or the peer has closed;
// - read returns queued data first, then a pending error (ECONNRESET, set when the peer closed
//   with unread data or was never accepted), then EOF once the peer shut down or closed;
// - close with unread data, or of a connection still in a listener's backlog, resets the peer.
// A fault plan may mark one arrived frame to be dropped: when this end comes to read it, it does
// what the 6.824 unreliable accept loop does to a connection, as this end's own process.

import { assert } from '../kernel/assert.ts';
import { textOf, type Label } from '../kernel/label.ts';
import type { FileDescriptor, Process } from '../kernel/process.ts';
import type { KernelCallback } from '../kernel/event-queue.ts';
import type { Waiter } from '../kernel/task.ts';
import { EOF, GoError, opError, type AddressPair } from './errors.ts';
import type { Network } from './network.ts';
import { copyWireValue } from './wire.ts';

export class Endpoint implements FileDescriptor {
  peer!: Endpoint;
  /** Still in a listener's backlog: closing it resets the peer even with nothing unread. */
  embryo = false;
  /** The receive queue, each frame followed by its trace label: no record per frame, and one
   *  array per socket. `queueHead` is the slot of the next frame to read. */
  private readonly queue: unknown[] = [];
  private queueHead = 0;
  private pendingReset = false;
  private peerShutWrite = false; // RCV_SHUTDOWN: read gives EOF once the queue is empty
  private peerClosed = false; // write gives EPIPE
  private shutWrite = false; // our own SHUT_WR
  closed = false;
  // Its place among its owner's open descriptors (Process.fds).
  linkedPrev: FileDescriptor | null = null;
  linkedNext: FileDescriptor | null = null;
  linkedIn: object | null = null;
  /** Open file descriptors for this socket: File() dups one, and the socket closes with the last. */
  private fdCount = 1;
  private reader: Waiter<unknown> | null = null;
  /** A frame in the receive queue a fault plan drops when it comes to be read (see planDrop). */
  private plannedDrop: { readonly index: number; readonly message: 'request' | 'reply' } | null = null;
  /** A reader that is a kernel callback, not a blocked goroutine (rpc's input loop, ServeConn):
   *  the wake that would resume a goroutine runs this instead, once, at the same latency. */
  private watcher: KernelCallback | null = null;

  constructor(
    private readonly net: Network,
    public owner: Process,
    readonly conn: number,
    readonly addr: AddressPair,
  ) {}

  get unread(): number {
    return (this.queue.length - this.queueHead) >> 1;
  }

  write(frame: unknown, what: string): GoError | null {
    return this.writeOwned(copyWireValue(frame), what);
  }

  /** write() for a frame its writer has just built and keeps no reference to, with every part
   *  it took from its goroutine's data already copied (rpc's request and response frames):
   *  the frame itself can cross as it is. */
  writeOwned(frame: unknown, what: string | Label): GoError | null {
    if (this.closed || !this.owner.alive) return this.fail(opError('write', this.addr, 'ECLOSED'));
    if (this.shutWrite || this.peerClosed) return this.fail(opError('write', this.addr, 'EPIPE'));
    const peer = this.peer;
    if (peer.unread >= this.net.timing.receiveQueueMax) assert(false, `conn ${this.conn}: receive queue overflow`);
    peer.queue.push(frame, what);
    if (this.net.tracing) this.net.traceFrame('send', this.conn, what);
    if (this.net.dropsArmed && this.addr.local === DIALER) this.net.takeDrop(this, textOf(what));
    peer.notifyReader();
    return null;
  }

  /** Resolves with the next frame, or the GoError a Go read would return. Not an async
   *  function: a read that finds data costs one settled promise, and a blocked one reads when
   *  the kernel resumes it (Waiter.produce), whatever has arrived by then. */
  read(): Promise<unknown> {
    const result = this.tryRead();
    if (result !== WOULD_BLOCK) return Promise.resolve(result);
    if (this.reader !== null || this.watcher !== null) assert(false, `conn ${this.conn}: two goroutines read one socket`);
    const waiter = this.net.kernel.block<unknown>('read');
    // Every wake follows a change a read reports (data, reset, EOF, close), so the retry is
    // only a guard: it blocks again, as a woken Go reader with nothing to read would.
    waiter.produce = () => {
      const ready = this.tryRead();
      return ready !== WOULD_BLOCK ? ready : this.read();
    };
    this.reader = waiter;
    return waiter.promise;
  }

  /** What a read would return right now (the next frame, or the GoError a Go read would
   *  return), or undefined when it would wait: for a host that answers a ready read without
   *  parking the reader, and for readers that are kernel callbacks (see watchReadable). */
  readNow(): unknown {
    if (this.reader !== null) return undefined; // someone is already waiting: join the queue
    const result = this.tryRead();
    return result === WOULD_BLOCK ? undefined : result;
  }

  /** Calls `callback` (once) when a read would no longer block, after the wake latency a
   *  blocked goroutine would have. The callback re-arms it if it wants more. */
  watchReadable(callback: KernelCallback | null): void {
    if (callback !== null && this.reader !== null) assert(false, `conn ${this.conn}: a goroutine and a callback both read one socket`);
    this.watcher = callback;
  }

  private tryRead(): unknown {
    // Reading a socket this process closed itself is how Go's rpc client input loop ends: not news.
    if (this.closed) return opError('read', this.addr, 'ECLOSED');
    if (this.queueHead < this.queue.length) {
      if (this.plannedDrop !== null && this.plannedDrop.index === this.queueHead && this.dropPlanned()) return opError('read', this.addr, 'ECLOSED');
      const head = this.queueHead;
      this.queueHead += 2;
      const frame = this.queue[head];
      const what = this.queue[head + 1] as string | Label;
      this.queue[head] = undefined;
      if (this.queueHead === this.queue.length) {
        // Emptied: pop() each slot (a socket rarely holds more than a frame or two), since
        // setting length goes through a slow runtime call.
        while (this.queue.length > 0) this.queue.pop();
        this.queueHead = 0;
      }
      if (this.net.tracing) this.net.traceFrame('recv', this.conn, what);
      return frame;
    }
    if (this.pendingReset) {
      this.pendingReset = false; // sock_error() consumes sk_err: the next read sees EOF
      return this.fail(opError('read', this.addr, 'ECONNRESET'));
    }
    if (this.peerShutWrite) return EOF;
    return WOULD_BLOCK;
  }

  shutdownWrite(): GoError | null {
    if (this.closed) return opError('write', this.addr, 'ECLOSED');
    this.shutWrite = true;
    this.net.trace({ type: 'shutdown', conn: this.conn });
    this.peer.peerShutWrite = true;
    this.peer.notifyReader();
    return null;
  }

  /** UnixConn.File(): a second descriptor for the same socket (6.824 never closes it). */
  dup(): void {
    this.fdCount++;
  }

  /** The 6.824 unreliable server's "process the request but force discard of reply": a dup'd
   *  fd it never closes, and shutdown(SHUT_WR), so the caller reads EOF and the reply cannot be
   *  written. The request is still read and served. */
  dropReply(): GoError | null {
    this.dup();
    return this.shutdownWrite();
  }

  /** True while a fault plan's drop waits on this end (one at a time). */
  get dropPending(): boolean {
    return this.plannedDrop !== null;
  }

  /** Marks the frame that just arrived (the last queued) to be dropped when this end reads it:
   *  a request is never read (the connection is closed with it unread, as the unreliable accept
   *  loop discards a request), a reply is lost (dropReply, then the request is served). Acting at
   *  the read, as the reading process, keeps a paused or not-yet-accepting server's timing. */
  planDrop(message: 'request' | 'reply'): void {
    assert(this.plannedDrop === null && this.unread > 0, `conn ${this.conn}: a drop planned twice, or on nothing`);
    this.plannedDrop = { index: this.queue.length - 2, message };
  }

  /** The read reached the frame a plan drops; true if the read ends here (the connection closed). */
  private dropPlanned(): boolean {
    const message = this.plannedDrop!.message;
    this.plannedDrop = null;
    if (message === 'reply') {
      const error = this.dropReply();
      assert(error === null, `conn ${this.conn}: shutdown of an open socket failed`);
      return false;
    }
    this.close(); // discard the request: closed unread, so the caller's read is reset
    return true;
  }

  close(): GoError | null {
    if (this.closed) return opError('read', this.addr, 'ECLOSED');
    if (--this.fdCount > 0) return null;
    this.forceClose();
    return null;
  }

  closeOnCrash(): void {
    if (!this.closed) this.forceClose(); // process death closes every descriptor, dups included
  }

  private forceClose(): void {
    this.closed = true;
    this.owner.fds.delete(this);
    const unread = this.unread;
    if (this.net.tracing) this.net.traceClose(this.conn, this.embryo ? Math.max(unread, 1) : unread);
    const peer = this.peer;
    if (unread > 0 || this.embryo) peer.pendingReset = true;
    peer.peerShutWrite = true;
    peer.peerClosed = true;
    peer.notifyReader();
    this.notifyReader(); // a goroutine blocked reading this fd gets "use of closed network connection"
  }

  private notifyReader(): void {
    const reader = this.reader;
    if (reader !== null) {
      this.reader = null;
      this.net.kernel.wakeToProduce(reader, this.net.wakeLatencyMicros());
      return;
    }
    const watcher = this.watcher;
    if (watcher === null) return;
    this.watcher = null;
    this.net.kernel.at(this.net.wakeLatencyMicros(), watcher);
  }

  private fail(error: GoError): GoError {
    if (this.net.tracing) this.net.trace({ type: 'error', conn: this.conn, error: error.message });
    return error;
  }
}

const WOULD_BLOCK: unique symbol = Symbol('would block');

/** The local address of a dialed socket (Go prints it "@"): the calling end of a connection. */
const DIALER = '@';
