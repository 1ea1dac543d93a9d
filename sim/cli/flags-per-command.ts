// Which flags each command takes, so a flag a command would not use is refused in one line that
// names the flag and the command, never silently ignored; and the exit codes every command shares.

import { readFileSync } from 'node:fs';
import type { CommandName } from './help.ts';
import { UsageError } from './usage-error.ts';
import { codeFingerprint, rpcsimRoot } from '../replay/code-fingerprint.ts';
import { join } from 'node:path';

/** 0 pass (or an identical replay of a passing run), 1 a failing run, 2 bad input, 3 replay diverged. */
export const EXIT_PASS = 0;
export const EXIT_FAIL = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_DIVERGED = 3;
/** A bug in rpcsim itself (an exception no input should cause): distinct from every verdict. */
export const EXIT_INTERNAL = 70;

const RUN = ['seed', 'bug', 'swarm', 'strategy', 'plan'] as const;

export const FLAGS_OF: Readonly<Record<CommandName, readonly string[]>> = {
  list: [],
  bugs: [],
  run: [...RUN, 'impl', 'full', 'quiet', 'trace-out', 'json', 'proc', 'from', 'to'],
  replay: [...RUN, 'impl', 'full', 'quiet', 'trace', 'json', 'proc', 'from', 'to'],
  explore: ['bug', 'swarm', 'strategy', 'plan', 'impl', 'seeds', 'from', 'all', 'all-scenarios', 'jobs', 'shard', 'json'],
  merge: ['json'],
  shrink: [...RUN, 'impl', 'out'],
  teach: ['seed', 'mode', 'impl', 'html', 'out'],
  'check-history': ['timeout-ms', 'json'],
  init: [],
  demo: [],
  view: [...RUN, 'trace', 'out', 'format'],
  help: [],
};

/** Why a flag is not for a command, where a better command exists. */
const HINTS: ReadonlyMap<string, string> = new Map([
  ['explore seed', 'explore runs a range of seeds: give --from S and --seeds N (replay one with `rpcsim replay <scenario> --seed N`)'],
  ['explore trace', 'explore runs without traces; replay a failing seed to see its trace'],
  ['explore trace-out', 'explore runs without traces; write one with `rpcsim run <scenario> --seed N --trace-out FILE`'],
  ['explore full', 'explore prints no traces; replay a failing seed with --full to see every event'],
  ['run trace', '--trace reads a trace file: use `rpcsim replay --trace FILE`'],
  ['run seeds', 'run runs one seed: search many with `rpcsim explore <scenario> --seeds N`'],
  ['run jobs', 'run runs one seed in one thread: `rpcsim explore` takes --jobs'],
  ['replay trace-out', 'a replay is the recorded run itself: write a trace with `rpcsim run ... --trace-out FILE`'],
]);

export function refuseUnusedFlags(command: CommandName, values: Record<string, unknown>): void {
  const allowed = FLAGS_OF[command];
  for (const [flag, value] of Object.entries(values)) {
    if (value === undefined || flag === 'help' || flag === 'version' || allowed.includes(flag)) continue;
    const hint = HINTS.get(`${command} ${flag}`);
    const takes = allowed.length === 0 ? `${command} takes no flags` : `it takes ${allowed.map((f) => `--${f}`).join(' ')}`;
    throw new UsageError(`${command} does not take --${flag}: ${hint ?? `${takes}; run \`rpcsim help ${command}\``}`);
  }
}

/** "rpcsim 0.1.0 (code-…)": the package version and the simulated code's fingerprint. */
export function versionLine(): string {
  let version = 'unknown';
  try {
    const pkg = JSON.parse(readFileSync(join(rpcsimRoot(), 'package.json'), 'utf8')) as { version?: unknown };
    if (typeof pkg.version === 'string') version = pkg.version;
  } catch {
    // A bundled CLI may have no package.json beside it: the fingerprint still names the code.
  }
  return `rpcsim ${version} (simulated code ${codeFingerprint()})`;
}
