// Trace events stored as columns of numbers: time, process, task, kind and up to four fields per
// event, in fixed-size typed-array chunks. Strings (labels, paths, frame names, error texts) are
// interned once and stored as their index. The garbage collector sees a few large arrays instead
// of an object per event. Kinds without a column layout are kept as stamped objects.
//
// decode(i) rebuilds event i with its keys in the order recording gave them (type, the body's
// fields as written at the call site, then t, proc, task), so JSON lines stay byte for byte
// what they were when events were kept as objects.

import type { TraceBody, TraceEvent } from './events.ts';

/** Each columnar kind's code; encode and decode agree on which column holds which field. */
const Kind = {
  Object: 0, // not columnar: `a` indexes `objects`
  Send: 1,
  Recv: 2,
  Dial: 3,
  Accept: 4,
  Shutdown: 5,
  Close: 6,
  Error: 7,
  RpcServe: 8,
  RpcReturn: 9,
} as const;
type Kind = (typeof Kind)[keyof typeof Kind];

const CHUNK_BITS = 14;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

class Chunk {
  readonly t = new Float64Array(CHUNK);
  readonly proc = new Int32Array(CHUNK);
  readonly task = new Int32Array(CHUNK);
  readonly kind = new Uint8Array(CHUNK);
  // Fields are connection numbers, sequence numbers, counts and string ids: all well within int32.
  readonly a = new Int32Array(CHUNK);
  readonly b = new Int32Array(CHUNK);
  readonly c = new Int32Array(CHUNK);
  readonly d = new Int32Array(CHUNK);
}

export class EventColumns {
  private readonly chunks: Chunk[] = [];
  private count = 0;
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  private readonly objects: TraceEvent[] = [];
  private lastProc: string | null = null;
  private lastProcId = 0;
  private lastTask: string | null = null;
  private lastTaskId = 0;

  get length(): number {
    return this.count;
  }

  append(t: number, proc: string, task: string, body: TraceBody): void {
    const index = this.count & MASK;
    if (index === 0) this.chunks.push(new Chunk());
    const chunk = this.chunks[this.chunks.length - 1]!;
    chunk.t[index] = t;
    // A task usually records several events in a row: skip the lookups when the labels repeat.
    if (proc !== this.lastProc) {
      this.lastProc = proc;
      this.lastProcId = this.intern(proc);
    }
    if (task !== this.lastTask) {
      this.lastTask = task;
      this.lastTaskId = this.intern(task);
    }
    chunk.proc[index] = this.lastProcId;
    chunk.task[index] = this.lastTaskId;
    chunk.kind[index] = this.encode(chunk, index, t, proc, task, body);
    this.count++;
  }

  decode(i: number): TraceEvent {
    const chunk = this.chunks[i >>> CHUNK_BITS]!;
    const index = i & MASK;
    const t = chunk.t[index]!;
    const proc = this.strings[chunk.proc[index]!]!;
    const task = this.strings[chunk.task[index]!]!;
    const a = chunk.a[index]!;
    const b = chunk.b[index]!;
    const c = chunk.c[index]!;
    const d = chunk.d[index]!;
    const s = this.strings;
    switch (chunk.kind[index]! as Kind) {
      case Kind.Object:
        return this.objects[a]!;
      case Kind.Send:
        return { type: 'send', conn: a, what: s[b]!, t, proc, task };
      case Kind.Recv:
        return { type: 'recv', conn: a, what: s[b]!, t, proc, task };
      case Kind.Dial:
        return { type: 'dial', path: s[a]!, conn: b, t, proc, task };
      case Kind.Accept:
        return { type: 'accept', path: s[a]!, conn: b, t, proc, task };
      case Kind.Shutdown:
        return { type: 'shutdown', conn: a, t, proc, task };
      case Kind.Close:
        return { type: 'close', conn: a, unread: b, t, proc, task };
      case Kind.Error:
        return { type: 'error', conn: a, error: s[b]!, t, proc, task };
      case Kind.RpcServe:
        return { type: 'rpc-serve', conn: a, method: s[b]!, seq: c, t, proc, task };
      case Kind.RpcReturn:
        return { type: 'rpc-return', conn: a, method: s[b]!, seq: c, error: s[d]!, t, proc, task };
    }
  }

  private encode(chunk: Chunk, i: number, t: number, proc: string, task: string, body: TraceBody): Kind {
    switch (body.type) {
      case 'send':
      case 'recv':
        chunk.a[i] = body.conn;
        chunk.b[i] = this.intern(body.what);
        return body.type === 'send' ? Kind.Send : Kind.Recv;
      case 'dial':
      case 'accept':
        chunk.a[i] = this.intern(body.path);
        chunk.b[i] = body.conn;
        return body.type === 'dial' ? Kind.Dial : Kind.Accept;
      case 'shutdown':
        chunk.a[i] = body.conn;
        return Kind.Shutdown;
      case 'close':
        chunk.a[i] = body.conn;
        chunk.b[i] = body.unread;
        return Kind.Close;
      case 'error':
        chunk.a[i] = body.conn;
        chunk.b[i] = this.intern(body.error);
        return Kind.Error;
      case 'rpc-serve':
        chunk.a[i] = body.conn;
        chunk.b[i] = this.intern(body.method);
        chunk.c[i] = body.seq;
        return Kind.RpcServe;
      case 'rpc-return':
        chunk.a[i] = body.conn;
        chunk.b[i] = this.intern(body.method);
        chunk.c[i] = body.seq;
        chunk.d[i] = this.intern(body.error);
        return Kind.RpcReturn;
      default: {
        // A copy, stamped like the rest: listeners may stamp (and keep) the body itself.
        chunk.a[i] = this.objects.length;
        this.objects.push({ ...body, t, proc, task });
        return Kind.Object;
      }
    }
  }

  private intern(text: string): number {
    let id = this.stringIds.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(text);
      this.stringIds.set(text, id);
    }
    return id;
  }
}
