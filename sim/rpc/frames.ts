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
