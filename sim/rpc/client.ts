// Go net/rpc's client, as in net/rpc/client.go: a pending-call map, an input goroutine that
// reads responses and, on the first read error, fails every pending call with it (EOF becomes
// "unexpected EOF") and marks the client shut down, so later calls fail at once with
// "connection is shut down" without writing anything.

import type { Kernel } from '../kernel/kernel.ts';
import type { Waiter } from '../kernel/task.ts';
import type { Endpoint } from '../net/endpoint.ts';
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

export class RpcClient {
  private nextSeq = 0;
  private readonly pending = new Map<number, PendingCall>();
  private shutdown = false;
  private closing = false;

  private constructor(
    private readonly kernel: Kernel,
    private readonly net: Network,
    private readonly conn: Endpoint,
  ) {}

  /** rpc.Dial("unix", path): connect, then start the input goroutine. */
  static dial(path: string): RpcClient | GoError {
    const w = world();
    const conn = w.net.dial(w.kernel.currentProcess(), path);
    if (conn instanceof GoError) return conn;
    const client = new RpcClient(w.kernel, w.net, conn);
    w.kernel.go(w.kernel.currentProcess(), 'rpc-input', () => client.input());
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
    return this.conn.close();
  }

  private returned(method: string, seq: number, result: CallResult): CallResult {
    if (this.net.tracing) {
      const error = result.ok ? '' : result.error.message;
      this.net.trace({ type: 'rpc-return', conn: this.conn.conn, method, seq, error });
    }
    return result;
  }

  private async input(): Promise<void> {
    let failure: GoError;
    for (;;) {
      const frame = await this.conn.read();
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

  private deliver(call: PendingCall, result: CallResult): void {
    if (call.waiter !== null) this.kernel.wake(call.waiter, result);
  }
}
