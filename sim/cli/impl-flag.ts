// `--impl PATH`: the user's own servers instead of the reference. Catalogued bugs are switches of
// the reference, so `--bug` with `--impl` is refused; the header names the implementation by its
// path and source hash, and only the reference without bugs is called the correct one.

import { isAbsolute, relative } from 'node:path';
import type { Catalogue, ImplementationRef } from './catalogue.ts';
import { UsageError } from './usage-error.ts';

/** Loads `--impl PATH` if given; refuses it next to --bug, or where the catalogue cannot load one. */
export async function implementationFlag(catalogue: Catalogue, flags: { readonly impl?: string; readonly bug?: readonly string[] }): Promise<ImplementationRef | undefined> {
  if (flags.impl === undefined) return undefined;
  if ((flags.bug ?? []).length > 0) {
    throw new UsageError('--bug switches on a catalogued bug of the reference implementation, so it cannot go with --impl: put the mistake in your own code instead');
  }
  if (catalogue.loadImplementation === undefined) throw new UsageError('--impl is not available in this build of rpcsim');
  return catalogue.loadImplementation(flags.impl);
}

/** The path as a person gave it back: relative to the working directory when it is inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel.startsWith('.') ? rel : `./${rel}`;
}

/** "implementation: ./my-pb (source 1a2b3c4d)", or the reference's bugs. */
export function implementationText(impl: ImplementationRef | undefined, bugs: ReadonlySet<string>): string {
  if (impl !== undefined) return `implementation: ${displayPath(impl.path)} (source ${impl.sourceHash})`;
  return `bugs: ${bugs.size === 0 ? 'none (the correct implementation)' : [...bugs].join(', ')}`;
}

/** " --impl PATH" for a replay command, or "". */
export function implementationArg(impl: ImplementationRef | undefined): string {
  return impl === undefined ? '' : ` --impl ${shellQuoted(displayPath(impl.path))}`;
}

function shellQuoted(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
