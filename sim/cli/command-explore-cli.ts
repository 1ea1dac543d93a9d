// `rpcsim explore <scenario>`: runs seeds S, S+1, ... without traces (a seed is
// a pure function of code, scenario, bugs and seed, so seeds split freely over threads and shards),
// shows progress on stderr, prints each failing seed's replay command and reason, then a summary.
// Exit 1 if a seed failed, 0 if none did, 130 if interrupted before any did, 2 on bad input.

import { availableParallelism } from 'node:os';
import type { Catalogue } from './catalogue.ts';
import { parseExploreOptions } from './explore-options.ts';
import { runPool } from './explore-pool-cli.ts';
import { Progress } from './explore-progress-cli.ts';
import { failureLines, headerLine, summaryLine } from './explore-report.ts';
import type { Flags } from './main.ts';
import { withImplementation } from './impl-flag.ts';

export async function exploreCommand(catalogue: Catalogue, target: string | undefined, flags: Flags): Promise<number> {
  const parsed = parseExploreOptions(catalogue, target, flags);
  const options = { ...parsed, run: await withImplementation(catalogue, parsed.run, flags) };
  const cores = availableParallelism();
  if (options.jobs > cores) {
    // Each worker holds a whole simulated world; threads beyond the cores only add memory and
    // switching, never speed.
    console.error(`rpcsim: warning: --jobs ${options.jobs} is more than this machine's ${cores} cores: each thread holds its own simulated world (memory) and the extra threads only take turns; --jobs ${cores} is as fast`);
  }
  const progress = new Progress(options.scenario, options.seeds.count);
  const print = (lines: readonly string[]): void => {
    progress.clear();
    for (const line of lines) console.log(line);
  };
  if (!options.json) print([headerLine(options)]);
  let interrupted = false;
  const onInterrupt = (): void => {
    interrupted = true;
  };
  process.once('SIGINT', onInterrupt);
  let failures = 0;
  let done = 0;
  try {
    const tally = await runPool(catalogue, options, {
      onVerdict(verdict) {
        done++;
        if (!verdict.ok) {
          failures++;
          print(failureLines(options, verdict));
        }
        progress.update(done, failures);
      },
      shouldStop: () => interrupted,
    });
    const summary = { failures, checked: tally.checked, runs: tally.runs, wallSeconds: progress.elapsedSeconds, interrupted };
    print([summaryLine(options, summary)]);
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    progress.clear();
  }
  if (failures > 0) return 1;
  return interrupted ? 130 : 0;
}
