// Module hooks for a user's implementation. `import ... from 'rpcsim'` means this running copy of
// rpcsim: the bare name is answered with a small module that re-exports the public API object
// this process already loaded. Two copies (one the CLI runs, one in the user's node_modules)
// would each have their own clock and network, and the user's servers would run on a world no
// scenario drives; so the name is mapped for every importer in the process. TypeScript files
// outside node_modules are compiled here with esbuild, always as ES modules (a lone .ts file has
// no package.json to say "type": "module"), and a `./x.js` import finds `./x.ts` as tsc's does.

import { register } from 'node:module';
import * as api from './rpcsim.ts';

/** Where the generated module finds the API object (a global: it runs in a module of its own). */
const API_KEY = 'rpcsim.running-copy';

const HOOKS = `
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
let names = [];
let esbuildUrl = '';
export function initialize(data) { names = data.names; esbuildUrl = data.esbuildUrl; }
const isOwnTs = (url) => url.startsWith('file:') && /\\.m?ts$/.test(url) && !url.includes('/node_modules/');
export async function resolve(specifier, context, next) {
  if (specifier === 'rpcsim') return { url: 'rpcsim:running-copy', shortCircuit: true };
  const parent = context.parentURL ?? '';
  // A relative import of a TypeScript file is ours to load, as written or as tsc's .js twin;
  // answering it here keeps another loader (tsx, in a source checkout) from reading it as CommonJS.
  if (/^\\.{1,2}\\//.test(specifier) && parent.startsWith('file:')) {
    const asWritten = new URL(specifier, parent);
    const twin = new URL(specifier.replace(/js$/, 'ts'), parent);
    if (isOwnTs(asWritten.href) && existsSync(asWritten)) return { url: asWritten.href, format: 'module', shortCircuit: true };
    const jsOnlyByName = /\\.m?js$/.test(specifier) && !existsSync(asWritten);
    if (jsOnlyByName && isOwnTs(twin.href) && existsSync(twin)) return { url: twin.href, format: 'module', shortCircuit: true };
  }
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (url === 'rpcsim:running-copy') {
    const source = 'const api = globalThis[Symbol.for(${JSON.stringify(API_KEY)})];\\n' +
      names.map((name) => 'export const ' + name + ' = api.' + name + ';').join('\\n');
    return { format: 'module', source, shortCircuit: true };
  }
  if (!isOwnTs(url)) return next(url, context);
  const { transform } = await import(esbuildUrl);
  const path = fileURLToPath(url);
  const out = await transform(await readFile(path, 'utf8'), { loader: 'ts', format: 'esm', target: 'node20', sourcefile: path, sourcemap: 'inline' });
  return { format: 'module', source: out.code, shortCircuit: true };
}
`;

let shared = false;

/** Installs the hooks (once per process); modules imported from then on see them. */
export function shareRunningCopy(): void {
  if (shared) return;
  shared = true;
  (globalThis as Record<symbol, unknown>)[Symbol.for(API_KEY)] = api;
  const names = Object.keys(api).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
  const esbuildUrl = import.meta.resolve('esbuild');
  register(`data:text/javascript,${encodeURIComponent(HOOKS)}`, { data: { names, esbuildUrl } });
}
