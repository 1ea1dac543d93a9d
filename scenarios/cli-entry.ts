// Entry point for scenarios/bin.mjs: the CLI with the lab's catalogue plugged in.

import { main } from '../sim/cli/main.ts';
import { catalogue } from './cli-catalogue.ts';
import { extraCommands } from '../sim/cli/extra-commands.ts';
import { demoCommand } from './stories/demo.ts';
import { teachCommand } from './stories/teach-breakpoint.ts';
import { shrinkCommand } from '../sim/cli/command-shrink.ts';
import { checkHistoryCommand } from '../sim/cli/command-check-history-cli.ts';
import { exploreCommand } from '../sim/cli/command-explore-cli.ts';

extraCommands.set('demo', demoCommand);
extraCommands.set('teach', teachCommand);
extraCommands.set('shrink', shrinkCommand);
extraCommands.set('check-history', checkHistoryCommand);
extraCommands.set('explore', exploreCommand);

// The bundle's explore worker threads load this module again: they need the catalogue and the loop.
export { catalogue };
export { serveExploreWorker } from '../sim/cli/explore-worker-cli.ts';

export function runCli(argv: readonly string[]): Promise<number> {
  return main(argv, catalogue);
}
