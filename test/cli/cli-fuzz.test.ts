// Fuzzing the command line: drawn argv (commands, flags, values, names) and damaged input files
// (trace files, fault plans, histories cut, bit-flipped, or with a header field replaced). Whatever
// the input, rpcsim never prints a stack trace, never exits 70 (its own bug), and never exits 1
// (a failing run) unless it really ran a scenario that failed; bad input is one line and exit 2.

import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureCliOutput, captured, rpcsim } from '../support/cli-capture.ts';

captureCliOutput();
const dir = mkdtempSync(join(tmpdir(), 'rpcsim-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HISTORY = readFileSync(new URL('../check/testdata/porcupine-kv/c01-ok.txt', import.meta.url), 'utf8').split('\n').slice(0, 40).join('\n');
const PLAN = JSON.stringify([{ at: 2_500_000, fault: { type: 'pause', target: 's1', forMicros: 300_000 } }, { when: { on: 'receive', target: 's2', method: 'PBServer.Forward', nth: 2 }, fault: { type: 'crash', target: 's2' } }]);
let TRACE = '';

beforeAll(async () => {
  const path = join(dir, 'good.jsonl');
  await rpcsim('run', 'kv-faults', '--seed', '3', '--quiet', '--trace-out', path);
  TRACE = readFileSync(path, 'utf8');
});

/** A damaged copy of `text`: cut, a character changed, a line dropped or doubled, or a JSON value swapped. */
const arbDamage = fc.oneof(
  fc.nat().map((at) => (text: string) => text.slice(0, at % (text.length + 1))),
  fc.tuple(fc.nat(), fc.constantFrom('"', '{', ']', ',', '0', '-', 'x', '\n', '')).map(([at, c]) => (text: string) => {
    const i = at % Math.max(1, text.length);
    return text.slice(0, i) + c + text.slice(i + 1);
  }),
  fc.nat().map((at) => (text: string) => {
    const lines = text.split('\n');
    lines.splice(at % lines.length, 1);
    return lines.join('\n');
  }),
  fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 })).map(([at, value]) => (text: string) => {
    // Replace the at-th JSON number, string or literal with a drawn value.
    let n = 0;
    const count = (text.match(/-?\d+(\.\d+)?|"[^"\\]*"|true|false|null/g) ?? []).length;
    const target = at % Math.max(1, count);
    return text.replace(/-?\d+(\.\d+)?|"[^"\\]*"|true|false|null/g, (m) => (n++ === target ? JSON.stringify(value) ?? 'null' : m));
  }),
);

const FILES = ['trace', 'plan', 'history'] as const;
const arbFile = fc.tuple(fc.constantFrom(...FILES), arbDamage, fc.boolean()).map(([kind, damage, keep]) => {
  const original = kind === 'trace' ? TRACE : kind === 'plan' ? PLAN : HISTORY;
  return { kind, text: keep ? original : damage(original) };
});

const FAST_SCENARIOS = ['kv-faults', 'partition1', 'forward-crash', 'basic-fail', 'viewservice', 'breakpoint-race'];
const NAMES = [...FAST_SCENARIOS, 'concurrent-samee', 'breakpoint', 'nope', '', '-', '--', 'get-not-forwarded'];
const VALUES = ['0', '1', '3', '29', '-1', '1.5', 'abc', '0x1f', '9007199254740991', '9007199254740992', '1e3', '', ' ', '1/2', '3/2', 'pct', 'swarm', 'dfs', 'task', 'process', 'get-not-forwarded', 'nope'];
const FLAGS = ['seed', 'bug', 'full', 'quiet', 'trace-out', 'trace', 'seeds', 'from', 'all', 'swarm', 'strategy', 'jobs', 'shard', 'json', 'mode', 'plan', 'out', 'timeout-ms', 'version', 'help', 'h', 'nope', 'proc', 'to'];
const BOOLEAN = new Set(['full', 'quiet', 'all', 'swarm', 'json', 'version', 'help', 'h']);
const COMMANDS = ['run', 'replay', 'explore', 'shrink', 'check-history', 'list', 'bugs', 'help', 'teach', 'runn', ''];

const arbFreeArgv = fc.record({
  command: fc.constantFrom(...COMMANDS),
  target: fc.option(fc.oneof(fc.constantFrom(...NAMES), fc.constant('@file')), { freq: 4 }),
  flags: fc.array(fc.tuple(fc.constantFrom(...FLAGS), fc.oneof(fc.constantFrom(...VALUES), fc.constant('@file'), fc.constant('@out'))), { maxLength: 4 }),
  file: arbFile,
});

/** A well-formed command that reads a (damaged) file, so most cases reach the file's parser. */
const arbFileArgv = arbFile.chain((file) => {
  const forKind =
    file.kind === 'trace' ? [['replay', '--trace', '@file', '--quiet'], ['replay', '--trace', '@file', '--json'], ['replay', 'kv-faults', '--seed', '3', '--trace', '@file', '--quiet']]
    : file.kind === 'plan' ? [['run', 'kv-faults', '--plan', '@file', '--quiet'], ['replay', 'kv-faults', '--seed', '2', '--swarm', '--plan', '@file', '--json'], ['explore', 'kv-faults', '--plan', '@file', '--seeds', '1'], ['run', 'forward-crash', '--plan', '@file', '--quiet']]
    : [['check-history', '@file'], ['check-history', '@file', '--json']];
  return fc.constantFrom(...forKind).map((argv) => ({ command: argv[0]!, target: null, flags: [] as [string, string][], file, fixed: argv.slice(1) }));
});

const arbArgv = fc.oneof(arbFreeArgv.map((a) => ({ ...a, fixed: [] as string[] })), arbFileArgv, arbFileArgv);

let counter = 0;

describe('the CLI under drawn input', () => {
  it('should never print a stack trace or exit 1 or 70 for bad input', async () => {
    await fc.assert(
      fc.asyncProperty(arbArgv, async ({ command, target, flags, file, fixed }) => {
        const n = counter++;
        const path = join(dir, `in-${n}.${file.kind === 'trace' ? 'jsonl' : file.kind === 'plan' ? 'json' : 'txt'}`);
        writeFileSync(path, file.text);
        const value = (v: string): string => (v === '@file' ? path : v === '@out' ? join(dir, `out-${n}`, 'x') : v);
        const argv = [command, ...(target === null ? [] : [value(target)]), ...fixed.map(value)];
        for (const [flag, v] of flags) {
          const name = flag.length === 1 ? `-${flag}` : `--${flag}`;
          // Keep exploration and shrinking short: a fuzz case must not search thousands of seeds.
          if (flag === 'seeds' || flag === 'shard') argv.push(name, '1');
          else if (BOOLEAN.has(flag)) argv.push(name);
          else argv.push(name, value(v));
        }
        if (command === 'explore' && !argv.includes('--seeds')) argv.push('--seeds', '2');
        if (command === 'teach' || command === 'shrink' || argv.includes('concurrent-same')) return; // seconds each: covered by their own tests
        captured.out = [];
        captured.err = [];
        const code = await rpcsim(...argv);
        const said = [...captured.out, ...captured.err].join('\n');
        expect(said, argv.join(' ')).not.toMatch(/\n\s+at .+[:(]\d+/);
        expect(code, `${argv.join(' ')}\n${said}`).not.toBe(70);
        expect([0, 1, 2, 3, 4]).toContain(code);
        if (code === 2) {
          expect(captured.err, argv.join(' ')).toHaveLength(1);
          expect(captured.err[0]).toMatch(/^rpcsim: /);
        }
        // Exit 1 is a verdict: a failing run (or a not-linearizable history) was printed.
        if (code === 1) expect(said, argv.join(' ')).toMatch(/FAIL|NOT linearizable|"ok":false|"result":"illegal"|"type":"failure"/);
      }),
      { numRuns: 600, seed: 1111 },
    );
  }, 240_000);
});
