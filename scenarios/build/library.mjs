// Builds the package's library entry for `import ... from 'rpcsim'` in a user's project: the
// public API (scenarios/rpcsim.ts) as one ES module, dist/rpcsim.mjs (esbuild, packages left to
// node_modules), and its declarations, dist/rpcsim.d.ts over dist/types/ (tsc). Test runners
// such as vitest load what is in node_modules with Node itself, untransformed, so the package
// must ship JavaScript; `npm pack` runs this first (the prepack script). Plain JavaScript, so
// that it runs before any TypeScript loader.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = join(ROOT, 'dist');
const ENTRY = 'scenarios/rpcsim.ts';

export async function buildLibrary() {
  const { build } = await import('esbuild');
  mkdirSync(DIST, { recursive: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    outfile: join(DIST, 'rpcsim.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
    legalComments: 'none',
  });
  buildDeclarations();
}

/** tsc's declarations of the entry and everything it reaches, with `./x.ts` imports renamed
 *  `./x.js` so that a user's type checker needs no TypeScript-extension options. */
function buildDeclarations() {
  const types = join(DIST, 'types');
  rmSync(types, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  // --stripInternal: members marked @internal are the simulator's own plumbing, not API.
  const options = ['--declaration', '--emitDeclarationOnly', '--stripInternal', '--allowImportingTsExtensions', '--skipLibCheck', '--strict'];
  const target = ['--target', 'ES2022', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--types', 'node'];
  execFileSync(process.execPath, [tsc, ...options, ...target, '--rootDir', ROOT, '--outDir', types, join(ROOT, ENTRY)], { stdio: 'inherit' });
  for (const file of walk(types)) {
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]*)\.ts\2/g, '$1$2$3.js$2'));
  }
  writeFileSync(join(DIST, 'rpcsim.d.ts'), "export * from './types/scenarios/rpcsim.js';\n");
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.d.ts') ? [path] : [];
  });
}

// `node scenarios/build/library.mjs` (npm's prepack): build now.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildLibrary();
  console.log('built dist/rpcsim.mjs and dist/rpcsim.d.ts');
}
