// `rpcsim go test <package dir> [--seed N] [--run REGEX] [-v]`: the student's own Go package
// and its tests, built for js/wasm with rpcsim's overlay and run on rpcsim's kernel. Prints the
// tests' own output as it comes, then a summary and the command that replays the run.
// Exit 0: every test passed; 1: a test failed (or the program died); 2: bad input (no Go, an
// unsupported Go, not a package, a build error printed as Go prints it, a --run pattern that is
// not a Go regexp).

import { parseArgs } from 'node:util';
import { runGoTest, type GoTestResult } from '../golang/go-test.ts';
import { parseSeed } from './options.ts';
import { ambiguousValueLine, UsageError, withCommandPrefix } from './usage-error.ts';
import { GO_TEST_USAGE, helpText } from './help.ts';
import { GO_RUN_OPTIONS, prepareOrExplain, readGoRunFlags, refusedRunPattern, replayCommand } from './go-flags-cli.ts';
import { goPidFor } from '../golang/process-id.ts';
import { describeGoFaultPlan } from '../golang/socket-faults.ts';
import { goExploreCommand } from './command-go-explore-cli.ts';


function parseGoTestFlags(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: { seed: { type: 'string' }, verbose: { type: 'boolean', short: 'v' }, ...GO_RUN_OPTIONS },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const ambiguous = ambiguousValueLine(error, argv);
    if (ambiguous !== null) throw new UsageError(`go test: ${ambiguous}`);
    throw new UsageError(`go test: ${(error as Error).message.split('\n')[0]!.replace(/\. To specify.*$/, '')}; usage: ${GO_TEST_USAGE}`);
  }
}

export function verdictLine(result: GoTestResult, pid?: number): string {
  const seconds = (result.virtualMicros / 1e6).toFixed(3);
  const at = `in ${seconds} virtual s, seed ${result.seed}${pid === undefined ? '' : `, pid ${pid}`}`;
  const counts = `${result.passed.length} passed, ${result.failed.length} failed`;
  if (result.ok) {
    if (/^testing: warning: no tests to run$/m.test(result.output)) return `PASS: no tests to run ${at}`;
    return `PASS: ${counts} ${at}`;
  }
  const why = result.failed.length > 0 ? `failed: ${result.failed.join(', ')}` : describeDeath(result);
  return `FAIL: ${why} (${counts}) ${at}`;
}

function describeDeath(result: GoTestResult): string {
  if (result.hostError !== null) return `the host stopped: ${String(result.hostError)}`;
  if (result.exitCode === null) return `the run hit its bound (${result.stop}) before the program exited`;
  return `the program exited with status ${result.exitCode}`;
}

async function goTestCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseGoTestFlags(argv);
  const flags = readGoRunFlags('go test', positionals, values, GO_TEST_USAGE);
  const seed = withCommandPrefix('go test', () => parseSeed(values.seed ?? '1'));
  const prepared = prepareOrExplain(flags.dir, 'go test');
  if (typeof prepared === 'number') return prepared;
  const startedMs = Date.now();
  // The first line is held until it is whole: if Go refuses the --run pattern, that line becomes
  // the one line of bad input on stderr instead of a test's output.
  let held: string | null = flags.run === undefined ? null : '';
  const pid = goPidFor(flags.pid, seed);
  const result = await runGoTest(prepared, {
    seed,
    pid,
    verbose: flags.verbose,
    ...(flags.run === undefined ? {} : { run: flags.run }),
    ...(flags.faults === undefined ? {} : { faults: flags.faults }),
    env: flags.env,
    onOutput: (text) => {
      if (held === null) return void process.stdout.write(text);
      held += text;
      if (!held.includes('\n') || refusedRunPattern('go test', flags, held) !== null) return;
      process.stdout.write(held);
      held = null;
    },
  });
  const refused = refusedRunPattern('go test', flags, result.output);
  if (refused !== null) throw refused;
  if (held !== null) process.stdout.write(held);
  if (!result.output.endsWith('\n') && result.output.length > 0) process.stdout.write('\n');
  const wallSeconds = ((Date.now() - startedMs) / 1000).toFixed(1);
  const replay = `replay: ${replayCommand(flags, seed)}`;
  if (flags.faults !== undefined) console.log(`socket faults: ${describeGoFaultPlan(result.faultPlan)}`);
  if (!result.ok) console.log(replay);
  console.log(`rpcsim go test ${prepared.pkg.name}: ${verdictLine(result, flags.pid === undefined ? undefined : pid)} (${wallSeconds} s wall${prepared.cachedBuild ? ', cached build' : ''})`);
  if (result.ok) console.log(replay);
  return result.ok ? 0 : 1;
}

/** `rpcsim go test|explore ...`: returns the exit code. */
export async function goCommand(argv: readonly string[]): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    // `rpcsim go test --help` asks for help as every other command's --help does.
    if (sub === 'help' || sub === '--help' || sub === '-h' || rest.includes('--help') || rest.includes('-h')) {
      console.log(helpText('go'));
      return 0;
    }
    if (sub === 'test') return await goTestCommand(rest);
    if (sub === 'explore') return await goExploreCommand(rest);
    const wanted = sub === undefined ? 'go needs a subcommand' : `go: unknown subcommand "${sub}"`;
    throw new UsageError(`${wanted}: give test or explore, e.g. rpcsim go test <package dir>; run \`rpcsim help go\``);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`rpcsim: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
