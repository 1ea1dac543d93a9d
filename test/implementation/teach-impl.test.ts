// `rpcsim teach breakpoint --impl DIR`: the lesson on the user's own servers. With the starting
// implementation changed by one line into the lesson's bug (the backup stops recording forwarded
// op ids), the three runs are the reference lesson's runs, fingerprint for fingerprint, and the
// header names the user's code, not a catalogued bug.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureCliOutput, captured, rpcsim } from '../support/cli-capture.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'rpcsim-teach-impl-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

captureCliOutput();

const fingerprints = (lines: readonly string[]): string[] => lines.filter((line) => line.includes('trace fingerprint')).map((line) => line.replace(/\x1b\[[0-9;]*m/g, ''));

describe('rpcsim teach breakpoint --impl', () => {
  it("should teach the lesson on the user's copy of the bug, with the reference lesson's traces", async () => {
    const dir = join(work, 'mine');
    cpSync(join(ROOT, 'scenarios/init-template'), dir, { recursive: true });
    const server = join(dir, 'pbservice', 'server.ts');
    const text = readFileSync(server, 'utf8');
    const line = '    this.applyWrite(args);\n    this.seen.add(args.Id);\n';
    expect(text.split(line)).toHaveLength(2);
    writeFileSync(server, text.replace(line, '    this.applyWrite(args);\n    // this.seen.add(args.Id);\n'));

    expect(await rpcsim('teach', 'breakpoint')).toBe(0);
    const reference = fingerprints(captured.out);
    captured.out = [];
    expect(await rpcsim('teach', 'breakpoint', '--impl', dir)).toBe(0);
    expect(captured.out[1]).toMatch(/^seed \d+ · scenario breakpoint-race · implementation: .*mine \(source [0-9a-f]{8}\) · faults: crash s1 at 4\.000000 s$/);
    expect(captured.out.join('\n')).not.toContain('dup-table-not-replicated');
    expect(reference).toHaveLength(3);
    expect(fingerprints(captured.out)).toEqual(reference);
  }, 60_000);
});
