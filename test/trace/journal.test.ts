// The journal stores most events as numbers in columns and rebuilds the objects when read. A
// trace's bytes are its identity (fingerprints, trace files, replays), so every kind of event
// must come back exactly as it went in, keys in one fixed order (stamp first), and reading twice
// must give the same objects.

import { describe, expect, it } from 'vitest';
import type { TraceBody, TraceType } from '../../sim/trace/events.ts';
import { spareChunkBuffers } from '../../sim/trace/event-columns.ts';
import { Journal } from '../../sim/trace/journal.ts';
import { Label } from '../../sim/kernel/label.ts';
import { renderJsonl } from '../../sim/trace/render-jsonl.ts';

/** One example of every kind of event; the compiler insists on a row for each kind. */
const EXAMPLES: { readonly [K in TraceType]: () => Extract<TraceBody, { type: K }> } = {
  spawn: () => ({ type: 'spawn' }),
  crash: () => ({ type: 'crash' }),
  pause: () => ({ type: 'pause' }),
  resume: () => ({ type: 'resume' }),
  listen: () => ({ type: 'listen', path: '/var/tmp/824-1000/pb-3123-basic-1' }),
  unlink: () => ({ type: 'unlink', path: '/var/tmp/824-1000/pb-3123-basic-1' }),
  link: () => ({ type: 'link', path: '/a', to: '/b' }),
  rename: () => ({ type: 'rename', path: '/a', to: '/b' }),
  dial: () => ({ type: 'dial', path: '/var/tmp/824-1000/pb-3123-basic-2', conn: 17 }),
  accept: () => ({ type: 'accept', path: '/var/tmp/824-1000/pb-3123-basic-2', conn: 17 }),
  send: () => ({ type: 'send', conn: 17, what: 'PBServer.Forward #0 request' }),
  recv: () => ({ type: 'recv', conn: 17, what: 'PBServer.Forward #0 request' }),
  shutdown: () => ({ type: 'shutdown', conn: 17 }),
  close: () => ({ type: 'close', conn: 17, unread: 2 }),
  error: () => ({ type: 'error', conn: 17, error: 'read unix @->/var/tmp/824-1000/pb-3123-basic-2: read: connection reset by peer' }),
  'rpc-return': () => ({ type: 'rpc-return', conn: 17, method: 'PBServer.Forward', seq: 3, error: 'unexpected EOF' }),
  'rpc-serve': () => ({ type: 'rpc-serve', conn: 17, method: 'PBServer.Forward', seq: 3 }),
  'op-call': () => ({ type: 'op-call', client: 2, op: 'Append', key: 'k', value: 'x 0 1 y' }),
  'op-return': () => ({ type: 'op-return', client: 2, op: 'Get', key: 'k', value: '' }),
  log: () => ({ type: 'log', text: 'unexpected EOF' }),
  fault: () => ({ type: 'fault', text: 'crash s2' }),
  note: () => ({ type: 'note', text: 'Test: Basic Put/Get ...' }),
};

const KINDS = Object.keys(EXAMPLES) as TraceType[];

/** The event as a trace shows it: the stamp first, then the body's fields as written. */
function stamped(t: number, proc: string, task: string, body: TraceBody): unknown {
  return { t, proc, task, ...body };
}

describe('journal', () => {
  it('should give back every kind of event byte for byte, keys in trace order', () => {
    const journal = new Journal();
    const expected: unknown[] = [];
    KINDS.forEach((kind, i) => {
      journal.record(i * 10, 's1#1', `s1#1/task${i}`, EXAMPLES[kind]());
      expected.push(stamped(i * 10, 's1#1', `s1#1/task${i}`, EXAMPLES[kind]()));
    });
    expect(journal.events.map((event) => JSON.stringify(event))).toEqual(expected.map((event) => JSON.stringify(event)));
  });

  it('should keep numbers and strings apart when the same values repeat across many chunks', () => {
    const journal = new Journal();
    let expected = '';
    for (let i = 0; i < 40_000; i++) {
      const body: TraceBody = i % 2 === 0 ? { type: 'send', conn: i, what: `KV.Put #${i % 100} request` } : { type: 'close', conn: i, unread: i % 3 };
      journal.record(i, `s${i % 3}#1`, `s${i % 3}#1/ServeConn`, body);
      expected += JSON.stringify({ t: i, proc: `s${i % 3}#1`, task: `s${i % 3}#1/ServeConn`, ...body }) + '\n';
    }
    expect(journal.length).toBe(40_000);
    expect(renderJsonl(journal.events)).toBe(expected);
  });

  it('should return the same event objects on every read, and extend them as events arrive', () => {
    const journal = new Journal();
    journal.record(1, 'p', 'p/main', EXAMPLES.send());
    const first = journal.events[0];
    journal.record(2, 'p', 'p/main', EXAMPLES.log());
    expect(journal.events).toHaveLength(2);
    expect(journal.events[0]).toBe(first);
  });

  it('should hand listeners the stamped event even when it records nothing', () => {
    const journal = new Journal(false);
    const heard: unknown[] = [];
    journal.onEvent((event) => heard.push(event));
    journal.record(5, 'p', 'p/main', EXAMPLES.recv());
    expect(journal.events).toEqual([]);
    expect(heard).toEqual([stamped(5, 'p', 'p/main', EXAMPLES.recv())]);
  });

  it('should record the hot kinds written field by field exactly as their bodies, listened to or not', () => {
    // One Label each, shared by the journals below: each journal gives it its own id.
    const P = new Label('p');
    const P_MAIN = new Label('p/main');
    const PATH = new Label('/var/tmp/824-1000/pb-3123-basic-2');
    const FRAME = new Label('PBServer.Forward #0 request');
    const METHOD = new Label('PBServer.Forward');
    const direct = (journal: Journal, t: number): void => {
      // Fields go in as strings and as Labels, which must record the same.
      journal.recordConnect(t, P, P_MAIN, 'dial', '/var/tmp/824-1000/pb-3123-basic-2', 17);
      journal.recordConnect(t, P, P_MAIN, 'accept', PATH, 17);
      journal.recordFrame(t, P, P_MAIN, 'send', 17, FRAME);
      journal.recordFrame(t, P, P_MAIN, 'recv', 17, 'PBServer.Forward #0 request');
      journal.recordClose(t, P, P_MAIN, 17, 2);
      journal.recordRpcServe(t, P, P_MAIN, 17, METHOD, 3);
      journal.recordRpcReturn(t, P, P_MAIN, 17, 'PBServer.Forward', 3, new Label('unexpected EOF'));
    };
    const bodies = (['dial', 'accept', 'send', 'recv', 'close', 'rpc-serve', 'rpc-return'] as const).map((kind) => EXAMPLES[kind]());
    const expected = bodies.map((body) => JSON.stringify(stamped(4, 'p', 'p/main', body)));
    const quiet = new Journal();
    direct(quiet, 4);
    expect(quiet.events.map((event) => JSON.stringify(event))).toEqual(expected);
    // Listeners hear what record(body) hands them (the body, stamped in place).
    const viaBodies = new Journal();
    const heardViaBodies: unknown[] = [];
    viaBodies.onEvent((event) => heardViaBodies.push(JSON.stringify(event)));
    for (const body of bodies) viaBodies.record(4, 'p', 'p/main', body);
    const listened = new Journal();
    const heard: unknown[] = [];
    listened.onEvent((event) => heard.push(JSON.stringify(event)));
    direct(listened, 4);
    expect(heard).toEqual(heardViaBodies);
    expect(listened.events.map((event) => JSON.stringify(event))).toEqual(expected);
  });

  it('should give a released journal\'s buffers to the next one without any of its rows showing through', () => {
    // The first journal fills every column of three chunks with numbers the second never writes.
    const old = new Journal();
    const oldProcs = Array.from({ length: 7 }, (_, i) => new Label(`old${i}`));
    const oldTasks = Array.from({ length: 7 }, (_, i) => new Label(`old${i}/task`));
    for (let i = 0; i < 40_000; i++) old.recordRpcReturn(1e9 + i, oldProcs[i % 7]!, oldTasks[i % 7]!, 999_999, `Old.Method${i % 5}`, 123_456, `old error ${i % 11}`);
    const spareBefore = spareChunkBuffers();
    old.release();
    expect(spareChunkBuffers()).toBe(spareBefore + 3);
    expect(() => old.events).toThrow(/released/);
    expect(() => old.record(1, 'p', 'p/main', EXAMPLES.log())).toThrow(/released/);
    // The next journal takes them, and every kind of event comes back exactly as written.
    const next = new Journal();
    let expected = '';
    for (let i = 0; i < 40_000; i++) {
      const kind = KINDS[i % KINDS.length]!;
      next.record(i, 'p', `p/task${i % 3}`, EXAMPLES[kind]());
      expected += JSON.stringify(stamped(i, 'p', `p/task${i % 3}`, EXAMPLES[kind]())) + '\n';
    }
    expect(spareChunkBuffers()).toBe(spareBefore);
    expect(renderJsonl(next.events)).toBe(expected);
  });
});
