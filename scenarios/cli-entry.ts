// Entry point for scenarios/bin.mjs: the CLI with the lab's catalogue plugged in.

import { main } from '../sim/cli/main.ts';
import { catalogue } from './cli-catalogue.ts';
import { extraCommands } from '../sim/cli/extra-commands.ts';
import { demoCommand } from './stories/demo.ts';
import { teachCommand } from './stories/teach-breakpoint.ts';
import { shrinkCommand } from '../sim/cli/command-shrink.ts';
import { checkHistoryCommand } from '../sim/cli/command-check-history-cli.ts';
import { exploreCommand } from '../sim/cli/command-explore-cli.ts';
import { mergeCommand } from '../sim/cli/command-merge-cli.ts';
import { viewCommand } from '../sim/cli/command-view-cli.ts';
import { initCommand, viewPageEntry } from './init-command.ts';
import { goCommand } from '../sim/cli/command-go-cli.ts';

extraCommands.set('demo', demoCommand);
extraCommands.set('teach', teachCommand);
extraCommands.set('shrink', shrinkCommand);
extraCommands.set('check-history', checkHistoryCommand);
extraCommands.set('explore', exploreCommand);
extraCommands.set('merge', mergeCommand);
// The page's script is bundled from this entry, which plugs the scenarios into the page.
extraCommands.set('view', viewCommand(viewPageEntry()));
extraCommands.set('init', initCommand);

// The bundle's explore child processes load this module again: they need the catalogue and the loop.
export { catalogue };
export { serveExploreChild } from '../sim/explore/child.ts';

export function runCli(argv: readonly string[]): Promise<number> {
  // `rpcsim go test <dir> -v` has Go's own flag shapes (a subcommand, -v): it parses its own.
  if (argv[0] === 'go') return goCommand(argv.slice(1));
  return main(argv, catalogue);
}
