// A drop in a `--plan` file, through the CLI's main(): `run` names it and its trace replays
// identically, `shrink` removes a drop the failure does not need and keeps the one it does, and a
// drop entry that is wrong (a missing field, or one it does not read) is refused in one line on
// stderr with exit 2.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureCliOutput, captured, rpcsim } from '../support/cli-capture.ts';

const dir = mkdtempSync(join(tmpdir(), 'rpcsim-drop-'));
captureCliOutput();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** kv-faults seed 5: s2's 186th Forward reply lost, then s2 crashes; the backup s1 is promoted. */
const NEEDED_DROP = { when: { on: 'send', target: 's2', method: 'PBServer.Forward', nth: 186 }, fault: { type: 'drop', target: 's1', message: 'reply' } };
const CRASH = { at: 3_000_000, fault: { type: 'crash', target: 's2' } };
/** s3 is never in a view on this seed: nobody calls it, so this drop never takes a message. */
const IDLE_DROP = { at: 1_600_000, fault: { type: 'drop', target: 's3', message: 'request' } };

function planFile(name: string, plan: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(plan));
  return path;
}

describe('a drop in a --plan file', () => {
  it('should run it, name it in the header and the trace, and replay the trace identically', async () => {
    const plan = planFile('drop.json', [NEEDED_DROP, CRASH]);
    const trace = join(dir, 'drop.jsonl');
    expect(await rpcsim('run', 'kv-faults', '--seed', '5', '--bug', 'backup-reapplies-duplicates', '--plan', plan, '--trace-out', trace)).toBe(1);
    expect(captured.out).toContain('faults: drop the reply of the next call to s1 when s2 sends its 186th PBServer.Forward; crash s2 at 3.000000 s');
    expect(captured.out.some((line) => /faults +FAULT drop the reply of s2's PBServer.Forward #0 call to s1 \(conn \d+\)$/.test(line))).toBe(true);
    rmSync(plan);
    captured.out = [];
    expect(await rpcsim('replay', '--trace', trace, '--quiet')).toBe(1);
    expect(captured.out.at(-1)).toMatch(/^IDENTICAL: /);
  });

  it('should shrink away a drop the failure does not need and keep the one it does', async () => {
    const out = join(dir, 'shrunk.json');
    const plan = planFile('three.json', [IDLE_DROP, NEEDED_DROP, CRASH]);
    expect(await rpcsim('shrink', 'kv-faults', '--seed', '5', '--bug', 'backup-reapplies-duplicates', '--plan', plan, '--out', out)).toBe(1);
    const shrunk = JSON.parse(readFileSync(out, 'utf8')) as { fault: { type: string; target: string } }[];
    expect(shrunk.map((p) => `${p.fault.type} ${p.fault.target}`)).toEqual(['drop s1', 'crash s2']);
    expect(shrunk[0]).toEqual(NEEDED_DROP);
  });

  const BAD: [string, unknown, RegExp][] = [
    ['no message', [{ at: 0, fault: { type: 'drop', target: 's1' } }], /entry 0: a drop needs "message": "request" or "reply"/],
    ['a wrong message', [{ at: 0, fault: { type: 'drop', target: 's1', message: 'both' } }], /entry 0: a drop needs "message": "request" or "reply"/],
    ['no target', [{ at: 0, fault: { type: 'drop', message: 'reply' } }], /entry 0: fault needs a "target" server name/],
    ['a server the scenario lacks', [{ at: 0, fault: { type: 'drop', target: 's9', message: 'reply' } }], /entry 0 targets "s9", which is not a fault target of kv-faults/],
    ['a field drops do not read', [{ at: 0, fault: { type: 'drop', target: 's1', message: 'reply', forMicros: 5 } }], /entry 0: a drop takes no "forMicros" \(its fields: type, target, message\)/],
    ['a misspelt entry field', [{ at: 0, fualt: {}, fault: { type: 'drop', target: 's1', message: 'reply' } }], /entry 0: an entry takes no "fualt"/],
    ['a misspelt trigger field', [{ when: { on: 'send', target: 'tester', method: 'PBServer.Get', nth: 1, nht: 2 }, fault: { type: 'drop', target: 's1', message: 'reply' } }], /entry 0: "when" takes no "nht"/],
    ['both a time and a trigger', [{ at: 0, when: { on: 'send', target: 'tester', method: 'PBServer.Get', nth: 1 }, fault: { type: 'drop', target: 's1', message: 'reply' } }], /entry 0 has both "at" and "when"/],
    ['a trigger without nth', [{ when: { on: 'send', target: 'tester', method: 'PBServer.Get' }, fault: { type: 'drop', target: 's1', message: 'reply' } }], /entry 0: "when" needs on \(receive\|serve\|send\), target, method and nth ≥ 1/],
    ['a time given as a string', [{ at: '3000000', fault: { type: 'drop', target: 's1', message: 'reply' } }], /entry 0: "at" is "3000000"; it must be a whole number of virtual microseconds, 0 or more/],
    ['an nth given as a string', [{ when: { on: 'send', target: 'tester', method: 'PBServer.Get', nth: '1' }, fault: { type: 'drop', target: 's1', message: 'reply' } }], /entry 0: "nth" is "1"; it must be a whole number, 1 or more/],
  ];
  for (const [what, plan, message] of BAD) {
    it(`should refuse a drop entry with ${what} in one line, exit 2`, async () => {
      expect(await rpcsim('run', 'kv-faults', '--seed', '5', '--plan', planFile('bad.json', plan))).toBe(2);
      expect(captured.err).toHaveLength(1);
      expect(captured.err[0]).toMatch(message);
      expect(captured.out).toEqual([]);
    });
  }

  it('should take a drop whose trigger waits on a client, which is no fault target', async () => {
    const plan = planFile('client.json', [{ when: { on: 'send', target: 'tester', method: 'PBServer.PutAppend', nth: 5 }, fault: { type: 'drop', target: 's2', message: 'request' } }]);
    expect(await rpcsim('run', 'kv-faults', '--seed', '5', '--plan', plan, '--full')).toBe(0);
    expect(captured.out.some((line) => /FAULT drop the request of tester's PBServer.PutAppend #0 call to s2 \(conn \d+\)$/.test(line))).toBe(true);
  });
});
