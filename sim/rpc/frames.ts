// What Go net/rpc's gob codec puts on the wire, one frame per request or response: the header
// (service method and sequence number, plus the error string on responses) and the body.

export interface RequestFrame {
  readonly seq: number;
  readonly method: string;
  readonly args: unknown;
}

export interface ResponseFrame {
  readonly seq: number;
  readonly method: string;
  /** rpc.Response.Error: empty when the handler succeeded. */
  readonly error: string;
  readonly reply: unknown;
}

/** Per direction, per method, the labels by seq: a map each, so a lookup builds no key string. */
const labels = { request: new Map<string, string[]>(), response: new Map<string, string[]>() };

/** "PBServer.Get #0 request": interned, since every call writes two and most seqs are small. */
export function frameLabel(method: string, seq: number, direction: 'request' | 'response'): string {
  if (seq >= 64) return `${method} #${seq} ${direction}`;
  const byMethod = labels[direction];
  let bySeq = byMethod.get(method);
  if (bySeq === undefined) {
    bySeq = [];
    byMethod.set(method, bySeq);
  }
  return (bySeq[seq] ??= `${method} #${seq} ${direction}`);
}
