// `rpcsim explore <scenario>` (or `--all-scenarios`): parses the flags into a request for the
// explorer (sim/explore), shows its progress events on stderr, prints each failing run's replay
// command and reason, then a summary. Exit 1 if a run failed, 0 if none did, 130 if interrupted
// before any did, 2 on bad input.

import { availableParallelism } from 'node:os';
import { explore } from '../explore/explore.ts';
import type { Catalogue } from './catalogue.ts';
import { parseExploreOptions } from './explore-options.ts';
import { Progress } from './explore-progress-cli.ts';
import { failureLines, headerLine, summaryLine } from './explore-report.ts';
import type { Flags } from './main.ts';
import { withImplementation } from './impl-flag.ts';
import { describePlannedFault } from '../faults/plan.ts';

export async function exploreCommand(catalogue: Catalogue, target: string | undefined, flags: Flags): Promise<number> {
  const parsed = parseExploreOptions(catalogue, target, flags);
  const options = { ...parsed, run: await withImplementation(catalogue, parsed.run, flags) };
  const cores = availableParallelism();
  if (options.jobs > cores) {
    // Each process holds a whole simulated world; processes beyond the cores only add memory and
    // switching, never speed.
    console.error(`rpcsim: warning: --jobs ${options.jobs} is more than this machine's ${cores} cores: each process holds its own simulated world (memory) and the extra ones only take turns; --jobs ${cores} is as fast`);
  }
  const progress = new Progress(options.label, options.seeds.count);
  const print = (lines: readonly string[]): void => {
    progress.clear();
    for (const line of lines) console.log(line);
  };
  if (!options.json) print([headerLine(options)]);
  const interrupt = new AbortController();
  const onInterrupt = (): void => interrupt.abort();
  process.once('SIGINT', onInterrupt);
  try {
    const request = { ...options, bugs: [...options.bugs], signal: interrupt.signal, ...(options.run.impl === null ? {} : { impl: options.run.impl }) };
    // A --plan entry that no run struck (a method nobody calls, a time past every run's end)
    // tested nothing: the entries every verdict so far lists as unstruck.
    let neverStruck: Set<number> | null = null;
    const result = await explore(catalogue, request, (event) => {
      if (event.type === 'verdict' && event.verdict.unstruck !== undefined) {
        const unstruck = new Set(event.verdict.unstruck);
        neverStruck = neverStruck === null ? unstruck : new Set([...neverStruck].filter((i) => unstruck.has(i)));
      }
      if (event.type === 'failure') print(failureLines(options, event.failure));
      else if (event.type === 'progress') progress.update(event.done, event.failures);
    });
    const summary = { failures: result.failures.length, checked: result.checked, runs: result.runs, wallSeconds: progress.elapsedSeconds, interrupted: result.interrupted };
    if (!options.json && options.faults !== undefined && neverStruck !== null) {
      const plan = options.faults;
      print([...(neverStruck as Set<number>)].sort((a, b) => a - b).map((i) => `note: plan entry ${i} never struck in any of the ${result.runs} runs: ${describePlannedFault(plan[i]!)}`));
    }
    print([summaryLine(options, summary)]);
    if (result.failures.length > 0) return 1;
    return result.interrupted ? 130 : 0;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    progress.clear();
  }
}
