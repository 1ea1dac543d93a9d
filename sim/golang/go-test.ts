// `rpcsim go test` as a library: find the toolchain and the package, build the test binary
// (cached), then run it in a world built from one seed and read the verdicts Go printed.

import { readFileSync } from 'node:fs';
import { buildTestBinary, BuildFailure } from './build.ts';
import { locatePackage, LayoutProblem, type GoPackage } from './layout.ts';
import { QuietOutput } from './quiet-output.ts';
import { runGoProgram, type GoRunResult } from './run.ts';
import type { GoFaultPlan } from './socket-faults.ts';
import { findGoToolchain, ToolchainProblem, type GoToolchain } from './toolchain.ts';
import { wasm, type WasmModule } from './wasm-api.ts';

export interface PreparedGoTest {
  readonly pkg: GoPackage;
  readonly toolchain: GoToolchain;
  readonly module: WasmModule;
  readonly binaryPath: string;
  readonly cachedBuild: boolean;
}

/** Why a package cannot be tested: bad input, in one line or as Go's build output. */
export type GoTestProblem = ToolchainProblem | LayoutProblem | BuildFailure;

export interface GoTestOptions {
  readonly seed: number;
  /** -test.run: a regular expression selecting tests, as `go test -run` takes it. */
  readonly run?: string;
  readonly verbose: boolean;
  readonly onOutput?: (text: string) => void;
  readonly faults?: GoFaultPlan | 'swarm';
  /** Extra environment variables for the program (e.g. RPCSIM_BUGS for the Go reference). */
  readonly env?: readonly (readonly [string, string])[];
  /** os.Getpid() (default DEFAULT_GO_PID). */
  readonly pid?: number;
}

export interface GoTestResult extends GoRunResult {
  /** Go's output as `go test` prints it, with -v or without (the run itself always has -v). */
  readonly output: string;
  /** Counted from the run's -v output, so known with or without the user's -v. */
  readonly passed: readonly string[];
  readonly failed: readonly string[];
  /** Every test the binary ran passed and it exited 0. */
  readonly ok: boolean;
}

/** Go's own per-test timeout (go test's default), fired before the run's virtual bound. */
const GO_TEST_TIMEOUT = '10m0s';
const RUN_BOUND_MICROS = 11 * 60 * 1_000_000;

const modules = new Map<string, WasmModule>();

export function prepareGoTest(dir: string): PreparedGoTest | GoTestProblem {
  const toolchain = findGoToolchain();
  if (toolchain instanceof ToolchainProblem) return toolchain;
  const pkg = locatePackage(dir);
  if (pkg instanceof LayoutProblem) return pkg;
  const binary = buildTestBinary(pkg, toolchain);
  if (binary instanceof BuildFailure) return binary;
  let module = modules.get(binary.path);
  if (module === undefined) {
    module = new wasm.Module(readFileSync(binary.path));
    if (binary.key !== null) modules.set(binary.path, module);
  }
  return { pkg, toolchain, module, binaryPath: binary.path, cachedBuild: binary.cached };
}

export function isGoTestProblem(value: PreparedGoTest | GoTestProblem): value is GoTestProblem {
  return value instanceof ToolchainProblem || value instanceof LayoutProblem || value instanceof BuildFailure;
}

export async function runGoTest(prepared: PreparedGoTest, options: GoTestOptions): Promise<GoTestResult> {
  // Always -test.v: with or without the user's -v it is one run (quiet-output.ts says why).
  const argv = [`${prepared.pkg.name}.test`, `-test.timeout=${GO_TEST_TIMEOUT}`, '-test.paniconexit0', '-test.v'];
  if (options.run !== undefined) argv.push(`-test.run=${options.run}`);
  const shown = options.verbose ? null : new QuietOutput();
  const onOutput = options.onOutput;
  const result = await runGoProgram(prepared.module, {
    seed: options.seed,
    goroot: prepared.toolchain.goroot,
    argv,
    env: new Map([['HOME', '/home/gopher'], ['USER', 'gopher'], ['PATH', '/usr/bin:/bin'], ['TMPDIR', '/tmp'], ...(options.env ?? [])]),
    cwd: prepared.pkg.dir,
    maxVirtualMicros: RUN_BOUND_MICROS,
    ...(onOutput === undefined ? {} : { onOutput: (text: string) => onOutput(shown === null ? text : shown.push(text)) }),
    ...(options.faults === undefined ? {} : { faults: options.faults }),
    ...(options.pid === undefined ? {} : { pid: options.pid }),
  });
  if (shown !== null && onOutput !== undefined) onOutput(shown.end());
  const passed = [...result.output.matchAll(/^\s*--- PASS: (\S+)/gm)].map((m) => m[1]!);
  const failed = [...result.output.matchAll(/^\s*--- FAIL: (\S+)/gm)].map((m) => m[1]!);
  const output = options.verbose ? result.output : quietly(result.output);
  return { ...result, output, passed, failed, ok: result.exitCode === 0 && failed.length === 0 };
}

function quietly(verboseOutput: string): string {
  const quiet = new QuietOutput();
  return quiet.push(verboseOutput) + quiet.end();
}
