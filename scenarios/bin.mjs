#!/usr/bin/env node
// `npx rpcsim`: loads TypeScript through tsx (no build step), then runs the CLI.
import { register } from 'tsx/esm/api';

register();
// `rpcsim ... | head` closes our stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { runCli } = await import('./cli-entry.ts');
process.exitCode = await runCli(process.argv.slice(2));
