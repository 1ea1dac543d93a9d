// Trace events stored as columns of numbers: time, process, task, kind and up to four fields per
// event, in fixed-size typed-array chunks. Strings (labels, paths, frame names, error texts) are
// interned once and stored as their index. The garbage collector sees a few large arrays instead
// of an object per event. Kinds without a column layout are kept as stamped objects.
//
// decode(i) rebuilds event i with its keys in one fixed order: t, proc, task, type, then the
// body's fields as the call site writes them. The order is part of a trace's bytes (JSON lines,
// fingerprints), so it never depends on how an event was stored.

import type { Label } from '../kernel/label.ts';
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

/** Bytes per event across the columns: t (8), then proc, task, a, b, c, d (4 each), kind (1). */
const EVENT_BYTES = 8 + 6 * 4 + 1;

/**
 * Chunk buffers given back by released journals (EventColumns.release), for the next journal in
 * this process. A fresh 540 KB buffer lives outside the JS heap, and allocating and freeing one
 * per chunk made a run of 20,000 RPCs about a tenth slower than reusing them. Capped, so a burst
 * of long runs does not pin their memory for the rest of the process.
 */
const spareBuffers: ArrayBuffer[] = [];
const SPARE_BUFFERS_MAX = 64;

/** How many released chunk buffers wait for the next journal (tests look). */
export function spareChunkBuffers(): number {
  return spareBuffers.length;
}

class Chunk {
  readonly t: Float64Array;
  readonly proc: Int32Array;
  readonly task: Int32Array;
  // Fields are connection numbers, sequence numbers, counts and string ids: all well within int32.
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly c: Int32Array;
  readonly d: Int32Array;
  readonly kind: Uint8Array;

  /** One buffer for all the columns: allocating eight buffers a chunk was measurable. A buffer
   *  from the pool holds an earlier journal's rows: harmless, since every row writes the fields
   *  its kind reads back (decode ignores the columns its kind does not use). */
  constructor(readonly buffer: ArrayBuffer = spareBuffers.pop() ?? new ArrayBuffer(CHUNK * EVENT_BYTES)) {
    this.t = new Float64Array(buffer, 0, CHUNK);
    const int32 = (column: number): Int32Array => new Int32Array(buffer, CHUNK * (8 + 4 * column), CHUNK);
    this.proc = int32(0);
    this.task = int32(1);
    this.a = int32(2);
    this.b = int32(3);
    this.c = int32(4);
    this.d = int32(5);
    this.kind = new Uint8Array(buffer, CHUNK * (8 + 4 * 6), CHUNK);
  }
}

/** Each string table's number, for Label.internedBy. */
let tablesMade = 0;

export class EventColumns {
  private readonly tableNumber = tablesMade++;
  private readonly chunks: Chunk[] = [];
  private last: Chunk | null = null;
  private count = 0;
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  private readonly objects: TraceEvent[] = [];
  private lastText: string | null = null;
  private lastTextId = 0;
  /** Set by release(): the buffers belong to another journal now. */
  released = false;

  get length(): number {
    return this.count;
  }

  /** Gives the chunks' buffers to the next journal; this one can no longer be appended to or
   *  decoded. Only for a journal whose owner says its trace will not be read again. */
  release(): void {
    for (const chunk of this.chunks) if (spareBuffers.length < SPARE_BUFFERS_MAX) spareBuffers.push(chunk.buffer);
    this.chunks.length = 0;
    this.last = null;
    this.released = true;
  }

  append(t: number, proc: string, task: string, body: TraceBody): void {
    const index = this.row(t, this.lookup(proc), this.lookup(task));
    const chunk = this.last!;
    chunk.kind[index] = this.encode(chunk, index, t, proc, task, body);
    this.count++;
  }

  // The hot kinds, written straight into their columns: the same rows append(body) would
  // write, without a body object to build and take apart.

  appendFrame(t: number, proc: Label, task: Label, type: 'send' | 'recv', conn: number, what: string | Label): void {
    const index = this.row(t, this.labelId(proc), this.labelId(task));
    const chunk = this.last!;
    chunk.a[index] = conn;
    chunk.b[index] = this.intern(what);
    chunk.kind[index] = type === 'send' ? Kind.Send : Kind.Recv;
    this.count++;
  }

  appendConnect(t: number, proc: Label, task: Label, type: 'dial' | 'accept', path: string | Label, conn: number): void {
    const index = this.row(t, this.labelId(proc), this.labelId(task));
    const chunk = this.last!;
    chunk.a[index] = this.intern(path);
    chunk.b[index] = conn;
    chunk.kind[index] = type === 'dial' ? Kind.Dial : Kind.Accept;
    this.count++;
  }

  appendClose(t: number, proc: Label, task: Label, conn: number, unread: number): void {
    const index = this.row(t, this.labelId(proc), this.labelId(task));
    const chunk = this.last!;
    chunk.a[index] = conn;
    chunk.b[index] = unread;
    chunk.kind[index] = Kind.Close;
    this.count++;
  }

  appendRpc(t: number, proc: Label, task: Label, conn: number, method: string | Label, seq: number, error: string | Label | null): void {
    const index = this.row(t, this.labelId(proc), this.labelId(task));
    const chunk = this.last!;
    chunk.a[index] = conn;
    chunk.b[index] = this.intern(method);
    chunk.c[index] = seq;
    if (error === null) chunk.kind[index] = Kind.RpcServe;
    else {
      chunk.d[index] = this.intern(error);
      chunk.kind[index] = Kind.RpcReturn;
    }
    this.count++;
  }

  /** Starts the next row: its time, process and task ids. Returns its index in the last chunk. */
  private row(t: number, procId: number, taskId: number): number {
    const index = this.count & MASK;
    if (this.released) throw new Error('a released journal cannot record');
    if (index === 0) {
      this.last = new Chunk();
      this.chunks.push(this.last);
    }
    const chunk = this.last!;
    chunk.t[index] = t;
    chunk.proc[index] = procId;
    chunk.task[index] = taskId;
    return index;
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
        return { t, proc, task, type: 'send', conn: a, what: s[b]! };
      case Kind.Recv:
        return { t, proc, task, type: 'recv', conn: a, what: s[b]! };
      case Kind.Dial:
        return { t, proc, task, type: 'dial', path: s[a]!, conn: b };
      case Kind.Accept:
        return { t, proc, task, type: 'accept', path: s[a]!, conn: b };
      case Kind.Shutdown:
        return { t, proc, task, type: 'shutdown', conn: a };
      case Kind.Close:
        return { t, proc, task, type: 'close', conn: a, unread: b };
      case Kind.Error:
        return { t, proc, task, type: 'error', conn: a, error: s[b]! };
      case Kind.RpcServe:
        return { t, proc, task, type: 'rpc-serve', conn: a, method: s[b]!, seq: c };
      case Kind.RpcReturn:
        return { t, proc, task, type: 'rpc-return', conn: a, method: s[b]!, seq: c, error: s[d]! };
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
        this.objects.push({ t, proc, task, ...body });
        return Kind.Object;
      }
    }
  }

  /** A label's id (a process, a task, a frame, a method, a path): looked up in the table once
   *  per label and run, then read from the label. */
  private labelId(label: Label): number {
    if (label.internedBy === this.tableNumber) return label.internedId;
    label.internedBy = this.tableNumber;
    label.internedId = this.lookup(label.text);
    return label.internedId;
  }

  /** A field's string id. A text that is not a Label often comes twice in a row: no lookup then. */
  private intern(text: string | Label): number {
    if (typeof text !== 'string') return this.labelId(text);
    if (text === this.lastText) return this.lastTextId;
    const id = this.lookup(text);
    this.lastText = text;
    this.lastTextId = id;
    return id;
  }

  private lookup(text: string): number {
    let id = this.stringIds.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(text);
      this.stringIds.set(text, id);
    }
    return id;
  }
}
