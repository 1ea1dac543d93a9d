// Runs one js/wasm Go program to its end inside a fresh world built from one seed: the
// program's process, its output, its exit status and the virtual time it took.

import type { StopReason } from '../kernel/kernel.ts';
import { World } from '../world.ts';
import { GoHost, type GoProgramOptions } from './host.ts';
import type { GoFaultPlan } from './socket-faults.ts';
import type { WasmModule } from './wasm-api.ts';

export interface GoRunOptions extends GoProgramOptions {
  readonly seed: number;
  /** Virtual time the run may take; Go's own test timeout should fire first. */
  readonly maxVirtualMicros: number;
}

export interface GoRunResult {
  readonly seed: number;
  /** The program's exit code; null when the run stopped before it exited (see `stop`). */
  readonly exitCode: number | null;
  readonly stop: StopReason;
  readonly output: string;
  readonly virtualMicros: number;
  readonly events: number;
  /** What went wrong in the host itself (a kernel invariant, a trap in the program). */
  readonly hostError: unknown;
  /** The socket faults the run had (drawn from the seed under --swarm). */
  readonly faultPlan: GoFaultPlan;
}

export async function runGoProgram(module: WasmModule, options: GoRunOptions): Promise<GoRunResult> {
  const world = new World({ seed: options.seed, trace: false, limits: { maxVirtualMicros: options.maxVirtualMicros } });
  const host = new GoHost(world, options);
  const report = await world.run(() => host.main(module));
  if (report.stop === 'quiescent') host.reportDeadlock();
  return {
    seed: options.seed,
    exitCode: host.exitCode,
    stop: report.stop,
    output: host.output,
    virtualMicros: report.virtualMicros,
    events: report.events,
    hostError: report.failure?.error ?? null,
    faultPlan: host.faultPlan,
  };
}
