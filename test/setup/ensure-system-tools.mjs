#!/usr/bin/env node
// `npm test` runs this first: some test files need programs that npm cannot install (a browser
// for the page tests, a Go toolchain for `rpcsim go`). Each missing one is installed with
// apt-get, saying so first, so that `npm test` passes on a fresh machine as the README promises.
// A tool that cannot be installed (no root, no apt-get) is reported in one line and the run goes
// on: the test files that need it say themselves what is missing.

import { spawnSync } from 'node:child_process';

/** What the tests need: a command to look for, and the Debian package that provides it. */
export const SYSTEM_TOOLS = [
  { command: 'chromium', debianPackage: 'chromium', usedBy: 'test/view (rpcsim view pages in a real browser)' },
  { command: 'go', debianPackage: 'golang-go', usedBy: 'test/golang and test/protocol/go-reference (Go 1.19: js/wasm builds for rpcsim go test, and the Go reference natively)' },
];

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function aptGet(args) {
  const result = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

const missing = SYSTEM_TOOLS.filter((tool) => !has(tool.command));
if (missing.length > 0) {
  const names = missing.map((tool) => tool.debianPackage).join(' ');
  console.log(`npm test: installing ${names} with apt-get (needed by ${missing.map((tool) => tool.usedBy).join('; ')})`);
  const installed = has('apt-get') && aptGet(['update', '-qq']) && aptGet(['install', '-y', '-qq', ...missing.map((tool) => tool.debianPackage)]);
  if (!installed) console.log(`npm test: could not install ${names} (apt-get needs root); install it yourself, or the tests that need it will fail`);
}
