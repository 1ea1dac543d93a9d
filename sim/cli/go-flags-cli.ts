// What `rpcsim go test` and `rpcsim go explore` share: loading the package (or saying why
// not), their flags (the package directory, --run, -v, --env NAME=VALUE for the program, the
// socket faults as --plan FILE or --swarm, the program's pid as --pid N|seed), and how a run is
// written back as the command that replays it.

import { readFileSync } from 'node:fs';
import { BuildFailure } from '../golang/build.ts';
import { isGoTestProblem, prepareGoTest, type PreparedGoTest } from '../golang/go-test.ts';
import { parsePidChoice, type PidChoice } from '../golang/process-id.ts';
import { parseGoFaultPlan, type GoFaultPlan } from '../golang/socket-faults.ts';
import { shellWord } from '../replay/run-description.ts';
import { UsageError } from './usage-error.ts';

export interface GoRunFlags {
  readonly dir: string;
  readonly run: string | undefined;
  readonly verbose: boolean;
  readonly planPath: string | undefined;
  readonly swarm: boolean;
  readonly faults: GoFaultPlan | 'swarm' | undefined;
  /** --env KEY=VALUE: the program's extra environment, in the order given. */
  readonly env: readonly (readonly [string, string])[];
  /** --pid N or --pid seed: os.Getpid() (default 2015). */
  readonly pid: PidChoice | undefined;
}

/** The option table entries go test and go explore share with readGoRunFlags. */
export const GO_RUN_OPTIONS = {
  run: { type: 'string' },
  plan: { type: 'string' },
  swarm: { type: 'boolean' },
  env: { type: 'string', multiple: true },
  pid: { type: 'string' },
} as const;

export function readGoRunFlags(command: string, positionals: readonly string[], values: { run?: string | undefined; verbose?: boolean | undefined; plan?: string | undefined; swarm?: boolean | undefined; env?: string[] | undefined; pid?: string | undefined }, usage: string): GoRunFlags {
  const [dir, extra] = positionals;
  if (dir === undefined) throw new UsageError(`${command}: which package? usage: ${usage}`);
  if (extra !== undefined) throw new UsageError(`${command}: unexpected argument "${extra}" (one package directory at a time)`);
  if (values.plan !== undefined && values.swarm === true) throw new UsageError(`${command}: --plan and --swarm both choose the faults; give one`);
  return {
    dir,
    run: values.run,
    verbose: values.verbose === true,
    planPath: values.plan,
    swarm: values.swarm === true,
    faults: values.swarm === true ? 'swarm' : values.plan === undefined ? undefined : readPlan(command, values.plan),
    env: (values.env ?? []).map((item) => readEnv(command, item)),
    pid: values.pid === undefined ? undefined : readPid(command, values.pid),
  };
}

function readPid(command: string, text: string): PidChoice {
  const pid = parsePidChoice(text);
  if (typeof pid === 'object') throw new UsageError(`${command}: ${pid.problem}`);
  return pid;
}

function readEnv(command: string, item: string): [string, string] {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(item);
  if (match === null) throw new UsageError(`${command}: --env ${item}: write it as NAME=VALUE, e.g. --env RPCSIM_BUGS=fresh-id-per-retry`);
  return [match[1]!, match[2]!];
}

function readPlan(command: string, path: string): GoFaultPlan {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${command}: --plan ${path}: ${code === 'ENOENT' ? 'no such file' : `not JSON (${(error as Error).message})`}`);
  }
  const plan = parseGoFaultPlan(json);
  if (typeof plan === 'string') throw new UsageError(`${command}: --plan ${path}: ${plan}`);
  return plan;
}

/** Go's testing package checks -test.run before any test runs and exits 1 on a pattern its
 *  regexp package cannot parse. That is bad input, not a failing seed, so it is refused as one;
 *  only Go can judge the pattern (RE2 is not JavaScript's syntax: `(?i)` is Go's, `(?=` is not). */
export function refusedRunPattern(command: string, flags: GoRunFlags, output: string): UsageError | null {
  const match = /^testing: invalid regexp for .*?-test\.run \(.*?\): (.*)$/m.exec(output);
  if (match === null || flags.run === undefined) return null;
  return new UsageError(`${command}: --run ${shellWord(flags.run)} is not a Go regexp (${match[1]}); give a pattern Go's regexp package parses, e.g. --run 'TestBasicFail|TestAtMostOnce'`);
}

/** The command that replays one seed of this run, as the rest of the CLI prints replays. -v may
 *  be added or left out: the program runs with Go's -test.v either way, so it is the same run. */
export function replayCommand(flags: GoRunFlags, seed: number): string {
  return [
    'npx', 'rpcsim', 'go', 'test', flags.dir, '--seed', String(seed),
    ...(flags.run === undefined ? [] : ['--run', flags.run]),
    ...(flags.planPath === undefined ? [] : ['--plan', flags.planPath]),
    ...(flags.swarm ? ['--swarm'] : []),
    ...flags.env.flatMap(([name, value]) => ['--env', `${name}=${value}`]),
    ...(flags.pid === undefined ? [] : ['--pid', String(flags.pid)]),
    ...(flags.verbose ? ['-v'] : []),
  ].map(shellWord).join(' ');
}

/** Loads the package or says in one line (or Go's own build output) why not. */
export function prepareOrExplain(dir: string, command: string): PreparedGoTest | number {
  const prepared = prepareGoTest(dir);
  if (!isGoTestProblem(prepared)) return prepared;
  if (prepared instanceof BuildFailure) {
    console.error(prepared.output);
    const why = prepared.stage === 'vet' ? "fails the vet checks go test runs before its tests, and go test refuses it the same way (vet's output above)" : "did not build for js/wasm (Go's output above)";
    console.error(`rpcsim: ${command}: ${dir} ${why}`);
  } else console.error(`rpcsim: ${command}: ${prepared.message}`);
  return 2;
}
