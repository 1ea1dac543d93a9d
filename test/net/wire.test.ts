// What crosses a socket is a copy, as gob makes one: no object is ever shared between two
// simulated processes, at any depth, and only plain data can be sent at all.

import { describe, expect, it } from 'vitest';
import { copyWireValue } from '../../sim/net/wire.ts';

describe('wire copies', () => {
  it('should copy flat records field for field into a new object', () => {
    const args = { Key: 'k', Value: 'v', Id: 42, Op: 'Put', Done: false, Missing: undefined, Nothing: null };
    const copy = copyWireValue(args);
    expect(copy).toEqual(args);
    expect(copy).not.toBe(args);
  });

  it('should share nothing at any depth: arrays, maps, sets and nested records', () => {
    const inner = { Viewnum: 3, Primary: 's1' };
    const value = { seq: 0, method: 'PBServer.Transfer', args: { View: inner, Database: new Map([['k', 'v']]), Seen: new Set([1, 2]), Log: [[1, 'a']] } };
    const copy = copyWireValue(value);
    expect(copy).toEqual(value);
    inner.Viewnum = 99;
    value.args.Database.set('k', 'changed');
    value.args.Seen.add(3);
    (value.args.Log[0] as unknown[]).push('late');
    expect(copy.args.View.Viewnum).toBe(3);
    expect(copy.args.Database.get('k')).toBe('v');
    expect([...copy.args.Seen]).toEqual([1, 2]);
    expect(copy.args.Log).toEqual([[1, 'a']]);
  });

  it('should refuse what gob could not send: class instances, functions, cycles', () => {
    class Clerk {
      me = 'c1';
    }
    expect(() => copyWireValue({ clerk: new Clerk() })).toThrow(/only plain objects/);
    expect(() => copyWireValue({ callback: () => 1 })).toThrow(/cannot send a function/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => copyWireValue(cyclic)).toThrow(/nested too deeply/);
  });

  it('should leave symbol-keyed fields behind, as gob has no such field to encode', () => {
    const tag = Symbol('tag');
    const copy = copyWireValue({ shared: { [tag]: { n: 1 }, n: 2 } });
    expect(copy.shared).toEqual({ n: 2 });
    expect(Object.getOwnPropertySymbols(copy.shared)).toEqual([]);
  });
});
