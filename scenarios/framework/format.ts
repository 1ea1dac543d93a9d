// Go's fmt verbs as the 2015 tests use them in t.Fatalf and log.Fatalf: %v, %s, %d, %q and %%.
// Enough to print a failure exactly as the Go test would; not a general printf.

export function sprintf(format: string, ...args: readonly unknown[]): string {
  let next = 0;
  const text = format.replace(/%[vsdq%]/g, (verb) => {
    if (verb === '%%') return '%';
    if (next >= args.length) return `%!${verb.slice(1)}(MISSING)`;
    const arg = args[next++];
    return verb === '%q' ? JSON.stringify(String(arg)) : String(arg);
  });
  // Go's t.Fatalf prints a trailing newline itself; a reason is one line.
  return text.replace(/\n+$/, '');
}

/** t.Fatal(args...): operands joined with spaces, as fmt.Sprintln does. */
export function sprintln(...args: readonly unknown[]): string {
  return args.map(String).join(' ');
}
