// Bad input from the command line: one line saying what is wrong and how to fix it, exit 2,
// never a stack trace.

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * node:util calls "--seed -3" ambiguous (is -3 a value or a flag?): the line that says which
 * way to write it, or null for any other parse error. Shared by every command's flag parser.
 */
/** A refusal from a shared parser (a seed, a count), said as `command`'s own, as its other
 *  refusals are. */
export function withCommandPrefix<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`${command}: ${error.message}`);
    throw error;
  }
}

export function ambiguousValueLine(error: unknown, argv: readonly string[]): string | null {
  const ambiguous = /^Option '(--[\w-]+)[^']*' argument is ambiguous/.exec((error as Error).message);
  if (ambiguous === null) return null;
  const flag = ambiguous[1]!;
  const value = argv[argv.indexOf(flag) + 1] ?? '';
  return `${flag} ${value}: a value that starts with "-" reads as a flag; write ${flag}=${value} if you mean it`;
}

export function closestName(wanted: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of names) {
    const d = editDistance(wanted, name);
    if (d < bestDistance) {
      bestDistance = d;
      best = name;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(wanted.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export function unknownNameError(what: string, wanted: string, names: readonly string[], listCommand: string): UsageError {
  const guess = closestName(wanted, names);
  const hint = guess !== undefined ? `did you mean "${guess}"? ` : '';
  return new UsageError(`unknown ${what} "${wanted}": ${hint}run \`rpcsim ${listCommand}\` to see them all`);
}

const READ_FAILURES: ReadonlyMap<string, string> = new Map([
  ['ENOENT', 'no such file'],
  ['EISDIR', 'it is a directory, not a file'],
  ['EACCES', 'permission denied'],
  ['ENOTDIR', 'a part of the path is not a directory'],
  ['ENOSPC', 'no space left on the device'],
  ['EROFS', 'the file system is read-only'],
  ['EEXIST', 'it already exists'],
]);

/** "cannot read trace file x.jsonl: no such file (ENOENT)": a failed read in plain words. */
export function fileReadError(what: string, path: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === undefined ? String(error) : `${READ_FAILURES.get(code) ?? 'the system refused'} (${code})`;
  return new UsageError(`cannot read ${what} ${path}: ${why}`);
}

/** "cannot write trace file /x/y.jsonl: no such file (ENOENT)": a failed write in plain words. */
export function fileWriteError(what: string, path: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === undefined ? String(error) : `${READ_FAILURES.get(code) ?? 'the system refused'} (${code})`;
  return new UsageError(`cannot write ${what} ${path}: ${why}`);
}
