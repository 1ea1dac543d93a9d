// The unix-socket namespace of one simulated machine: socket files by path (with hard links and
// renames, as the 6.824 tests use them), listen and dial. A dial to a missing path fails with
// ENOENT, to a file nobody listens on with ECONNREFUSED, and otherwise lands in the backlog.
// It also holds the drops a fault plan has armed, each waiting for the next message a caller
// writes to its server.

import { assert } from '../kernel/assert.ts';
import type { Chooser } from '../kernel/chooser.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { Label } from '../kernel/label.ts';
import type { GoroutineTally, Process } from '../kernel/process.ts';
import type { TraceBody } from '../trace/events.ts';
import type { Journal } from '../trace/journal.ts';
import { Endpoint } from './endpoint.ts';
import { dialError, listenError, pathError, type GoError } from './errors.ts';
import { Listener } from './listener.ts';
import { contention, type NetTiming } from './timing.ts';

/** A fault plan's drop, armed: the next message a dialer writes to a connection accepted (or to
 *  be accepted) by a process named `receiver` is dropped when the receiver comes to read it. */
export interface ArmedDrop {
  readonly receiver: string;
  readonly message: 'request' | 'reply';
  /** Told which frame was taken, as the caller's write happens (for the fault's trace line). */
  readonly onTaken: (writer: Endpoint, what: string) => void;
}

/** A socket file: what a path names. Hard links share one; a dead listener leaves it empty. */
interface SocketFile {
  listener: Listener | null;
}

/** One name of a socket file, with the label dial events carry for it. */
interface SocketName {
  readonly file: SocketFile;
  readonly label: Label;
}

export class Network {
  private readonly files = new Map<string, SocketName>();
  private nextConn = 1;
  /** Live goroutines of the processes that listened or dialed: they compete for the CPUs.
   *  Each process keeps this total as its goroutines start and end (Process.countIn). */
  private readonly goroutines: GoroutineTally = { alive: 0 };
  private readonly drops: ArmedDrop[] = [];
  /** Checked on every write: true while a drop waits, so a run without drops pays one test. */
  dropsArmed = false;

  constructor(
    readonly kernel: Kernel,
    private readonly chooser: Chooser,
    private readonly journal: Journal,
    readonly timing: NetTiming,
  ) {}

  /** True when someone records or listens: hot paths check it before building an event. */
  get tracing(): boolean {
    return this.journal.active;
  }

  /** Records a trace event for the running task (or the kernel, between tasks). */
  trace(body: TraceBody): void {
    if (!this.journal.active) return;
    const proc = this.kernel.currentProcess();
    if (!proc.alive) return; // a dead process's last running step leaves no trace
    this.journal.record(this.kernel.nowMicros, proc.label, this.kernel.actorLabel(), body);
  }

  // trace() for the hot socket and RPC kinds: the same event, written without a body object
  // when nobody listens. Callers check `tracing` first, as they do before building a body.

  traceFrame(type: 'send' | 'recv', conn: number, what: string | Label): void {
    const proc = this.kernel.currentProcess();
    if (proc.alive) this.journal.recordFrame(this.kernel.nowMicros, proc.traceLabel, this.kernel.actorTraceLabel(), type, conn, what);
  }

  traceConnect(type: 'dial' | 'accept', path: string | Label, conn: number): void {
    const proc = this.kernel.currentProcess();
    if (proc.alive) this.journal.recordConnect(this.kernel.nowMicros, proc.traceLabel, this.kernel.actorTraceLabel(), type, path, conn);
  }

  traceClose(conn: number, unread: number): void {
    const proc = this.kernel.currentProcess();
    if (proc.alive) this.journal.recordClose(this.kernel.nowMicros, proc.traceLabel, this.kernel.actorTraceLabel(), conn, unread);
  }

  traceRpcServe(conn: number, method: string | Label, seq: number): void {
    const proc = this.kernel.currentProcess();
    if (proc.alive) this.journal.recordRpcServe(this.kernel.nowMicros, proc.traceLabel, this.kernel.actorTraceLabel(), conn, method, seq);
  }

  traceRpcReturn(conn: number, method: string | Label, seq: number, error: string | Label): void {
    const proc = this.kernel.currentProcess();
    if (proc.alive) this.journal.recordRpcReturn(this.kernel.nowMicros, proc.traceLabel, this.kernel.actorTraceLabel(), conn, method, seq, error);
  }

  /** A blocked reader or acceptor: the netpoller's wake, then a thread to run on. */
  wakeLatencyMicros(): number {
    const { wakeMicrosMin: min, wakeMicrosMax: max } = this.timing;
    return min + this.chooser.pick('net.wake', max - min + 1) + this.preemptionMicros(1);
  }

  /** A caller from Dial returning to its call passing send's shutdown check. */
  setupDelayMicros(): number {
    const { setupMicrosMin: min, setupMicrosMax: max } = this.timing;
    return min + this.chooser.pick('net.setup', max - min + 1) + this.preemptionMicros(this.timing.runningCutOdds);
  }

  /** A caller encoding its registered request and writing it. */
  encodeDelayMicros(): number {
    const { encodeMicrosMin: min, encodeMicrosMax: max } = this.timing;
    return min + this.chooser.pick('net.encode', max - min + 1) + this.preemptionMicros(1);
  }

  /** Goroutines alive in the processes on this network: the lab runs every server and clerk in
   *  the test's one Go process, and each of them wants a CPU every few milliseconds. */
  aliveGoroutines(): number {
    return this.goroutines.alive;
  }

  /** Time a goroutine waits for a CPU another thread holds (0 when none can): at a syscall or a
   *  wake with chance waiting/threads, `odds` times less likely in a stretch with neither. */
  private preemptionMicros(odds: number): number {
    const { waiting, threads } = contention(this.timing, this.aliveGoroutines());
    if (waiting === 0 || this.chooser.pick('net.preempt', threads * odds) >= waiting) return 0;
    const { preemptMicrosMin: min, preemptMicrosMax: max } = this.timing;
    return min + this.chooser.pick('net.slice', max - min + 1);
  }

  armDrop(drop: ArmedDrop): void {
    this.drops.push(drop);
    this.dropsArmed = true;
  }

  /** A dialer wrote `what` (Endpoint.write): the first drop armed for its peer's process takes it. */
  takeDrop(writer: Endpoint, what: string): void {
    const receiver = writer.peer;
    if (receiver.dropPending) return; // one drop per frame: the next armed waits for the next write
    const index = this.drops.findIndex((drop) => drop.receiver === receiver.owner.name);
    if (index < 0) return;
    const drop = this.drops.splice(index, 1)[0]!;
    this.dropsArmed = this.drops.length > 0;
    receiver.planDrop(drop.message);
    drop.onTaken(writer, what);
  }

  listen(proc: Process, path: string): Listener | GoError {
    assert(proc.alive, `listen from crashed process ${proc.label}`);
    if (this.files.has(path)) return listenError(path);
    proc.countIn(this.goroutines);
    const listener = new Listener(this, proc, path);
    this.files.set(path, { file: { listener }, label: new Label(path) });
    proc.fds.add(listener);
    this.trace({ type: 'listen', path });
    return listener;
  }

  dial(proc: Process, path: string): Endpoint | GoError {
    // A task whose process died mid-step runs on until it blocks; it must not reach anyone.
    if (!proc.alive) return dialError(path, 'ECONNREFUSED');
    const name = this.files.get(path);
    if (name === undefined) return dialError(path, 'ENOENT');
    const listener = name.file.listener;
    if (listener === null) return dialError(path, 'ECONNREFUSED');
    if (listener.backlogLength >= this.timing.backlogMax) return dialError(path, 'EAGAIN');
    proc.countIn(this.goroutines);
    const conn = this.nextConn++;
    const client = new Endpoint(this, proc, conn, { local: '@', remote: path });
    const server = new Endpoint(this, listener.owner, conn, { local: path, remote: '@' });
    client.peer = server;
    server.peer = client;
    proc.fds.add(client);
    if (this.journal.active) this.traceConnect('dial', name.label, conn);
    listener.enqueue(server);
    return client;
  }

  /** Every socket file's name, in the order they were made (a host's directory listing). */
  paths(): IterableIterator<string> {
    return this.files.keys();
  }

  exists(path: string): boolean {
    return this.files.has(path);
  }

  /** os.Remove on a socket file. */
  remove(path: string): GoError | null {
    if (!this.files.delete(path)) return pathError('remove', path, 'ENOENT');
    this.trace({ type: 'unlink', path });
    return null;
  }

  /** os.Link: a second name for the same socket (the 6.824 partition trick). */
  link(path: string, to: string): GoError | null {
    const name = this.files.get(path);
    if (name === undefined) return pathError('link', path, 'ENOENT');
    if (this.files.has(to)) return pathError('link', to, 'EEXIST');
    this.files.set(to, { file: name.file, label: new Label(to) });
    this.trace({ type: 'link', path, to });
    return null;
  }

  /** os.Rename: the socket keeps working under its new name (the 6.824 proxy trick). */
  rename(path: string, to: string): GoError | null {
    const name = this.files.get(path);
    if (name === undefined) return pathError('rename', path, 'ENOENT');
    this.files.delete(path);
    this.files.set(to, { file: name.file, label: new Label(to) });
    this.trace({ type: 'rename', path, to });
    return null;
  }

  unlinkIfPresent(path: string): void {
    if (this.files.has(path)) this.remove(path);
  }

  /** A closed listener no longer answers dials to any of its names: they get ECONNREFUSED. */
  detachListener(listener: Listener): void {
    for (const { file } of this.files.values()) if (file.listener === listener) file.listener = null;
  }
}
