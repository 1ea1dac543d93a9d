// A virtual operating system for one Go program built with GOOS=js GOARCH=wasm, run inside
// rpcsim's kernel as one process. The toolchain's own wasm_exec.js does the glue; every entry
// that would reach the real machine is ours: the clock and the runtime's one timer are the
// kernel's (when Go is idle, the kernel jumps to its next event), the runtime's and
// crypto/rand's random bytes come from the seed's workload stream, the uid is fixed, the pid is
// 2015 unless --pid says otherwise (process-id.ts), and files and sockets are system-calls.ts's. What the program writes to stdout and stderr is
// captured in order.

import { DEFAULT_GO_PID } from './process-id.ts';
import { assert } from '../kernel/assert.ts';
import type { Process } from '../kernel/process.ts';
import type { Waiter } from '../kernel/task.ts';
import type { World } from '../world.ts';
import { CallCost } from './call-cost.ts';
import { BlockedThreadDelay } from './blocked-thread-delay.ts';
import { DescriptorTable } from './descriptors.ts';
import { netCalls } from './net-calls.ts';
import { GoFiles } from './files.ts';
import { drawSwarmPlan, GoFaults, NO_FAULTS, type GoFaultPlan } from './socket-faults.ts';
import { GoSockets } from './sockets.ts';
import { systemCalls } from './system-calls.ts';
import { wasm, type WasmModule } from './wasm-api.ts';
import { newGoGlue, type GoGlue } from './wasm-exec.ts';

export interface GoProgramOptions {
  readonly goroot: string;
  readonly argv: readonly string[];
  readonly env: ReadonlyMap<string, string>;
  /** The directory the program starts in (it exists in the virtual file system). */
  readonly cwd: string;
  /** Called with each piece of output as it is written (the CLI streams it). */
  readonly onOutput?: (text: string) => void;
  /** Socket faults: a plan, or 'swarm' to draw one from the seed. None by default. */
  readonly faults?: GoFaultPlan | 'swarm';
  /** os.Getpid(): DEFAULT_GO_PID unless given (see process-id.ts). */
  readonly pid?: number;
}

/** os.Getuid(): fixed, because the 2015 tests build socket directories from it. */
export const GO_UID = 1000;
/** Wall-clock time at virtual 0: 2015-03-01 00:00:00 UTC, when the lab was handed out. */
const EPOCH_MS = 1_425_168_000_000;
/** The monotonic clock at virtual 0 (Go refuses a nanotime of zero): an hour of uptime. */
const UPTIME_NANOS = 3_600_000_000_000;

export class GoHost {
  readonly proc: Process;
  readonly glue: GoGlue;
  readonly faultPlan: GoFaultPlan;
  exitCode: number | null = null;
  private readonly chunks: string[] = [];
  private exitWaiter: Waiter<void> | null = null;
  private readonly timeouts = new Set<number>();
  private nextTimeoutId = 1;
  private readonly decoder = new TextDecoder('utf-8');

  constructor(
    private readonly world: World,
    private readonly options: GoProgramOptions,
  ) {
    const kernel = world.kernel;
    this.proc = kernel.newProcess('go');
    const fds = new DescriptorTable();
    const files = new GoFiles(world.net, options.cwd, GO_UID, () => this.nowMs());
    this.faultPlan = options.faults === 'swarm' ? drawSwarmPlan(kernel.chooser) : (options.faults ?? NO_FAULTS);
    const faults = new GoFaults(this.faultPlan, kernel.chooser);
    const sockets = new GoSockets(world.net, this.proc, fds, files, faults);
    for (const atMicros of this.faultPlan.loseSocketFileAtMicros) {
      kernel.at(atMicros, () => kernel.within(this.proc, () => {
        const victim = faults.pickVictim([...world.net.paths()]);
        if (victim !== undefined) world.net.remove(victim);
      }));
    }
    const cost = new CallCost(world.net);
    const alive = (): boolean => this.exitCode === null;
    const fs = {
      ...systemCalls({ kernel, proc: this.proc, fds, files, sockets, cost, alive, output: (_stream, bytes) => this.write(bytes) }),
      ...netCalls(kernel, this.proc, sockets, cost, this.faultPlan.blockedReadWait ? new BlockedThreadDelay(kernel.chooser) : null, alive, { view: () => this.glue.mem, resume: () => this.glue._resume() }),
    };
    const crypto = { getRandomValues: (bytes: Uint8Array) => this.randomBytes(bytes) };
    const performance = { now: () => this.nowMs() };
    const nowMs = (): number => this.nowMs();
    const process = {
      pid: options.pid ?? DEFAULT_GO_PID, ppid: 1, getuid: () => GO_UID, getgid: () => GO_UID, geteuid: () => GO_UID, getegid: () => GO_UID,
      getgroups: () => [GO_UID], umask: () => 0o022, cwd: () => options.cwd,
      chdir: () => { throw Object.assign(new Error('chdir is not implemented'), { code: 'ENOSYS' }); },
    };
    // The zone is UTC (time.Local asks `new Date().getTimezoneOffset()`).
    const Date = class { static now(): number { return EPOCH_MS + nowMs(); } getTimezoneOffset(): number { return 0; } };
    const global: Record<string, unknown> = {
      fs, process, crypto, performance, Date, Object, Array, Uint8Array, Error, TextEncoder, TextDecoder,
      console: { log: (text: unknown) => this.writeText(`${String(text)}\n`), warn: (text: unknown) => this.writeText(`${String(text)}\n`) },
    };
    this.glue = newGoGlue(options.goroot, { global, fs, process, crypto, performance, Date });
    this.glue.argv = [...options.argv];
    this.glue.env = Object.fromEntries(options.env);
    this.glue.exit = (code) => this.exited(code);
    this.replaceClockAndTimers();
  }

  get output(): string {
    return this.chunks.join('');
  }

  private nowMs(): number {
    return this.world.kernel.nowMicros / 1000;
  }

  private write(bytes: Uint8Array): void {
    this.writeText(this.decoder.decode(bytes, { stream: true }));
  }

  private writeText(text: string): void {
    this.chunks.push(text);
    this.options.onOutput?.(text);
  }

  /** Four random bytes per draw from the workload stream. */
  private randomBytes(bytes: Uint8Array): Uint8Array {
    for (let i = 0; i < bytes.length; i += 4) {
      let word = this.world.kernel.chooser.pick('workload', 0x1_0000_0000);
      for (let j = i; j < Math.min(i + 4, bytes.length); j++, word >>>= 8) bytes[j] = word & 0xff;
    }
    return bytes;
  }

  private replaceClockAndTimers(): void {
    const go = this.glue.importObject.go;
    const setInt64 = (addr: number, value: number): void => {
      this.glue.mem.setUint32(addr, value % 0x1_0000_0000, true);
      this.glue.mem.setUint32(addr + 4, Math.floor(value / 0x1_0000_0000), true);
    };
    const getInt64 = (addr: number): number => this.glue.mem.getUint32(addr, true) + this.glue.mem.getInt32(addr + 4, true) * 0x1_0000_0000;
    go['runtime.nanotime1'] = (sp) => setInt64((sp >>> 0) + 8, UPTIME_NANOS + this.world.kernel.nowMicros * 1000);
    go['runtime.walltime'] = (sp) => {
      const micros = EPOCH_MS * 1000 + this.world.kernel.nowMicros;
      setInt64((sp >>> 0) + 8, Math.floor(micros / 1_000_000));
      this.glue.mem.setInt32((sp >>> 0) + 16, (micros % 1_000_000) * 1000, true);
    };
    // Go's only timer: "wake me in `delay` ms", a kernel event that long ahead in virtual time;
    // an idle program therefore lets the kernel jump straight to it.
    go['runtime.scheduleTimeoutEvent'] = (sp) => {
      const delayMs = getInt64((sp >>> 0) + 8);
      const id = this.nextTimeoutId++;
      this.timeouts.add(id);
      const kernel = this.world.kernel;
      kernel.at(delayMs * 1000, () => kernel.within(this.proc, () => {
        // Go clears the timeout when it handles the wake-up; wasm_exec.js resumes again if not.
        for (let tries = 0; this.timeouts.has(id) && this.exitCode === null; tries++) {
          assert(tries < 3, 'the Go runtime ignored its timeout event three times');
          this.glue._resume();
        }
      }));
      this.glue.mem.setInt32((sp >>> 0) + 16, id, true);
    };
    go['runtime.clearTimeoutEvent'] = (sp) => {
      this.timeouts.delete(this.glue.mem.getInt32((sp >>> 0) + 8, true));
    };
  }

  private exited(code: number): void {
    this.exitCode = code;
    if (this.exitWaiter !== null) this.world.kernel.wake(this.exitWaiter, undefined);
  }

  /** The Go process's main goroutine: starts the program, then waits for it to exit. */
  async main(module: WasmModule): Promise<void> {
    const instance = new wasm.Instance(module, this.glue.importObject);
    // run() executes Go synchronously until it first waits; its promise settles at exit.
    void this.glue.run(instance);
    if (this.exitCode !== null) return;
    this.exitWaiter = this.world.kernel.block<void>('go exit');
    await this.exitWaiter.promise;
  }

  /** Nothing left to happen and the program still waits: Go's own deadlock report, as
   *  wasm_exec_node.js triggers it when Node's event loop runs dry. */
  reportDeadlock(): void {
    if (this.exitCode !== null) return;
    this.glue._pendingEvent = { id: 0 };
    this.glue._resume();
  }
}
