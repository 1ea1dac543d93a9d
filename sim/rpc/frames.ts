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

const labels = new Map<string, string[]>();

/** "PBServer.Get #0 request": interned, since every call writes two and most seqs are small. */
export function frameLabel(method: string, seq: number, direction: 'request' | 'response'): string {
  const key = direction === 'request' ? method : `${method}\u0000`;
  let bySeq = labels.get(key);
  if (bySeq === undefined) {
    bySeq = [];
    labels.set(key, bySeq);
  }
  if (seq >= 64) return `${method} #${seq} ${direction}`;
  return (bySeq[seq] ??= `${method} #${seq} ${direction}`);
}
