// The reference implementation with one edit applied, loaded in this process: protocol/ is copied
// into a temporary folder with the edit spliced in (as `npm run mutants` does in its sandbox),
// beside a link to the real sim/, so the copy runs on the same simulator module the scenarios
// use. For tests that show a scenario catches the mistake it was written for.

import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Implementation } from '../../protocol/implementation.ts';
import { applyMutation, type Splice } from '../../sim/mutate/operators.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const copies: string[] = [];

/** Removes every copy made so far (call it after the tests that load them, in afterAll). */
export function removeMutatedReferences(): void {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export async function mutatedReference(name: string, splice: Splice): Promise<Implementation> {
  const dir = mkdtempSync(join(tmpdir(), `rpcsim-${name}-`));
  copies.push(dir);
  cpSync(join(ROOT, 'protocol'), join(dir, 'protocol'), { recursive: true });
  symlinkSync(join(ROOT, 'sim'), join(dir, 'sim'), 'dir');
  const path = join(dir, splice.file);
  writeFileSync(path, applyMutation(readFileSync(path, 'utf8'), splice));
  const module = (await import(pathToFileURL(join(dir, 'protocol/reference.ts')).href)) as typeof import('../../protocol/reference.ts');
  return module.referenceImplementation();
}
