// Go net/rpc's client, as in net/rpc/client.go: a pending-call map, an input loop that reads
// responses and, on the first read error, fails every pending call with it (EOF becomes
// "unexpected EOF") and marks the client shut down, so later calls fail at once with
// "connection is shut down" without writing anything. Go's input goroutine only ever blocks in
// Read, so here it is a kernel callback on the socket (Endpoint.watchReadable): it runs when a
// blocked reader would be woken, at the same latency, with no goroutine to start or resume.

import type { KernelCallback } from '../kernel/event-queue.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Waiter } from '../kernel/task.ts';
import type { Process } from '../kernel/process.ts';
import { WOULD_BLOCK, type Endpoint } from '../net/endpoint.ts';
import { GoError } from '../net/errors.ts';
import type { Network } from '../net/network.ts';
import { world } from '../runtime/active.ts';
import { frameLabel, type RequestFrame, type ResponseFrame } from './frames.ts';
import { ErrShutdown, ErrUnexpectedEOF, serverError } from './rpc-errors.ts';

export type CallResult = { readonly ok: true; readonly reply: unknown } | { readonly ok: false; readonly error: GoError };

interface PendingCall {
  readonly method: string;
  waiter: Waiter<CallResult> | null;
}

export class RpcClient implements KernelCallback {
  private nextSeq = 0;
  private readonly pending = new Map<number, PendingCall>();
  private shutdown = false;
  private closing = false;

  private constructor(
    private readonly kernel: Kernel,
    private readonly net: Network,
    private readonly conn: Endpoint,
    private readonly proc: Process,
  ) {}

  /** rpc.Dial("unix", path): connect, then start the input loop. */
  static dial(path: string): RpcClient | GoError {
    const w = world();
    const proc = w.kernel.currentProcess();
    const conn = w.net.dial(proc, path);
    if (conn instanceof GoError) return conn;
    const client = new RpcClient(w.kernel, w.net, conn, proc);
    conn.watchReadable(client);
    return client;
  }

  /** client.Call: send the request, then wait for the input goroutine to deliver the result. */
  async call(method: string, args: unknown): Promise<CallResult> {
    // The caller's goroutine encodes the request: the window in which a server that closes at
    // once beats the write (broken pipe), or the input goroutine even sees EOF first (shut down).
    await this.kernel.sleep(this.net.encodeDelayMicros());
    if (this.shutdown || this.closing) return { ok: false, error: ErrShutdown };
    const seq = this.nextSeq++;
    const call: PendingCall = { method, waiter: null };
    this.pending.set(seq, call);
    const request: RequestFrame = { seq, method, args };
    const writeError = this.conn.write(request, frameLabel(method, seq, 'request'));
    if (writeError !== null) {
      this.pending.delete(seq);
      return this.returned(method, seq, { ok: false, error: writeError });
    }
    const waiter = this.kernel.block<CallResult>('rpc call');
    call.waiter = waiter;
    return this.returned(method, seq, await waiter.promise);
  }

  /** client.Close: the input goroutine's blocked read fails, and it exits quietly. */
  close(): GoError | null {
    if (this.closing) return ErrShutdown;
    this.closing = true;
    // With no call waiting, the input loop's last read (closed fd) would tell no one anything.
    if (this.pending.size === 0) this.conn.watchReadable(null);
    return this.conn.close();
  }

  private returned(method: string, seq: number, result: CallResult): CallResult {
    if (this.net.tracing) {
      const error = result.ok ? '' : result.error.message;
      this.net.trace({ type: 'rpc-return', conn: this.conn.conn, method, seq, error });
    }
    return result;
  }

  /** The socket is readable (a KernelCallback): one turn of the loop, acting for the process. */
  run(): void {
    if (!this.kernel.mayRunFor(this.proc, this)) return; // dead, or paused until resumed
    const outer = this.kernel.enter(this.proc, this.proc.taskLabel('rpc-input'));
    try {
      this.input();
    } finally {
      this.kernel.leave(outer);
    }
  }

  /** One turn of Go's input loop: every frame that has arrived, then back to waiting. */
  private input(): void {
    let failure: GoError;
    for (;;) {
      const frame = this.conn.readNow();
      if (frame === WOULD_BLOCK) {
        this.conn.watchReadable(this);
        return;
      }
      if (frame instanceof GoError) {
        failure = frame;
        break;
      }
      const response = frame as ResponseFrame;
      const call = this.pending.get(response.seq);
      if (call === undefined) continue; // Go reads and discards a response nobody waits for
      this.pending.delete(response.seq);
      this.deliver(call, response.error !== '' ? { ok: false, error: serverError(response.error) } : { ok: true, reply: response.reply });
    }
    this.shutdown = true;
    let error = failure;
    if (failure.code === 'EOF') error = this.closing ? ErrShutdown : ErrUnexpectedEOF;
    for (const call of this.pending.values()) this.deliver(call, { ok: false, error });
    this.pending.clear();
  }


  /** The input loop hands the result to the waiting call: the first one resumes in this very
   *  event (Go's input goroutine would wake it at once), any more get events of their own. */
  private deliver(call: PendingCall, result: CallResult): void {
    const waiter = call.waiter;
    if (waiter === null) return;
    if (!this.kernel.resumeNow(waiter, result)) this.kernel.wake(waiter, result);
  }
}
