// `--impl PATH`: the user's own servers instead of the reference. Catalogued bugs are switches of
// the reference, so `--bug` with `--impl` is refused; the run description carries the
// implementation (its path as given, and a short hash of its sources), so the header, the replay
// command and the trace file name it; only the reference without bugs is called the correct one.

import { isAbsolute, relative } from 'node:path';
import type { Catalogue, ImplementationRef } from './catalogue.ts';
import { UsageError } from './usage-error.ts';
import type { ImplementationUnderTest, RunDescription } from '../replay/run-description.ts';

/** Loads `--impl PATH` if given; refuses it next to --bug, or where the catalogue cannot load one. */
export async function implementationFlag(catalogue: Catalogue, flags: { readonly impl?: string | undefined; readonly bug?: readonly string[] | undefined }): Promise<ImplementationRef | undefined> {
  if (flags.impl === undefined) return undefined;
  if ((flags.bug ?? []).length > 0) {
    throw new UsageError('--bug switches on a catalogued bug of the reference implementation, so it cannot go with --impl: put the mistake in your own code instead');
  }
  if (catalogue.loadImplementation === undefined) throw new UsageError('--impl is not available in this build of rpcsim');
  const loaded = await catalogue.loadImplementation(flags.impl);
  return { path: displayPath(loaded.path), sourceHash: loaded.sourceHash };
}

/** The description with `--impl PATH` loaded into it (unchanged without the flag). */
export async function withImplementation(catalogue: Catalogue, description: RunDescription, flags: { readonly impl?: string | undefined; readonly bug?: readonly string[] | undefined }): Promise<RunDescription> {
  const impl = await implementationFlag(catalogue, flags);
  return impl === undefined ? description : { ...description, impl };
}

/** The path as a person gave it back: relative to the working directory when it is inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel.startsWith('.') ? rel : `./${rel}`;
}

/** "implementation: ./my-pb (source 1a2b3c4d)", or the reference's bugs. */
export function implementationText(impl: ImplementationUnderTest | null | undefined, bugs: Iterable<string>): string {
  if (impl !== null && impl !== undefined) return `implementation: ${impl.path} (source ${impl.sourceHash})`;
  const names = [...bugs];
  return `bugs: ${names.length === 0 ? 'none (the correct implementation)' : names.join(', ')}`;
}
