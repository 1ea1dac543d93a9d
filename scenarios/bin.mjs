#!/usr/bin/env node
// `npx rpcsim`: runs the CLI from its esbuild bundle (dist/cli.mjs), built here on the first run
// after any source changed (scenarios/build/bundle.mjs). Where the bundle cannot be written (a
// read-only install), it loads the TypeScript sources through tsx instead: slower to start, same run.
import { ensureCliBundle } from './build/bundle.mjs';

// `rpcsim ... | head` closes our stdout early: that is the reader's choice, not an error. A full
// disk (or /dev/full) is said in one line; no stack trace either way.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`rpcsim: cannot write to standard output: ${error.code === 'ENOSPC' ? 'no space left on the device' : error.message} (${error.code ?? 'error'})\n`);
  process.exit(2);
});
const bundleUrl = await ensureCliBundle();
const { runCli } = bundleUrl !== null ? await import(bundleUrl) : await importSources();
process.exitCode = await runCli(process.argv.slice(2));

async function importSources() {
  const { register } = await import('tsx/esm/api');
  register();
  return import('./cli-entry.ts');
}
