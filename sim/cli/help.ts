// Help text: `rpcsim help` for the overview, `rpcsim help <command>` for one command.

export const COMMANDS = ['list', 'bugs', 'run', 'replay', 'explore', 'shrink', 'teach', 'check-history', 'demo', 'view', 'help'] as const;
export type CommandName = (typeof COMMANDS)[number];

const DETAIL: Record<CommandName, string> = {
  list: 'rpcsim list\n  Every scenario (the 2015 lab tests and the teaching stories), one line each.',
  bugs: 'rpcsim bugs\n  The catalogue of common student bugs; swap one in with --bug NAME on any command.',
  run: 'rpcsim run <scenario> [--seed N] [--bug NAME]... [--swarm] [--strategy pct] [--plan FILE] [--full] [--quiet] [--trace-out FILE]\n  Run one scenario: the seed first, a readable summary, then PASS or the failure in the Go\n  test\'s words. Exit 0 on pass, 1 on a failing run, 2 on bad input. --full prints every event;\n  --trace-out writes the trace and its decision log as JSON lines for `replay --trace`;\n  --swarm lets the seed also pick the fault mix (crashes, pauses, partitions, unreliability);\n  --strategy pct schedules same-instant goroutines by PCT priorities; --plan FILE runs a JSON\n  fault plan (what `shrink` writes) instead of the scenario\'s own.',
  replay: 'rpcsim replay <scenario> --seed N [--bug NAME]... [--swarm] [--strategy pct] [--plan FILE] [--full] [--quiet]\nrpcsim replay --trace FILE [--full] [--quiet]\n  The same run again, byte for byte, with its trace fingerprint. With --trace, replays the\n  recorded decisions and says where the new trace first differs if the program changed since\n  it was recorded (exit 1), or IDENTICAL. --full prints every event; --quiet skips the event summary.',
  explore:
    'rpcsim explore <scenario> [--bug NAME]... [--seeds N] [--from S] [--all] [--swarm] [--strategy random|swarm|pct] [--jobs N] [--shard K/N] [--json]\n' +
    '  Run seeds S, S+1, ..., S+N-1 (default --from 1 --seeds 1000) without traces, looking for a\n' +
    '  failing one; print each failure\'s replay command and reason, then a summary. Stops at the\n' +
    '  first (lowest) failing seed unless --all. --swarm: the seed also picks the fault mix.\n' +
    '  --jobs N: N worker threads (the same failing seeds as one thread). --shard K/N: only every\n' +
    '  Nth seed of the range, starting at its Kth (1 ≤ K ≤ N), so N machines split it. --json:\n' +
    '  one JSON object per failure and a summary, one per line, on stdout. Exit 1 if a seed\n' +
    '  failed, 0 if none did, 2 on bad input, 130 if Ctrl-C stopped it first.',
  shrink: 'rpcsim shrink <scenario> --seed N [--bug NAME]... [--swarm] [--plan FILE] [--out FILE]\n  Turn a failing run into the smallest fault plan that still fails, and print its replay command.',
  teach: 'rpcsim teach breakpoint [--seed N] [--mode task|process] [--html [--out FILE]]\n  The same scenario and seed three ways: as is, under a modelled debugger breakpoint, and\n  replayed deterministically under a real breakpoint. --html also writes the three runs as one\n  page (see `rpcsim help view`), default rpcsim-teach-breakpoint-seed<N>.html.',
  'check-history': 'rpcsim check-history FILE [--timeout-ms N]\n  Check a key/value history (porcupine\'s format) for linearizability. Exit 0 linearizable,\n  1 not (with the smallest part that cannot be linearised), 3 undecided within the time budget.',
  view:
    'rpcsim view <scenario> [--seed N] [--bug NAME]... [--swarm] [--plan FILE] [--format html|chrome|shiviz] [--out FILE]\n' +
    'rpcsim view --trace FILE [--format html|chrome|shiviz] [--out FILE]\n' +
    '  Write the run as one self-contained HTML page (no network needed) and print its path: one lane\n' +
    '  per process, each message an arrow, failed calls in Go\'s words with the trace\'s explanation,\n' +
    '  crashes, kills, pauses and partitions as marks, the client operations with the linearizability\n' +
    '  verdict; zoom, pan, filter, search, step, and branch (re-run the seed in the page with a fault\n' +
    '  added). --format chrome writes Chrome trace-event JSON (Perfetto, chrome://tracing); --format\n' +
    '  shiviz a ShiViz log with vector clocks. Default --out: rpcsim-<scenario>-seed<N>.html.',
  demo: 'rpcsim demo\n  The story rpcsim exists for (what `npm start` runs).',
  help: 'rpcsim help [command]',
};

/** The overview, or one command's help; `command` must be one of COMMANDS (main checks). */
export function helpText(command: CommandName | undefined): string {
  if (command !== undefined) return DETAIL[command];
  return [
    'rpcsim: a deterministic simulator for RPC races in the MIT 6.824 (2015) primary/backup lab.',
    '',
    'Commands:',
    // Every usage line of each command (replay has two forms), without the descriptions.
    ...COMMANDS.flatMap((c) => DETAIL[c].split('\n').filter((line) => line.startsWith('rpcsim ')).map((line) => `  ${line}`)),
    '',
    'Seeds are non-negative integers; the same seed always gives the same run, byte for byte.',
    'More: rpcsim help <command>',
  ].join('\n');
}
