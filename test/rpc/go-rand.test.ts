// Go's math/rand as the 2015 tests met it: the source gives Go 1.19's own numbers bit for bit
// (printed by a Go 1.19.8 program: rand.Int63() unseeded, and rand.NewSource(-5)), the accept
// loop's decisions drawn from it reproduce what the real suite shows in every run (TestAtMostOnce
// fails exactly 36 calls, 22 replies and 14 requests dropped), and the chooser answers only the
// accept loop's draws from it.

import { describe, expect, it } from 'vitest';
import { GoGlobalRandChooser, GoRandSource, SeededChooser } from '../../sim/index.ts';
import { runScenario } from '../../scenarios/index.ts';
import { countLines } from '../../scenarios/fidelity/measure.ts';

/** One accepted connection of the 2015 accept loop: 0 request dropped, 1 reply dropped, 2 served. */
function acceptDecision(source: GoRandSource): 0 | 1 | 2 {
  if (source.int63Mod(1000) < 100) return 0;
  if (source.int63Mod(1000) < 200) return 1;
  return 2;
}

describe('Go math/rand source', () => {
  it('should give Go 1.19\'s numbers for the unseeded global source and for a negative seed', () => {
    const global = new GoRandSource();
    expect([global.int63(), global.int63(), global.int63()]).toEqual([5577006791947779410n, 8674665223082153551n, 6129484611666145821n]);
    const negative = new GoRandSource(-5);
    expect([negative.int63(), negative.int63()]).toEqual([1811683815564572222n, 4427849682616757295n]);
  });

  it('should keep to Go\'s sequence far in: a hash of 100,000 draws of Int63()%1000', () => {
    const source = new GoRandSource();
    for (let i = 0; i < 5; i++) source.int63(); // the Go program printed five draws first
    let hash = 0;
    for (let i = 0; i < 100_000; i++) hash = (hash * 31 + source.int63Mod(1000)) % 1_000_000_007;
    expect(hash).toBe(847385261); // the same loop in Go 1.19.8
    expect(source.drawn).toBe(100_005);
  });

  it('should make TestAtMostOnce\'s decisions: 14 requests and 22 replies dropped before the 101st call served, in 260 draws', () => {
    const source = new GoRandSource();
    const counts = [0, 0, 0];
    while (counts[2]! < 101) counts[acceptDecision(source)]!++;
    expect(counts).toEqual([14, 22, 101]);
    expect(source.drawn).toBe(260);
  });
});

describe('GoGlobalRandChooser', () => {
  it('should answer the accept loop\'s draws from the Go source and every other decision from the inner chooser', () => {
    const source = new GoRandSource();
    const chooser = new GoGlobalRandChooser(new SeededChooser(7), source);
    const reference = new SeededChooser(7);
    const expected = new GoRandSource();
    expect(chooser.pick('fault.unreliable', 1000)).toBe(expected.int63Mod(1000));
    expect(chooser.pick('net.wake', 80)).toBe(reference.pick('net.wake', 80));
    expect(chooser.pick('workload', 1 << 30)).toBe(reference.pick('workload', 1 << 30));
    // A second chooser on the same source goes on where the first stopped, as the next test of
    // one Go process does.
    const next = new GoGlobalRandChooser(new SeededChooser(8), source);
    expect(next.pick('fault.unreliable', 1000)).toBe(expected.int63Mod(1000));
  });

  it('should make rpcsim\'s at-most-once fail exactly Go\'s 36 calls on every seed, leaving the sequence at draw 260', async () => {
    for (const seed of [1, 2, 3]) {
      const source = new GoRandSource();
      const result = await runScenario('at-most-once', { seed, chooser: new GoGlobalRandChooser(new SeededChooser(seed), source) });
      expect(result.ok).toBe(true);
      const lines = countLines(result.trace);
      expect(lines.eof + lines.reset + lines.pipe + lines.shutdown).toBe(36);
      // A dropped request prints reset, broken pipe or (rarely) shut down; a dropped reply EOF
      // or (rarely) shut down: 14 and 22 of the 36.
      expect(lines.reset + lines.pipe).toBeLessThanOrEqual(14);
      expect(lines.eof).toBeLessThanOrEqual(22);
      expect(lines.reset + lines.pipe + lines.eof).toBeGreaterThanOrEqual(34);
      expect(source.drawn).toBe(260);
    }
  });
});
