// `rpcsim init DIR`: a starting implementation of the lab as the user's own files. The reference
// servers and clerks without the catalogue's bug switches (scenarios/init-template, which a test
// holds to the reference's traces), importing rpcsim's public API as 'rpcsim'; a vitest property
// over crash schedules; a three-line README; a package.json; and a tsconfig.json whose `paths`
// send the type checker's 'rpcsim' to the copy of rpcsim that wrote it. At run time `--impl`
// answers 'rpcsim' with the running copy whatever is installed, so DIR may be anywhere.

import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Catalogue } from '../sim/cli/catalogue.ts';
import type { Flags } from '../sim/cli/main.ts';
import { fileWriteError, UsageError } from '../sim/cli/usage-error.ts';
import { displayPath } from '../sim/cli/impl-flag.ts';

/** The root of this copy of rpcsim: the nearest folder above this module whose package.json is
 *  rpcsim's (this module may be a source file in scenarios/ or a bundle in dist/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'rpcsim') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the rpcsim package root above this module');
    dir = parent;
  }
}

/** Where the type checker finds 'rpcsim': the built declarations of a package, or the sources. */
function typesEntry(root: string): { entry: string; fromSources: boolean } {
  const built = join(root, 'dist', 'rpcsim.d.ts');
  if (existsSync(built)) return { entry: built, fromSources: false };
  return { entry: join(root, 'scenarios', 'rpcsim.ts'), fromSources: true };
}

function tsconfig(root: string): object {
  const { entry, fromSources } = typesEntry(root);
  // rpcsim's own sources use Node's APIs: check them with the @types/node they came with.
  const nodeTypes = fromSources ? { typeRoots: [join(root, 'node_modules', '@types')], types: ['node'] } : { types: [] };
  return {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2022'],
      ...nodeTypes,
      strict: true,
      noEmit: true,
      allowImportingTsExtensions: true,
      verbatimModuleSyntax: true,
      skipLibCheck: true,
      paths: { rpcsim: [entry] },
    },
  };
}

const README = (dir: string): string =>
  [
    `My 6.824 (2015) viewservice and pbservice, made by \`rpcsim init\`: the code starts as rpcsim's reference and is mine to change.`,
    `Run a 2015 test on it: \`npx rpcsim run viewservice --impl ${dir}\` (\`npx rpcsim list\` names the others); \`--seed N\`, \`replay\`, \`explore\` and \`shrink\` take \`--impl\` too.`,
    `The \`from 'rpcsim'\` imports mean the rpcsim that runs them; for \`npx vitest run\` (crash-schedules.test.ts) and \`npx tsc -p .\`, install rpcsim, vitest and typescript here.`,
  ].join('\n') + '\n';

const PACKAGE_JSON = {
  name: 'my-pbservice',
  private: true,
  type: 'module',
  scripts: { test: 'vitest run', typecheck: 'tsc -p .' },
};

export async function initCommand(_catalogue: Catalogue, target: string | undefined, _flags: Flags): Promise<number> {
  if (target === undefined) throw new UsageError('init needs a directory: rpcsim init my-pbservice');
  const dir = resolve(target);
  if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0)) {
    throw new UsageError(`${target} already exists and is not an empty directory: give init a new one (it writes index.ts, viewservice/, pbservice/, ...)`);
  }
  const root = packageRoot();
  try {
    makeDirectories(dir);
    cpSync(join(root, 'scenarios', 'init-template'), dir, { recursive: true });
    writeFileSync(join(dir, 'README.md'), README(displayPath(dir)));
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(PACKAGE_JSON, null, 2)}\n`);
    writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig(root), null, 2)}\n`);
  } catch (error) {
    // A path the user cannot write (under a file, read-only, /proc) is bad input, not a bug.
    throw new UsageError(`${fileWriteError('the implementation into', target, error).message}: give init a directory it can create`);
  }
  console.log(`wrote ${displayPath(dir)}: index.ts, viewservice/, pbservice/, crash-schedules.test.ts, README.md, package.json, tsconfig.json`);
  console.log(`next: npx rpcsim run viewservice --impl ${displayPath(dir)}`);
  return 0;
}

/** mkdir -p, one level at a time: Node 20's `mkdirSync(dir, { recursive: true })` never returns
 *  when mkdir answers ENOENT under a directory that exists (as /proc does), so init hung there. */
function makeDirectories(dir: string): void {
  if (existsSync(dir)) return;
  makeDirectories(dirname(dir));
  mkdirSync(dir);
}

/** The page script's entry (scenarios/view-page-entry.ts): found from the package root, since the
 *  module asking may be the CLI bundle in dist/ rather than a source file beside it. */
export function viewPageEntry(): URL {
  return pathToFileURL(join(packageRoot(), 'scenarios', 'view-page-entry.ts'));
}
