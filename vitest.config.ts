// Vitest for this repository: 'rpcsim' names the package's own public API (scenarios/rpcsim.ts),
// as tsconfig.json's paths do for the type checker, so the `rpcsim init` template's property
// test (which imports from 'rpcsim', as a user's project does) runs here against these sources.

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { rpcsim: fileURLToPath(new URL('./scenarios/rpcsim.ts', import.meta.url)) } },
});
