// Writes an HTML page of one run (and of runs to show beside it) to a file and says where: shared
// by `rpcsim view` and `rpcsim teach breakpoint --html`. The page's script is bundled from the
// entry the composition root names.

import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundlePageScript } from '../view/bundle.ts';
import { renderPage, type Companion } from '../view/html.ts';
import { fileWriteError } from './usage-error.ts';
import type { ViewModel } from '../view/view-model.ts';

export async function writeViewPage(outPath: string, model: ViewModel, pageEntry: URL, companions: readonly Companion[] = [], heading: string | null = null): Promise<{ path: string; bytes: number }> {
  const path = resolve(outPath);
  const html = renderPage(model, await bundlePageScript(fileURLToPath(pageEntry)), companions, heading);
  try {
    writeFileSync(path, html);
  } catch (error) {
    // --out in a missing or read-only directory is the user's to fix: one line, exit 2.
    throw fileWriteError('page', outPath, error);
  }
  return { path, bytes: Buffer.byteLength(html) };
}

/** A written file's path as the user will type it: relative when it is under the current directory. */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}
