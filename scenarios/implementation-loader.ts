// Loading a user's own implementation (`--impl PATH`, `loadImplementation(path)`): PATH is the
// directory `rpcsim init` writes (its index.ts) or any TypeScript or JavaScript module on disk.
// Its `import ... from 'rpcsim'` is answered with this running copy of rpcsim, whatever is (or is
// not) installed next to it: the simulator's clock and network are module state, so the user's
// servers must share them with the scenarios that drive them. A short hash of the module's own
// source files (the entry and every relative import, followed) names the code that ran, so a
// replay can tell when the implementation has changed since a trace was recorded.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Implementation } from '../protocol/implementation.ts';
import { shareRunningCopy } from './running-copy.ts';

/** A path that cannot serve as an implementation; the message is one line a user can act on. */
export class ImplementationLoadError extends Error {
  override readonly name = 'ImplementationLoadError';
}

export interface LoadedImplementation {
  /** The path as resolved (absolute): a directory or a module file. */
  readonly path: string;
  /** The module file that was imported. */
  readonly entry: string;
  /** 8 hex digits of SHA-256 over the module's source files, by path relative to the entry. */
  readonly sourceHash: string;
  readonly impl: Implementation;
}

const MODULE_EXTENSIONS = ['.ts', '.mts', '.js', '.mjs'];
const SHAPE = 'an implementation exports viewservice and pbservice, each with StartServer and MakeClerk (`rpcsim init DIR` writes one)';

/** The source hash of each entry this process has imported. Node keeps a module once imported,
 *  so an edited file cannot be loaded again in the same process: it would run the old code. */
const importedHashes = new Map<string, string>();

/** Loads the implementation at `pathArg` (a directory with index.ts or index.js, or a module).
 *  Throws ImplementationLoadError with one line saying what is wrong. */
export async function loadImplementation(pathArg: string): Promise<LoadedImplementation> {
  const path = resolve(pathArg);
  const entry = entryOf(pathArg, path);
  const sourceHash = hashSources(entry);
  const earlier = importedHashes.get(entry);
  if (earlier !== undefined && earlier !== sourceHash) {
    throw new ImplementationLoadError(`${pathArg} has changed since this process loaded it (source ${earlier}, now ${sourceHash}), and a module loads once per process: run it in a new one`);
  }
  importedHashes.set(entry, sourceHash);
  shareRunningCopy();
  let exports: Record<string, unknown>;
  try {
    exports = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ImplementationLoadError(`${pathArg} could not be loaded as a module: ${firstLine(message)}`);
  }
  return { path, entry, sourceHash, impl: implementationIn(pathArg, exports) };
}

function entryOf(pathArg: string, path: string): string {
  if (!existsSync(path)) throw new ImplementationLoadError(`${pathArg}: no such file or directory (give the directory \`rpcsim init\` wrote, or a .ts/.js module)`);
  if (statSync(path).isDirectory()) {
    for (const ext of MODULE_EXTENSIONS) if (existsSync(join(path, `index${ext}`))) return join(path, `index${ext}`);
    throw new ImplementationLoadError(`${pathArg} is a directory without index.ts or index.js: ${SHAPE}`);
  }
  if (!MODULE_EXTENSIONS.includes(extname(path))) throw new ImplementationLoadError(`${pathArg} is not a module: give a ${MODULE_EXTENSIONS.join(', ')} file or a directory`);
  if (extname(path) === '.js' && !inModulePackage(dirname(path))) {
    throw new ImplementationLoadError(`${pathArg} is CommonJS by Node's rules (no package.json with "type": "module" above it): name it .mjs, or add that package.json`);
  }
  return path;
}

/** Whether Node reads a .js file in `dir` as an ES module: its nearest package.json says so. */
function inModulePackage(dir: string): boolean {
  for (let at = dir; ; at = dirname(at)) {
    const manifest = join(at, 'package.json');
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: unknown }).type === 'module';
      } catch {
        return false;
      }
    }
    if (dirname(at) === at) return false;
  }
}

/** Checks the shape of the module's exports: named `viewservice` and `pbservice`, or a default
 *  export that has both. Says which export is missing. */
function implementationIn(pathArg: string, exports: Record<string, unknown>): Implementation {
  const fallback = exports['default'];
  const source = exports['viewservice'] === undefined && isObject(fallback) ? fallback : exports;
  for (const pkg of ['viewservice', 'pbservice']) {
    const value = source[pkg];
    if (!isObject(value)) throw new ImplementationLoadError(`${pathArg} does not export "${pkg}": ${SHAPE}`);
    for (const fn of ['StartServer', 'MakeClerk']) {
      if (typeof value[fn] !== 'function') throw new ImplementationLoadError(`${pathArg} exports "${pkg}" without a ${fn} function: ${SHAPE}`);
    }
  }
  return source as unknown as Implementation;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null;
}

/** The line of an import error that says what is wrong (esbuild puts it after a summary). */
function firstLine(text: string): string {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return lines.find((line) => line.includes('ERROR:')) ?? lines[0] ?? 'unknown error';
}

// ---- the source hash -------------------------------------------------------------------------

/** The relative imports of a module: `from './x.ts'`, `import './x.js'`, `import('../y')`. */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** The entry and every source file it reaches through relative imports, hashed by path. */
export function hashSources(entry: string): string {
  const root = dirname(entry);
  const seen = new Map<string, string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    seen.set(file, text);
    for (const match of text.matchAll(RELATIVE_IMPORT)) {
      const target = resolveSource(dirname(file), match[1]!);
      if (target !== null && !seen.has(target)) pending.push(target);
    }
  }
  const hash = createHash('sha256');
  const files = [...seen.keys()].map((file) => ({ file, rel: relative(root, file) })).sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  for (const { file, rel } of files) hash.update(`${rel}\0${seen.get(file)!}\0`);
  return hash.digest('hex').slice(0, 8);
}

/** Where a relative specifier points, as TypeScript would look: the file, its .ts twin of a .js
 *  name, or an added extension or index file; null when it is not a source file on disk. */
function resolveSource(dir: string, specifier: string): string | null {
  const base = resolve(dir, specifier);
  const candidates = [base, base.replace(/\.js$/, '.ts').replace(/\.mjs$/, '.mts'), ...MODULE_EXTENSIONS.map((ext) => base + ext), ...MODULE_EXTENSIONS.map((ext) => join(base, `index${ext}`))];
  for (const file of candidates) if (existsSync(file) && statSync(file).isFile()) return file;
  return null;
}
