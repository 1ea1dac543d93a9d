// Vitest for this repository: 'rpcsim' names the package's own public API (scenarios/rpcsim.ts),
// as tsconfig.json's paths do for the type checker, so the `rpcsim init` template's property
// test (which imports from 'rpcsim', as a user's project does) runs here against these sources.
// test/package (pack, install the tarball in a fresh project, run it: about a minute) runs only
// under `npm run test:package`.

import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const packageTest = process.env['RPCSIM_PACKAGE_TEST'] === '1';

export default defineConfig({
  resolve: { alias: { rpcsim: fileURLToPath(new URL('./scenarios/rpcsim.ts', import.meta.url)) } },
  test: { exclude: packageTest ? configDefaults.exclude : [...configDefaults.exclude, 'test/package/**'] },
});
