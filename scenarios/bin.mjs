#!/usr/bin/env node
// `npx rpcsim`: loads TypeScript through tsx (no build step), then runs the CLI.
import { register } from 'tsx/esm/api';

register();
// `rpcsim ... | head` closes our stdout early: that is the reader's choice, not an error. A full
// disk (or /dev/full) is said in one line; no stack trace either way.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`rpcsim: cannot write to standard output: ${error.code === 'ENOSPC' ? 'no space left on the device' : error.message} (${error.code ?? 'error'})\n`);
  process.exit(2);
});
const { runCli } = await import('./cli-entry.ts');
process.exitCode = await runCli(process.argv.slice(2));
