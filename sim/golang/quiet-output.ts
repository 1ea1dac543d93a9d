// Go's test output without -v, made from a run with -v. The test binary always runs with
// -test.v, so `rpcsim go test` and `rpcsim go test -v` are one run of a seed: without it the
// program would allocate less, Go's garbage collector would run at other moments, and it readies
// its own goroutines (the sweeper, the finalizers) ahead of the others when it runs, which moves
// the schedule. What -v adds is then taken out of what the user sees, as `go test` prints it:
// no `=== RUN`/`PAUSE`/`CONT` lines and no `--- PASS`/`--- SKIP` lines; a test's log lines
// (t.Log, t.Error: `    file.go:N: ...`, indented further when they run on) are held back and
// printed under its `--- FAIL` line, or dropped when it passed. Everything else the program
// prints (fmt.Println, panics) passes through at once, in order.

const VERBOSE_ONLY = /^\s*(=== (RUN|PAUSE|CONT|NAME)\s|--- (PASS|SKIP): )/;
const FAILED = /^\s*--- FAIL: /;
const LOG_LINE = /^ {4,}\S+\.go:\d+: /;
const LOG_CONTINUED = /^ {8,}/;

export class QuietOutput {
  private partial = '';
  private held: string[] = [];
  private inLog = false;

  /** Takes the next piece of -v output; returns what `go test` without -v shows of it now. */
  push(text: string): string {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop()!;
    return lines.map((line) => this.line(line)).join('');
  }

  /** The end of the output: a last line without a newline, as it is. */
  end(): string {
    const last = this.partial;
    this.partial = '';
    return last === '' ? '' : this.line(last).replace(/\n$/, '');
  }

  private line(line: string): string {
    if (FAILED.test(line)) {
      const shown = [line, ...this.held].map((l) => `${l}\n`).join('');
      this.held = [];
      this.inLog = false;
      return shown;
    }
    if (VERBOSE_ONLY.test(line)) {
      if (/--- (PASS|SKIP): /.test(line)) this.held = [];
      this.inLog = false;
      return '';
    }
    if (LOG_LINE.test(line) || (this.inLog && LOG_CONTINUED.test(line))) {
      this.inLog = true;
      this.held.push(line);
      return '';
    }
    this.inLog = false;
    return `${line}\n`;
  }
}
