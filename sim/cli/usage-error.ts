// Bad input from the command line: one line saying what is wrong and how to fix it, exit 2,
// never a stack trace.

export class UsageError extends Error {
  override readonly name = 'UsageError';
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
