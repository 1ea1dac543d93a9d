// Why did a call fail? For each RPC that returned an error, read the answer off the trace: who
// accepted the connection, whether a handler served the call on it (a serve event on the same
// connection), whether the server shut its write side there, and whether the serving process
// died before the caller heard. This is how a student tells "reply lost, it executed" from
// "request dropped, it did not" (spec §5, "Error noise"). Nothing is inferred from the error
// text alone except which socket failure it names.

import type { TraceEvent } from './events.ts';

/** yes: the handler ran and its reply was lost; no: it never ran; died: it started, then the
 *  server process died (whatever it did died with it); died-first: the process that accepted the
 *  connection died before any handler ran the call. */
export type Executed = 'yes' | 'no' | 'died' | 'died-first';

export interface CallFailure {
  readonly event: TraceEvent & { readonly type: 'rpc-return' };
  readonly executed: Executed;
  readonly cause: string;
}

/** What the trace knows about the connections and processes a failed call touched. */
interface TraceFacts {
  /** `conn/method/seq` → the process that served the call, and when. */
  readonly served: Map<string, { readonly proc: string; readonly t: number }>;
  /** conn → the process that accepted it. */
  readonly acceptedBy: Map<number, string>;
  /** conn → the processes that shut its write side. */
  readonly shutBy: Map<number, Set<string>>;
  /** process label → when it crashed (a restart is a new label, so at most once). */
  readonly crashedAt: Map<string, number>;
}

function gatherFacts(trace: readonly TraceEvent[]): TraceFacts {
  const facts: TraceFacts = { served: new Map(), acceptedBy: new Map(), shutBy: new Map(), crashedAt: new Map() };
  for (const event of trace) {
    switch (event.type) {
      case 'rpc-serve':
        facts.served.set(callKey(event.conn, event.method, event.seq), { proc: event.proc, t: event.t });
        break;
      case 'accept':
        facts.acceptedBy.set(event.conn, event.proc);
        break;
      case 'shutdown': {
        const by = facts.shutBy.get(event.conn) ?? new Set<string>();
        by.add(event.proc);
        facts.shutBy.set(event.conn, by);
        break;
      }
      case 'crash':
        if (!facts.crashedAt.has(event.proc)) facts.crashedAt.set(event.proc, event.t);
        break;
      default:
        break;
    }
  }
  return facts;
}

function callKey(conn: number, method: string, seq: number): string {
  return `${conn}/${method}/${seq}`;
}

export function explainCallFailures(trace: readonly TraceEvent[]): CallFailure[] {
  const facts = gatherFacts(trace);
  const out: CallFailure[] = [];
  for (const event of trace) {
    if (event.type !== 'rpc-return' || event.error === '') continue;
    const server = facts.acceptedBy.get(event.conn);
    const serve = facts.served.get(callKey(event.conn, event.method, event.seq));
    let executed: Executed;
    if (serve !== undefined) executed = crashedBetween(facts, serve.proc, serve.t, event.t) ? 'died' : 'yes';
    else executed = crashedBetween(facts, server, 0, event.t) ? 'died-first' : 'no';
    const died = executed === 'died' || executed === 'died-first';
    out.push({ event, executed, cause: socketCause(event.error, event.conn, server, died, facts) });
  }
  return out;
}

/** Did `proc` crash within [fromMicros, toMicros]? Only a crash before the caller's error counts:
 *  a server that drops a reply and crashes a second later did execute the call. */
function crashedBetween(facts: TraceFacts, proc: string | undefined, fromMicros: number, toMicros: number): boolean {
  const t = proc === undefined ? undefined : facts.crashedAt.get(proc);
  return t !== undefined && t >= fromMicros && t <= toMicros;
}

/** The socket failure the error names, sharpened by what the server did to the connection. */
function socketCause(errorText: string, conn: number, server: string | undefined, died: boolean, facts: TraceFacts): string {
  if (errorText === 'unexpected EOF') {
    if (server !== undefined && facts.shutBy.get(conn)?.has(server) === true) return 'the server shut its write side before replying: the reply was dropped';
    if (died) return 'the server process died, and its end of the connection closed with it';
    return 'the connection hit EOF with the call pending';
  }
  if (errorText.endsWith('connection reset by peer')) return 'the server closed the connection with the request still unread';
  if (errorText.endsWith('broken pipe')) return 'the server closed the connection before the request was written';
  if (errorText === 'connection is shut down') return 'the client saw the connection fail before it could send';
  return 'the handler returned an error';
}

const VERDICT: Record<Executed, string> = {
  yes: 'reply lost: the server DID execute it',
  no: 'request dropped: the server did NOT execute it',
  died: 'server died mid-call: it started the handler, then crashed; the reply never came',
  'died-first': 'server died first: it crashed before running the handler, so it did NOT execute it',
};

/** One line a student can read: what the caller saw, and what really happened. */
export function explainLine(failure: CallFailure): string {
  return `${VERDICT[failure.executed]} (${failure.cause})`;
}
