// A --plan entry that never strikes (a method nobody calls, a time past the run's end, a drop
// that takes no message) leaves no trace line; `run` says so in a note, and its JSON record
// lists it, while the entries that did strike are not named; `explore --plan` names an entry
// that no run struck.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureCliOutput, captured, rpcsim } from '../support/cli-capture.ts';

const dir = mkdtempSync(join(tmpdir(), 'rpcsim-unstruck-'));
captureCliOutput();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function planFile(name: string, plan: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(plan));
  return path;
}

const STRUCK = { at: 1_000_000, fault: { type: 'crash', target: 's2' } };
const TYPO = { when: { on: 'send', target: 's2', method: 'PBServer.Froward', nth: 1 }, fault: { type: 'drop', target: 's1', message: 'reply' } };
const TOO_LATE = { at: 99_000_000, fault: { type: 'crash', target: 's1' } };
/** s3 is never in a view on kv-faults seed 5: nobody calls it, so this drop takes no message. */
const IDLE_DROP = { at: 1_600_000, fault: { type: 'drop', target: 's3', message: 'request' } };

describe('a --plan entry that never strikes', () => {
  it('should be named in a note, by its index, and the entries that struck should not', async () => {
    const plan = planFile('plan.json', [STRUCK, TYPO, TOO_LATE]);
    expect(await rpcsim('run', 'kv-faults', '--seed', '5', '--plan', plan, '--quiet')).toBe(0);
    const notes = captured.out.filter((line) => line.startsWith('note: '));
    expect(notes).toEqual([
      'note: plan entry 1 never struck: drop the reply of the next call to s1 when s2 sends its 1st PBServer.Froward',
      'note: plan entry 2 never struck: crash s1 at 99.000000 s',
    ]);
  });

  it('should count a drop as struck when it takes its message, not when it is armed', async () => {
    captured.out = [];
    expect(await rpcsim('run', 'kv-faults', '--seed', '5', '--plan', planFile('idle.json', [IDLE_DROP]), '--quiet')).toBe(0);
    expect(captured.out.filter((line) => line.startsWith('note: '))).toEqual(['note: plan entry 0 never struck: drop the request of the next call to s3 at 1.600000 s']);
    captured.out = [];
    // With s2 crashed at 1 s, s3 becomes the backup and is called: the same drop then takes a message.
    expect(await rpcsim('run', 'kv-faults', '--seed', '5', '--plan', planFile('taken.json', [STRUCK, IDLE_DROP]), '--quiet')).toBe(0);
    expect(captured.out.filter((line) => line.startsWith('note: '))).toEqual([]);
  });

  it('should list it in the JSON record, and list nothing when every entry struck', async () => {
    captured.out = [];
    expect(await rpcsim('run', 'kv-faults', '--seed', '5', '--plan', planFile('typo.json', [STRUCK, TYPO]), '--json')).toBe(0);
    expect(JSON.parse(captured.out.at(-1)!).unstruck).toEqual(['plan entry 1 never struck: drop the reply of the next call to s1 when s2 sends its 1st PBServer.Froward']);
    captured.out = [];
    expect(await rpcsim('run', 'kv-faults', '--seed', '5', '--plan', planFile('struck.json', [STRUCK]), '--json')).toBe(0);
    expect(JSON.parse(captured.out.at(-1)!).unstruck).toEqual([]);
  });

  it('should be named by explore when no run of the exploration struck it, and not when one did', async () => {
    captured.out = [];
    const plan = planFile('explore.json', [STRUCK, TYPO, TOO_LATE]);
    expect(await rpcsim('explore', 'kv-faults', '--seeds', '4', '--plan', plan)).toBe(0);
    expect(captured.out.filter((line) => line.startsWith('note: '))).toEqual([
      'note: plan entry 1 never struck in any of the 4 runs: drop the reply of the next call to s1 when s2 sends its 1st PBServer.Froward',
      'note: plan entry 2 never struck in any of the 4 runs: crash s1 at 99.000000 s',
    ]);
  });
});
