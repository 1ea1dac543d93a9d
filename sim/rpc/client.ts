// Go net/rpc's client, as in net/rpc/client.go: a pending-call map, an input loop that reads
// responses and, on the first read error, fails every pending call with it (EOF becomes
// "unexpected EOF") and marks the client shut down, so later calls fail at once with
// "connection is shut down" without writing anything. Go's input goroutine only ever blocks in
// Read, so here it is a kernel callback on the socket (Endpoint.watchReadable): it runs when a
// blocked reader would be woken, at the same latency, with no goroutine to start or resume.

import type { KernelCallback } from '../kernel/event-queue.ts';
import { KEEP_BLOCKED, type BlockedStep, type Kernel } from '../kernel/kernel.ts';
import { Label } from '../kernel/label.ts';
import type { Task, Waiter } from '../kernel/task.ts';
import type { Process } from '../kernel/process.ts';
import type { Endpoint } from '../net/endpoint.ts';
import { GoError } from '../net/errors.ts';
import type { Network } from '../net/network.ts';
import { copyWireValue } from '../net/wire.ts';
import { world } from '../runtime/active.ts';
import { methodLabels, type MethodLabels, type RequestFrame, type ResponseFrame } from './frames.ts';
import { ErrShutdown, ErrUnexpectedEOF, serverError } from './rpc-errors.ts';

/** A call that succeeded returns with no error text. */
const NO_ERROR = new Label('');

export type CallResult = { readonly ok: true; readonly reply: unknown } | { readonly ok: false; readonly error: GoError };

/** Go's pending Call, and the caller's steps until it is written (see RpcClient.call). */
class OutgoingCall implements KernelCallback, BlockedStep<CallResult> {
  seq = 0;
  /** The caller, blocked for the whole call. */
  parked: Waiter<CallResult> | null = null;
  /** Past send's check: the next step is the write. */
  checked = false;
  /** Written and waiting for its reply: the input goroutine delivers it to `parked`. */
  written = false;
  /** Set when the call ends before it is written (the input goroutine failed it meanwhile). */
  result?: CallResult;

  constructor(
    private readonly client: RpcClient,
    private readonly kernel: Kernel,
    readonly labels: MethodLabels,
    readonly args: unknown,
    readonly goroutine: Task,
  ) {}

  /** The caller's wake after its setup or its encoding (a KernelCallback). */
  run(): void {
    this.kernel.stepBlocked(this.parked!, this);
  }

  /** That wake's work, as the caller (a BlockedStep). */
  step(): CallResult | typeof KEEP_BLOCKED {
    return this.checked ? this.client.write(this) : this.client.sendCheck(this);
  }
}

export class RpcClient implements KernelCallback {
  private nextSeq = 0;
  /** Go's pending map: calls written and not yet answered, in the order they were made. Rarely
   *  more than one, so a list searched from the front (a Map cost two allocations per call). */
  private readonly pending: OutgoingCall[] = [];
  private shutdown = false;
  private closing = false;
  /** The caller holds reqMutex: encoding and writing a request. */
  private sending = false;
  /** The input goroutine's read error, waiting for reqMutex. */
  private failedWhileSending: GoError | null = null;
  private inputAlive = false;

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
    proc.addStandIn(); // the input goroutine, until terminate() or a quiet close
    client.inputAlive = true;
    return client;
  }

  /**
   * client.Call: send the request, then wait for the input goroutine to deliver the result.
   *
   * From Dial to send's check, then encode and write: a server that closes at once may beat the
   * write (broken pipe), or the input goroutine may even see the close before the check (shut
   * down). While the caller sends it holds reqMutex, which the input goroutine must take before
   * it fails the pending calls: a failure seen meanwhile waits for the write.
   *
   * The caller blocks once, for the whole call. Its two short stretches of work after a wait,
   * the send check once its setup time has passed and the write once it has encoded, run as
   * that goroutine from their wake events (Kernel.stepBlocked), without resuming it: a resume
   * and a block for each cost more than the work. The order of everything is what it would be
   * had the caller slept and resumed.
   */
  async call(method: string, args: unknown): Promise<CallResult> {
    const call = new OutgoingCall(this, this.kernel, methodLabels(method), args, this.kernel.runningTask('rpc call'));
    const setupMicros = this.net.setupDelayMicros();
    // With no setup time the check runs now, in this step; it may fail the call at once.
    const now = setupMicros > 0 ? KEEP_BLOCKED : this.sendCheck(call);
    if (now !== KEEP_BLOCKED) return this.returned(call.labels, call.seq, now);
    call.parked = this.kernel.block<CallResult>('rpc call');
    if (setupMicros > 0) this.kernel.at(setupMicros, call);
    return this.returned(call.labels, call.seq, await call.parked.promise);
  }

  /** @internal send's check, as the caller: shut down, or take a sequence number and start encoding. */
  sendCheck(call: OutgoingCall): CallResult | typeof KEEP_BLOCKED {
    // Go's send fails the call before it takes a sequence number; the trace names the number
    // it would have taken, so the failure shows (and is explained) like any other return.
    if (this.shutdown || this.closing) {
      call.seq = this.nextSeq;
      return { ok: false, error: ErrShutdown };
    }
    call.seq = this.nextSeq++;
    this.pending.push(call);
    this.sending = true;
    call.checked = true;
    this.kernel.at(this.net.encodeDelayMicros(), call);
    return KEEP_BLOCKED;
  }

  /** @internal The request encoded, as the caller: write it, then wait for the reply (or fail now). */
  write(call: OutgoingCall): CallResult | typeof KEEP_BLOCKED {
    this.sending = false;
    const seq = call.seq;
    const request: RequestFrame = { seq, method: call.labels.method, args: copyWireValue(call.args) };
    const writeError = this.conn.writeOwned(request, call.labels.frame(seq, 'request'));
    if (writeError !== null) this.takePending(seq);
    if (this.failedWhileSending !== null) this.terminate(this.failedWhileSending);
    if (writeError !== null) return { ok: false, error: writeError };
    if (!this.pending.includes(call)) return call.result!;
    call.written = true; // the input goroutine delivers the reply to the blocked caller
    return KEEP_BLOCKED;
  }

  /** client.Close: the input goroutine's blocked read fails, and it exits quietly. */
  close(): GoError | null {
    if (this.closing) return ErrShutdown;
    this.closing = true;
    // With no call waiting, the input loop's last read (closed fd) would tell no one anything.
    if (this.pending.length === 0) {
      this.conn.watchReadable(null);
      this.inputExited();
    }
    return this.conn.close();
  }

  private returned(labels: MethodLabels, seq: number, result: CallResult): CallResult {
    if (this.net.tracing) this.net.traceRpcReturn(this.conn.conn, labels.name, seq, result.ok ? NO_ERROR : result.error.message);
    return result;
  }

  /** The socket is readable (a KernelCallback): one turn of the loop, acting for the process. */
  run(): void {
    if (!this.kernel.mayRunFor(this.proc, this)) return; // dead, or paused until resumed
    const outer = this.kernel.enter(this.proc, this.proc.taskTraceLabel('rpc-input'));
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
      if (frame === undefined) {
        this.conn.watchReadable(this);
        return;
      }
      if (frame instanceof GoError) {
        failure = frame;
        break;
      }
      const response = frame as ResponseFrame;
      const call = this.takePending(response.seq);
      if (call === undefined) continue; // Go reads and discards a response nobody waits for
      this.deliver(call, response.error !== '' ? { ok: false, error: serverError(response.error) } : { ok: true, reply: response.reply });
    }
    if (this.sending) this.failedWhileSending = failure;
    else this.terminate(failure);
  }

  /** The input goroutine, holding reqMutex: shut down, and fail every pending call. */
  private terminate(failure: GoError): void {
    this.inputExited();
    this.failedWhileSending = null;
    this.shutdown = true;
    let error = failure;
    if (failure.code === 'EOF') error = this.closing ? ErrShutdown : ErrUnexpectedEOF;
    for (const call of this.pending) this.deliver(call, { ok: false, error });
    this.pending.length = 0;
  }

  /** Removes and returns the pending call `seq`, if there is one. */
  private takePending(seq: number): OutgoingCall | undefined {
    const pending = this.pending;
    for (let i = 0; i < pending.length; i++) {
      const call = pending[i]!;
      if (call.seq !== seq) continue;
      for (let j = i + 1; j < pending.length; j++) pending[j - 1] = pending[j]!;
      pending.pop();
      return call;
    }
    return undefined;
  }

  private inputExited(): void {
    if (!this.inputAlive) return;
    this.inputAlive = false;
    this.proc.removeStandIn();
  }

  /** The input loop hands the result to the waiting call: the first one resumes in this very
   *  event (Go's input goroutine would wake it at once), any more get events of their own. */
  private deliver(call: OutgoingCall, result: CallResult): void {
    if (!call.written) call.result = result;
    else if (!this.kernel.resumeNow(call.parked!, result)) this.kernel.wake(call.parked!, result);
  }
}
