// The implementation interface: scenarios drive the implementation they are given (never the
// reference directly), the reference behind the interface is the run the golden traces pin, and
// asking for catalogued bugs together with another implementation is refused.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { traceHash } from '../../sim/index.ts';
import { referenceImplementation, type Implementation } from '../../protocol/index.ts';
import { runScenario } from '../../scenarios/index.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** The reference with every StartServer and MakeClerk counted: the same code, seen from outside. */
function countingReference(): { impl: Implementation; calls: Map<string, number> } {
  const ref = referenceImplementation();
  const calls = new Map<string, number>();
  const count = <T>(name: string, value: T): T => {
    calls.set(name, (calls.get(name) ?? 0) + 1);
    return value;
  };
  const impl: Implementation = {
    viewservice: {
      StartServer: (me) => count('vs.StartServer', ref.viewservice.StartServer(me)),
      MakeClerk: (me, server) => count('vs.MakeClerk', ref.viewservice.MakeClerk(me, server)),
    },
    pbservice: {
      StartServer: (vshost, me) => count('pb.StartServer', ref.pbservice.StartServer(vshost, me)),
      MakeClerk: (vshost, me) => count('pb.MakeClerk', ref.pbservice.MakeClerk(vshost, me)),
    },
  };
  return { impl, calls };
}

describe('the implementation a scenario runs', () => {
  it('should start every server and clerk of fail-put through the implementation it is given', async () => {
    const { impl, calls } = countingReference();
    const given = await runScenario('fail-put', { seed: 1, impl });
    const plain = await runScenario('fail-put', { seed: 1 });
    expect(given.ok).toBe(true);
    // TestFailPut: one view server and its polling clerk, s1..s3, one key/value clerk.
    expect(Object.fromEntries(calls)).toEqual({ 'vs.StartServer': 1, 'vs.MakeClerk': 1, 'pb.StartServer': 3, 'pb.MakeClerk': 1 });
    expect(traceHash(given.trace)).toBe(traceHash(plain.trace));
  });

  it('should refuse catalogued bugs together with another implementation', async () => {
    const { impl } = countingReference();
    await expect(runScenario('viewservice', { seed: 1, impl, bugs: new Set(['vs-ack-gate-ignored']) })).rejects.toThrow(/switches of the reference implementation/);
  });

  it('should keep the scenarios and stories free of imports of the reference', () => {
    const offenders: string[] = [];
    for (const dir of ['scenarios/lab2', 'scenarios/stories', 'scenarios/framework']) {
      for (const name of readdirSync(join(ROOT, dir))) {
        if (!name.endsWith('.ts') || `${dir}/${name}` === 'scenarios/framework/run.ts') continue;
        const source = readFileSync(join(ROOT, dir, name), 'utf8');
        // The reference lives in protocol/{viewservice,pbservice}/ and protocol/reference.ts;
        // the catalogue (protocol/bugs.ts) and the interface are what a scenario may name.
        for (const match of source.matchAll(/^import (?!type\b)[^;]*from '([^']*protocol\/[^']*)'/gm)) {
          if (!/protocol\/(implementation|bugs)\.ts$/.test(match[1]!)) offenders.push(`${dir}/${name}: ${match[1]}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
