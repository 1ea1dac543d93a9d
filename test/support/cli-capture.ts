// Runs the rpcsim CLI in-process (its main(), with the catalogue `npx rpcsim` uses) and captures
// what it prints: each test reads `captured.out` and `captured.err`, fresh for every test.

import { afterEach, beforeEach, vi } from 'vitest';
import { main } from '../../sim/cli/main.ts';
import '../../scenarios/cli-entry.ts'; // registers explore (and the other commands) as `npx rpcsim` does
import { catalogue } from '../../scenarios/cli-catalogue.ts';

export const captured = { out: [] as string[], err: [] as string[] };

/** Call at the top of a test file: every test starts with empty captures. */
export function captureCliOutput(): void {
  beforeEach(() => {
    captured.out = [];
    captured.err = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void captured.out.push(args.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void captured.err.push(args.join(' ')));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
}

/** `rpcsim ...argv`, in-process: resolves with the exit code. */
export async function rpcsim(...argv: string[]): Promise<number> {
  return main(argv, catalogue);
}

/**
 * For commands that also write to process.stdout themselves (`rpcsim go` passes the Go program's
 * own output through): every console line (with its newline) and every stdout write, in order,
 * in arrays that are emptied in place before each test. Call at the top of a test file.
 */
export function captureWrites(): { readonly out: string[]; readonly err: string[] } {
  const writes = { out: [] as string[], err: [] as string[] };
  beforeEach(() => {
    writes.out.length = 0;
    writes.err.length = 0;
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void writes.out.push(`${args.join(' ')}\n`));
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void writes.err.push(`${args.join(' ')}\n`));
    vi.spyOn(process.stdout, 'write').mockImplementation((text: string | Uint8Array) => writes.out.push(String(text)) > 0);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  return writes;
}
