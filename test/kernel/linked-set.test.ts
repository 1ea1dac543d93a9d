// LinkedSet stands in for a Set of a process's goroutines and sockets: the order a crash walks
// them in is part of a run's trace, so it must be a Set's order exactly.

import { describe, expect, it } from 'vitest';
import { LinkedSet, type SetLinks } from '../../sim/kernel/linked-set.ts';

class Member implements SetLinks<Member> {
  linkedPrev: Member | null = null;
  linkedNext: Member | null = null;
  linkedIn: object | null = null;
  constructor(readonly name: string) {}
}

const names = (set: Iterable<Member>): string[] => [...set].map((member) => member.name);

describe('LinkedSet', () => {
  it('should keep the order a Set keeps through any mix of adds and deletes', () => {
    const members = Array.from({ length: 12 }, (_, i) => new Member(`m${i}`));
    const linked = new LinkedSet<Member>();
    const reference = new Set<Member>();
    // A fixed pseudo-random walk of adds, re-adds and deletes (first, middle, last, absent).
    let x = 7;
    for (let step = 0; step < 2_000; step++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const member = members[x % members.length]!;
      if ((x >> 8) % 3 === 0) expect(linked.delete(member)).toBe(reference.delete(member));
      else {
        linked.add(member);
        reference.add(member);
      }
      expect(linked.size).toBe(reference.size);
      expect(linked.has(member)).toBe(reference.has(member));
    }
    expect(names(linked)).toEqual(names(reference));
  });

  it('should refuse a member of one set added to another, and take it once deleted there', () => {
    const a = new LinkedSet<Member>();
    const b = new LinkedSet<Member>();
    const m = new Member('m');
    a.add(m);
    expect(() => b.add(m)).toThrow(/added to another/);
    expect(b.delete(m)).toBe(false);
    expect(a.delete(m)).toBe(true);
    b.add(m);
    expect([a.size, b.size, a.has(m), b.has(m)]).toEqual([0, 1, false, true]);
  });

  it('should let a walk remove the member it is at, and clear unlink every member', () => {
    const set = new LinkedSet<Member>();
    const members = ['a', 'b', 'c', 'd'].map((name) => new Member(name));
    for (const member of members) set.add(member);
    const seen: string[] = [];
    for (const member of set) {
      seen.push(member.name);
      if (member.name !== 'c') set.delete(member);
    }
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
    expect(names(set)).toEqual(['c']);
    set.clear();
    expect([set.size, names(set), members[2]!.linkedIn]).toEqual([0, [], null]);
    set.add(members[0]!);
    expect(names(set)).toEqual(['a']);
  });
});
