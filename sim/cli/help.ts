// Help text: `rpcsim help` for the overview, `rpcsim help <command>` for one command.

export const COMMANDS = ['list', 'bugs', 'run', 'replay', 'explore', 'merge', 'shrink', 'teach', 'check-history', 'init', 'demo', 'view', 'help'] as const;
export type CommandName = (typeof COMMANDS)[number];
/** `go` parses its own flags (Go's shapes: a subcommand, -v), so it is a help topic, not a CommandName. */
export const HELP_TOPICS = [...COMMANDS.slice(0, -1), 'go', 'help'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

export const GO_TEST_USAGE = 'rpcsim go test <package dir> [--seed N] [--run REGEX] [-v] [--plan FILE | --swarm] [--env NAME=VALUE] [--pid N|seed]';
export const GO_EXPLORE_USAGE = 'rpcsim go explore <package dir> --seeds N [--from S] [--jobs J] [--first] [--run REGEX] [--plan FILE | --swarm] [--env NAME=VALUE] [--pid N|seed]';

const EXITS = 'Exit 0 on pass, 1 on a failing run, 2 on bad input.';

const DETAIL: Record<HelpTopic, string> = {
  list: 'rpcsim list\n  Every scenario (the 2015 lab tests and the teaching stories), one line each. Exit 0.',
  bugs: 'rpcsim bugs\n  The catalogue of common student bugs and the (scenario, seed) runs that catch each one; swap\n  one in with --bug NAME on run, replay, explore or shrink. Exit 0.',
  run:
    'rpcsim run <scenario> [--seed N] [--bug NAME]... [--swarm] [--strategy random|swarm|pct] [--plan FILE] [--impl PATH] [--full] [--quiet] [--json] [--trace-out FILE] [--proc NAME]... [--from S] [--to S]\n' +
    '  Run one scenario (default --seed 1): the seed first, a readable summary, then PASS or the failure in\n' +
    `  the Go test's words; a failing run prints its replay command first. ${EXITS}\n` +
    '  --full prints every event; --quiet skips the event summary; --json prints one JSON object (the run\n' +
    '  description, verdict, replay command and trace fingerprint) instead; --trace-out writes the trace,\n' +
    '  its run description and decision log as JSON lines for `replay --trace` (the file is opened before\n' +
    '  the run). --swarm (or --strategy swarm) lets the seed also pick the fault mix, and --plan FILE runs a\n' +
    '  JSON fault plan (what `shrink` writes) instead of the scenario\'s own: both only on scenarios that\n' +
    '  declare fault targets. --strategy pct schedules same-instant goroutines by PCT priorities.\n' +
    '  --proc NAME (repeatable), --from S and --to S (virtual seconds) print only those processes\' events\n' +
    '  in that window; the run, its verdict, fingerprint and trace file are never filtered. --impl PATH\n' +
    '  runs your own servers and clerks (a directory from `rpcsim init`, or a .ts/.js module exporting\n' +
    '  viewservice and pbservice) instead of the reference; it cannot go with --bug.',
  replay:
    'rpcsim replay <scenario> --seed N [--bug NAME]... [--swarm] [--strategy random|swarm|pct] [--plan FILE] [--impl PATH] [--full] [--quiet] [--json] [--proc NAME]... [--from S] [--to S]\n' +
    'rpcsim replay --trace FILE|- [--full] [--quiet] [--json] [--proc NAME]... [--from S] [--to S]\n' +
    '  The same run again, byte for byte, with its trace fingerprint. With --trace (- reads standard\n' +
    '  input), replays the file\'s recorded run description and decisions and compares the new trace\n' +
    '  with the recorded one: IDENTICAL, or DIVERGED with the first decision or event that differs,\n' +
    '  blamed on the program only when the code fingerprint differs. Flags given with --trace must\n' +
    '  match the file (a field that differs is named, exit 2). Exit 0 on an identical replay of a\n' +
    '  passing run (or a passing run), 1 of a failing run, 2 on bad input, 3 if the replay diverged.\n' +
    '  --proc, --from and --to filter what is printed, as for run. A file recorded with --impl replays\n' +
    '  on that path, and says so when the implementation\'s source hash has changed since.',
  explore:
    'rpcsim explore <scenario> [--bug NAME]... [--seeds N] [--from S] [--all] [--swarm] [--strategy portfolio|random|swarm|pct] [--plan FILE] [--impl PATH] [--jobs N] [--shard K/N|env] [--json]\n' +
    'rpcsim explore --all-scenarios [the same flags but --plan]\n' +
    '  Run seeds S, S+1, ..., S+N-1 (default --from 1 --seeds 1000) without traces, looking for a\n' +
    '  failing one; print each failure\'s replay command and reason, then a summary. Stops at the\n' +
    '  first (lowest) failing seed unless --all. By default the portfolio runs seed s under\n' +
    '  random, swarm or pct in turn ((s - 1) mod 3; swarm only where the scenario declares fault\n' +
    '  targets); --strategy picks one; --swarm: the seed also picks the fault mix; --plan FILE:\n' +
    '  every seed runs that fault plan. --all-scenarios deals the N runs over every scenario in\n' +
    '  turn. --jobs N: N processes (the same failing seeds as one; more than the machine\'s cores\n' +
    '  is allowed but warned about). --shard K/N: only every Nth seed of the range, starting at\n' +
    '  its Kth (1 ≤ K ≤ N), so N machines split it; --shard env reads K and N from\n' +
    '  RPCSIM_SHARD=K/N, from JOB_COMPLETION_INDEX (Kubernetes, from 0) with RPCSIM_SHARD_COUNT=N,\n' +
    '  or from CI_NODE_INDEX and CI_NODE_TOTAL (GitLab). --json: one JSON object per failure and a\n' +
    '  summary, one per line, on stdout. Exit 1 if a seed failed, 0 if none did, 2 on bad input,\n' +
    '  130 if Ctrl-C stopped it first.',
  merge:
    'rpcsim merge <file|dir|-> [--json]\n' +
    '  Join the JSON lines that the shards of `explore --json` wrote (a file, every .jsonl file of a\n' +
    '  directory, or - for standard input) into one report: every failing seed in seed order with\n' +
    '  its replay command, the seeds checked, and any shard missing or stopped early. Exit 1 if a\n' +
    '  seed failed, 3 if none did but the range was not all checked, 0 if it was, 2 on bad input.',
  shrink:
    'rpcsim shrink <scenario> --seed N [--bug NAME]... [--swarm] [--strategy random|swarm|pct] [--plan FILE] [--impl PATH] [--out FILE]\n' +
    '  Turn a failing run into the smallest fault plan that still fails the same way (fewer faults,\n' +
    '  each as late as it still fails, pauses shortened), write it as JSON to --out (default\n' +
    '  shrunk-<scenario>-seed<N>.json, rewritten at each smaller failing plan, so Ctrl-C keeps the\n' +
    '  best so far) and print its replay command. Exit 1 when the shrunk plan fails (the normal\n' +
    '  outcome), 0 if it no longer fails, 2 on bad input (including a seed that passes), 130 on Ctrl-C.',
  teach:
    'rpcsim teach breakpoint [--seed N] [--mode task|process] [--impl PATH] [--html [--out FILE]]\n' +
    '  The same scenario and seed three ways: as is, under a modelled debugger breakpoint (--mode task,\n' +
    '  the default, holds one goroutine; process stops all of the primary), and replayed\n' +
    '  deterministically under a real breakpoint. The default seed shows the race; another seed may\n' +
    '  not, and the lesson says so. Exit 0 when the lesson ran and the replay (c) was identical to (a),\n' +
    '  3 if it was not, 2 on bad input. --impl PATH: the lesson on your own servers instead of the\n' +
    '  reference with the lesson\'s bug. --html also writes the three runs as one page, drawn one under\n' +
    '  the other (see `rpcsim help view`); default --out rpcsim-teach-breakpoint-seed<N>.html.',
  'check-history':
    'rpcsim check-history FILE|- [--timeout-ms N] [--json]\n' +
    '  Check a key/value history (porcupine\'s format; - reads standard input) for linearizability.\n' +
    '  --timeout-ms bounds the search (default 10000). --json prints one JSON object. Exit 0\n' +
    '  linearizable, 1 not (with the smallest part that cannot be linearised), 2 on bad input (an\n' +
    '  empty history included), 4 undecided within the time budget.',
  init:
    'rpcsim init DIR\n' +
    '  Write a starting implementation into DIR (new or empty): the reference viewservice and pbservice\n' +
    '  as your own files importing from \'rpcsim\', a vitest property over crash schedules, a README,\n' +
    '  package.json and tsconfig.json. Then: rpcsim run viewservice --impl DIR. Exit 0, 2 on bad input.',
  go:
    `${GO_TEST_USAGE}\n${GO_EXPLORE_USAGE}\n` +
    '  Your own Go package and its tests, unmodified (a GOPATH tree or a module), built for js/wasm with\n' +
    '  rpcsim\'s net overlay and run on rpcsim\'s clock and socket model; needs Go 1.19. go test runs one\n' +
    '  seed (default --seed 1): Go\'s own output, then a summary and the replay command. go explore runs\n' +
    '  seeds S..S+N-1 (default --from 1), in J worker threads, and prints each failing seed with Go\'s\n' +
    '  message and its replay command; --first stops at the lowest failing seed. --run REGEX picks\n' +
    '  tests and -v (go test) prints each, as in Go\'s go test: the same run of the seed as without it.\n' +
    '  --plan FILE or --swarm add socket faults (requests or replies dropped, resets, delayed reads,\n' +
    '  socket files losing their name, and with "blockedReadWait": true a handler waiting behind a\n' +
    '  thread blocked in read(2)); --env NAME=VALUE sets a variable for the program and goes into\n' +
    '  the replay command. os.Getpid() is 2015 unless --pid N gives another, or --pid seed draws one\n' +
    '  from each seed (300-32767): the 2015 tests seed math/rand with it, so each pid is one kill\n' +
    '  order in TestRepeatedCrash; the replay command carries it.\n' +
    '  Exit 0 when every test passed, 1 when one failed, 2 on bad input (no Go, another Go version,\n' +
    '  not a package, a build error, a --run pattern Go\'s regexp package cannot parse).',
  view:
    'rpcsim view <scenario> [--seed N] [--bug NAME]... [--swarm] [--strategy random|swarm|pct] [--plan FILE] [--format html|chrome|shiviz] [--out FILE]\n' +
    'rpcsim view --trace FILE [--format html|chrome|shiviz] [--out FILE]\n' +
    '  Write the run as one self-contained HTML page (no network needed) and print its path: one row\n' +
    '  per process, each message an arrow, failed calls in Go\'s words with the trace\'s explanation,\n' +
    '  crashes, kills, pauses and partitions as marks, the client operations with the linearizability\n' +
    '  verdict; zoom, pan, filter, search, step, and branch: re-run the seed (same strategy) in the\n' +
    '  page with a fault added (drop a picked request or reply, or crash, kill, pause or restart one\n' +
    '  of the scenario\'s fault targets), drawn under the run on the same time axis. --format chrome\n' +
    '  writes Chrome trace-event JSON (Perfetto, chrome://tracing); --format shiviz a ShiViz log with\n' +
    '  vector clocks. Default --out: rpcsim-<scenario>-seed<N>.<html|chrome.json|shiviz.log>.\n' +
    '  Exit 0 when the file is written (whatever the run\'s verdict, which it prints), 2 on bad input.',
  demo: 'rpcsim demo\n  The story rpcsim exists for (what `npm start` runs). Exit 0.',
  help: 'rpcsim help [command]\nrpcsim --version\n  This text, or one command\'s; --version prints the version and the simulated code\'s fingerprint.',
};

/** The overview, or one command's help; `command` must be one of HELP_TOPICS (main checks). */
export function helpText(command: HelpTopic | undefined): string {
  if (command !== undefined) return DETAIL[command];
  return [
    'rpcsim: a deterministic simulator for RPC races in the MIT 6.824 (2015) primary/backup lab.',
    '',
    'Commands:',
    // Every usage line of each command (replay has two forms), without the descriptions.
    ...HELP_TOPICS.flatMap((c) => DETAIL[c].split('\n').filter((line) => line.startsWith('rpcsim ')).map((line) => `  ${line}`)),
    '',
    'Seeds are whole numbers from 0 to 2^53-1; the same seed always gives the same run, byte for byte.',
    'Exit codes: 0 pass (or an identical replay of a passing run), 1 a failing run, 2 bad input,',
    '3 a replay that diverged (4: check-history undecided, 130: interrupted).',
    'More: rpcsim help <command>',
  ].join('\n');
}
