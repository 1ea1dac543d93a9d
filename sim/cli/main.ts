// The `rpcsim` command line: parses the command and its flags, runs it against the catalogue
// the composition root hands in, and turns bad input into one line on stderr with exit code 2.

import { parseArgs } from 'node:util';
import type { Catalogue } from './catalogue.ts';
import { listBugs, listScenarios } from './command-list.ts';
import { replayCommand } from './command-replay.ts';
import { runCommand } from './command-run.ts';
import { ambiguousValueLine, UsageError, unknownNameError } from './usage-error.ts';
import { COMMANDS, HELP_TOPICS, helpText, type CommandName, type HelpTopic } from './help.ts';
import { extraCommands } from './extra-commands.ts';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, refuseUnusedFlags, versionLine } from './flags-per-command.ts';

const FLAGS = {
  seed: { type: 'string' },
  bug: { type: 'string', multiple: true },
  full: { type: 'boolean' },
  quiet: { type: 'boolean' },
  'trace-out': { type: 'string' },
  trace: { type: 'string' },
  seeds: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  proc: { type: 'string', multiple: true },
  all: { type: 'boolean' },
  'all-scenarios': { type: 'boolean' },
  swarm: { type: 'boolean' },
  strategy: { type: 'string' },
  jobs: { type: 'string' },
  shard: { type: 'string' },
  json: { type: 'boolean' },
  mode: { type: 'string' },
  format: { type: 'string' },
  html: { type: 'boolean' },
  plan: { type: 'string' },
  out: { type: 'string' },
  'timeout-ms': { type: 'string' },
  impl: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** Commands that take no name or file after them: a stray word is refused, never ignored. */
const TAKES_NO_TARGET: ReadonlySet<string> = new Set(['list', 'bugs', 'demo']);

export type Flags = ReturnType<typeof parse>['values'];

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    const ambiguous = ambiguousValueLine(error, argv);
    if (ambiguous !== null) throw new UsageError(ambiguous);
    const message = (error as Error).message.split('\n')[0]!.replace(/\. To specify.*$/, '');
    throw new UsageError(`${message}; run \`rpcsim help\` for the flags each command takes`);
  }
}

export async function main(argv: readonly string[], catalogue: Catalogue): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    if (values.version === true) {
      if (positionals.length > 0) throw new UsageError('--version takes no command: run `rpcsim --version` alone');
      console.log(versionLine());
      return 0;
    }
    const [command = 'help', target, ...rest] = positionals;
    if (values.help === true || command === 'help') {
      const topic = command === 'help' ? target : command;
      if (command === 'help') refuseUnusedFlags('help', values);
      if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}": help explains one command at a time`);
      if (topic !== undefined && !(HELP_TOPICS as readonly string[]).includes(topic)) throw unknownNameError('command', topic, HELP_TOPICS, 'help');
      console.log(helpText(topic as HelpTopic | undefined));
      return 0;
    }
    if (!(COMMANDS as readonly string[]).includes(command)) throw unknownNameError('command', command, COMMANDS, 'help');
    const extra = TAKES_NO_TARGET.has(command) ? target : rest[0];
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"; run \`rpcsim help ${command}\``);
    refuseUnusedFlags(command as CommandName, values);
    return await dispatch(command as CommandName, target, values, catalogue);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`rpcsim: ${error.message}`);
      return EXIT_BAD_INPUT;
    }
    // Not the user's fault and not a verdict: one line, and an exit code no verdict uses.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    console.error(`rpcsim: internal error (a bug in rpcsim, please report it with the command line): ${message.split('\n')[0]}`);
    return EXIT_INTERNAL;
  }
}

async function dispatch(command: CommandName, target: string | undefined, flags: Flags, catalogue: Catalogue): Promise<number> {
  switch (command) {
    case 'list':
      return listScenarios(catalogue);
    case 'bugs':
      return listBugs(catalogue);
    case 'run':
      return runCommand(catalogue, target, flags);
    case 'replay':
      return replayCommand(catalogue, target, flags);
    default: {
      const extra = extraCommands.get(command);
      if (extra === undefined) throw new UsageError(`"${command}" is not available yet`);
      return extra(catalogue, target, flags);
    }
  }
}
