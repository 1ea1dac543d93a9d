// An insertion-ordered set whose members carry their own links: adding and removing is a few
// pointer writes, where a Set hashes the member and, as members come and go by the thousand
// (a connection's two sockets, a request's goroutine), rehashes its table now and then. A
// process's goroutines and open sockets live in these. Iteration order is insertion order, as
// a Set's is, so whatever walks them (a crash closing every socket) does so in the same order.
// Unlike a Set: a member belongs to one set at a time, and a walk may remove only the member it
// is at (one added during a walk is not visited); callers that change the set more than that as
// they go walk a copy ([...set]).

import { assert } from './assert.ts';

/** What a member carries: its neighbours, and which set holds it (one at a time). */
export interface SetLinks<T> {
  linkedPrev: T | null;
  linkedNext: T | null;
  /** The LinkedSet holding it. */
  linkedIn: object | null;
}

export class LinkedSet<T extends SetLinks<T>> implements Iterable<T> {
  private first: T | null = null;
  private last: T | null = null;
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(member: T): void {
    if (member.linkedIn === this) return;
    if (member.linkedIn !== null) assert(false, 'a member of one LinkedSet added to another: delete it from the first');
    member.linkedIn = this;
    member.linkedPrev = this.last;
    member.linkedNext = null;
    if (this.last === null) this.first = member;
    else this.last.linkedNext = member;
    this.last = member;
    this.count++;
  }

  has(member: T): boolean {
    return member.linkedIn === this;
  }

  /** True if `member` was here. */
  delete(member: T): boolean {
    if (member.linkedIn !== this) return false;
    const prev = member.linkedPrev;
    const next = member.linkedNext;
    if (prev === null) this.first = next;
    else prev.linkedNext = next;
    if (next === null) this.last = prev;
    else next.linkedPrev = prev;
    member.linkedPrev = null;
    member.linkedNext = null;
    member.linkedIn = null;
    this.count--;
    return true;
  }

  clear(): void {
    let member = this.first;
    while (member !== null) {
      const next = member.linkedNext;
      member.linkedPrev = null;
      member.linkedNext = null;
      member.linkedIn = null;
      member = next;
    }
    this.first = null;
    this.last = null;
    this.count = 0;
  }

  /** Members in insertion order. The walk may remove the member it is at, not the ones ahead. */
  *[Symbol.iterator](): Iterator<T> {
    let member = this.first;
    while (member !== null) {
      const next = member.linkedNext;
      yield member;
      member = next;
    }
  }
}
