// Finds the Go toolchain rpcsim builds with and checks that the net overlay fits it. The
// overlay replaces Go 1.19's net/net_fake.go and syscall/net_js.go; other Go versions lay
// those files out differently, so they are refused rather than built wrong.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The Go versions the overlay is written for. */
export const SUPPORTED_GO = /^go1\.19(\.\d+)?$/;
export const SUPPORTED_GO_TEXT = 'Go 1.19 (go1.19.x)';

export interface GoToolchain {
  readonly command: string;
  readonly version: string;
  readonly goroot: string;
}

/** A reason the toolchain cannot be used, in one line. */
export class ToolchainProblem {
  constructor(readonly message: string) {}
}

export function findGoToolchain(command = process.env['RPCSIM_GO'] ?? 'go'): GoToolchain | ToolchainProblem {
  const probe = spawnSync(command, ['env', 'GOVERSION', 'GOROOT'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) {
    return new ToolchainProblem(`no Go toolchain found (\`${command}\` did not run); install ${SUPPORTED_GO_TEXT}, e.g. \`apt-get install golang-go\` on Debian 12`);
  }
  const [version = '', goroot = ''] = probe.stdout.trim().split('\n');
  if (!SUPPORTED_GO.test(version)) {
    return new ToolchainProblem(`${version} is not supported: rpcsim's net overlay is written for ${SUPPORTED_GO_TEXT}; put a Go 1.19 first on PATH or name it with RPCSIM_GO=/path/to/go`);
  }
  if (!existsSync(join(goroot, 'misc', 'wasm', 'wasm_exec.js'))) {
    return new ToolchainProblem(`${join(goroot, 'misc', 'wasm', 'wasm_exec.js')} is missing: this Go installation has no js/wasm support files`);
  }
  return { command, version, goroot };
}
