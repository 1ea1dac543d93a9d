// Why did a call fail? For each RPC that returned an error, read the answer off the trace: the
// error's socket cause (from its Go text) and whether the server ran the handler (is there a
// serve event on the same connection?). This is how a student tells "reply lost, it executed"
// from "request dropped, it did not" (spec §5, "Error noise").

import type { TraceEvent } from './events.ts';

/** yes: the handler ran and its reply was lost; no: it never ran; died: it started, then the
 *  server process died (whatever it did died with it). */
export type Executed = 'yes' | 'no' | 'died';

export interface CallFailure {
  readonly event: TraceEvent & { readonly type: 'rpc-return' };
  readonly executed: Executed;
  readonly cause: string;
}

export function socketCause(errorText: string): string {
  if (errorText === 'unexpected EOF') return 'the connection hit EOF with the call pending: the server shut its write side or died';
  if (errorText.endsWith('connection reset by peer')) return 'the server closed the connection with the request still unread';
  if (errorText.endsWith('broken pipe')) return 'the server closed the connection before the request was written';
  if (errorText === 'connection is shut down') return 'the client saw the connection fail before it could send';
  return 'the handler returned an error';
}

export function explainCallFailures(trace: readonly TraceEvent[]): CallFailure[] {
  const servedBy = new Map<string, string>(); // call → the process that served it
  const crashed = new Set<string>();
  for (const event of trace) {
    if (event.type === 'rpc-serve') servedBy.set(`${event.conn}/${event.method}/${event.seq}`, event.proc);
    if (event.type === 'crash') crashed.add(event.proc);
  }
  const out: CallFailure[] = [];
  for (const event of trace) {
    if (event.type !== 'rpc-return' || event.error === '') continue;
    const server = servedBy.get(`${event.conn}/${event.method}/${event.seq}`);
    const executed: Executed = server === undefined ? 'no' : crashed.has(server) && event.error === 'unexpected EOF' ? 'died' : 'yes';
    out.push({ event, executed, cause: socketCause(event.error) });
  }
  return out;
}

const VERDICT: Record<Executed, string> = {
  yes: 'reply lost: the server DID execute it',
  no: 'request dropped: the server did NOT execute it',
  died: 'server died mid-call: it started the handler, then crashed; the reply never came',
};

/** One line a student can read: what the caller saw, and what really happened. */
export function explainLine(failure: CallFailure): string {
  return `${VERDICT[failure.executed]} (${failure.cause})`;
}
