// The flags of the npm scripts that score the explorer (`mutants`, `student-bugs`): parsed
// strictly, with a wrong one (unknown, missing its value, not a positive count, a file that
// cannot be read) refused in one line on stderr with exit 2, and `--help` printing the usage.

import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The script's flags from process.argv; `--help` prints `usage` and exits 0. */
export function scriptFlags<const O extends Options>(script: string, usage: string, options: O) {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // Node's text goes on to suggest positional arguments, which these scripts do not take.
    const first = (error instanceof Error ? error.message : String(error)).split('. ')[0];
    return refuse(script, `${first}; usage: ${usage}`);
  }
}

/** A flag's positive whole number, or the fallback when the flag is absent. */
export function positiveCount(script: string, text: string | undefined, fallback: number, flag: string): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) refuse(script, `bad ${flag} "${text}": give a positive whole number`);
  return n;
}

export function readFlagFile(script: string, flag: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return refuse(script, `cannot read ${flag} ${path} (${code}): give a file of mutant keys, one a line, as the run prints them`);
  }
}

export function refuse(script: string, message: string): never {
  console.error(`${script}: ${message}`);
  process.exit(2);
}
