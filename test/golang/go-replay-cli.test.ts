// Every replay command `rpcsim go test` and `rpcsim go explore` print, run as printed (split as a
// shell splits it, `npx rpcsim` dropped), gives the same run: the same Go output, verdict,
// seed and virtual time. With -v added or taken away it is still the same run, since output
// costs the program nothing.

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureWrites } from '../support/cli-capture.ts';
import { goCommand } from '../../sim/cli/command-go-cli.ts';

const fixture = (path: string): string => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));
const KV = fixture('gopath/src/kv');
const CLOCK = fixture('module/clock');
const DROP_REPLY = fixture('plans/drop-reply.json');
const TIMEOUT_MS = 300_000;

const { out } = captureWrites();

/** Words of a command line as a POSIX shell splits it (plain words and '...' quoting). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ') {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '\\') word = (word ?? '') + line[++i]!;
    else word = (word ?? '') + c;
  }
  if (word !== null) words.push(word);
  return words;
}

/** Runs `rpcsim go ...argv` and returns what it printed. */
async function go(argv: readonly string[]): Promise<{ code: number; text: string }> {
  out.length = 0;
  const code = await goCommand(argv);
  return { code, text: out.join('') };
}

/** The printed replays, as argv for goCommand. */
function replays(text: string): string[][] {
  return [...text.matchAll(/replay: (.*)\n/g)].map((m) => {
    const words = shellWords(m[1]!);
    expect(words.slice(0, 3)).toEqual(['npx', 'rpcsim', 'go']);
    return words.slice(3);
  });
}

/** What makes a `go test` run that run: Go's output without -v's own lines, and the verdict's
 *  outcome, seed and virtual time (not the wall time, and not -v's pass counts). */
function essence(text: string): string {
  const verdict = /^rpcsim go test \S+: (PASS|FAIL): (?:failed: (.*?)(?: \(.*?\))?|.*?) (in [\d.]+ virtual s, seed \d+)/m.exec(text);
  expect(verdict).not.toBeNull();
  const goOutput = text.slice(0, text.search(/^(socket faults|replay|rpcsim go test)/m)).replace(/^\s*(=== RUN|--- PASS|--- FAIL).*\n/gm, '');
  return `${goOutput}${verdict![1]} ${verdict![2] ?? ''} ${verdict![3]}`;
}

/** Runs a replay as printed, then with -v toggled: all three give the original's run. */
async function expectReproduces(argv: string[], original: string, code: number): Promise<void> {
  const toggled = argv.includes('-v') ? argv.filter((a) => a !== '-v') : [...argv, '-v'];
  for (const replay of [argv, toggled]) {
    const again = await go(replay);
    expect(again.code).toBe(code);
    expect(essence(again.text)).toBe(original);
  }
}

describe('printed go replays', () => {
  it('should print go test replays as npx rpcsim commands that reproduce the run, with or without -v', async () => {
    const runs: string[][] = [
      ['test', CLOCK, '--run', 'TestTimer', '-v', '--seed', '4'],
      ['test', CLOCK, '--run', 'Always'],
      ['test', KV, '--run', 'TestPutsExecutedOnce', '--plan', DROP_REPLY, '--seed', '2'],
      ['test', KV, '--run', 'TestPutsExecutedOnce|TestUnreliablePuts', '--swarm', '--seed', '5', '--env', 'NOTE=two words'],
    ];
    for (const argv of runs) {
      const first = await go(argv);
      const [replay, ...more] = replays(first.text);
      expect(more).toEqual([]);
      await expectReproduces(replay!, essence(first.text), first.code);
    }
  }, TIMEOUT_MS);

  it('should print go explore replays that reproduce each failing seed, with or without -v', async () => {
    const explored = await go(['explore', KV, '--seeds', '2', '--run', 'TestPutsExecutedOnce', '--plan', DROP_REPLY]);
    expect(explored.code).toBe(1);
    const printed = replays(explored.text);
    expect(printed.length).toBeGreaterThan(0);
    for (const replay of printed) {
      const seed = replay[replay.indexOf('--seed') + 1]!;
      // The seed's report in explore: Go's words for the failure, indented.
      const block = new RegExp(`^seed ${seed}: FAIL [^\\n]*\\n((?: {4}(?!replay).*\\n)*)`, 'm').exec(explored.text)![1]!;
      const first = await go(replay);
      expect(first.code).toBe(1);
      for (const line of block.split('\n').filter((l) => l !== '')) expect(first.text).toContain(`${line.trim()}\n`);
      await expectReproduces(replay, essence(first.text), 1);
    }
  }, TIMEOUT_MS);
});
