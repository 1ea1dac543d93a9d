// The vet checks `go test` runs before it runs any test. Since Go 1.10, `go test` refuses a
// package that fails a small set of high-confidence `go vet` checks (a Printf verb that does
// not fit its argument, for one) and reports it as a build failure, exit 2. rpcsim must give the
// verdict real `go test` gives, but its js/wasm build cannot vet: the overlay adds a file to a
// standard package, which vet rejects. So the same checks run here on the package as the
// machine's own Go sees it (no overlay, the host's GOOS), which is how `go test` would vet it.

import { spawnSync } from 'node:child_process';
import type { GoPackage } from './layout.ts';
import type { GoToolchain } from './toolchain.ts';

/** `go test`'s default vet checks in Go 1.19 (defaultVetFlags in cmd/go/internal/test). */
export const GO_TEST_VET_CHECKS = ['atomic', 'bool', 'buildtags', 'errorsas', 'ifaceassert', 'nilfunc', 'printf', 'stringintconv'] as const;

/** null when the package passes `go test`'s vet checks, else vet's own output. */
export function vetLikeGoTest(pkg: GoPackage, toolchain: GoToolchain): string | null {
  const env: Record<string, string | undefined> = { ...process.env, ...Object.fromEntries(pkg.env) };
  delete env['GOOS'];
  delete env['GOARCH'];
  const vetted = spawnSync(toolchain.command, ['vet', ...GO_TEST_VET_CHECKS.map((check) => `-${check}`), '.'], { cwd: pkg.dir, encoding: 'utf8', env });
  if (vetted.status === 0) return null;
  return `${vetted.stdout}${vetted.stderr}`.trimEnd();
}
