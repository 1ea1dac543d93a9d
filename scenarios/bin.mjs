#!/usr/bin/env node
// `npx rpcsim`: loads TypeScript through tsx (no build step), then runs the CLI.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('./cli-entry.ts');
process.exitCode = await runCli(process.argv.slice(2));
