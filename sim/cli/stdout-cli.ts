// Standard output that may go away: `rpcsim run X --full | head` closes the pipe after a few
// lines, and a full disk refuses writes. Node marks the stream as errored at the failing write,
// so a long printing loop asks `stdoutClosed()` and stops instead of rendering a million lines
// nobody reads; bin.mjs then ends the process quietly.

export function stdoutClosed(): boolean {
  return process.stdout.errored !== null && process.stdout.errored !== undefined;
}

/** console.log each line until standard output is gone. */
export function printLines(lines: Iterable<string>): void {
  for (const line of lines) {
    if (stdoutClosed()) return;
    console.log(line);
  }
}
