// What Go net/rpc's gob codec puts on the wire, one frame per request or response: the header
// (service method and sequence number, plus the error string on responses) and the body.

import { Label } from '../kernel/label.ts';

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

/** One method's trace strings, made once: its name, and its frames' labels by seq (every call
 *  writes two frames, and most seqs are small). Shared by every run in the process: a Label
 *  keeps the id of whichever run's journal used it last. */
export class MethodLabels {
  readonly name: Label;
  private readonly requests: Label[] = [];
  private readonly responses: Label[] = [];

  constructor(readonly method: string) {
    this.name = new Label(method);
  }

  /** "PBServer.Get #0 request". */
  frame(seq: number, direction: 'request' | 'response'): Label | string {
    if (seq >= 64) return `${this.method} #${seq} ${direction}`;
    const bySeq = direction === 'request' ? this.requests : this.responses;
    return (bySeq[seq] ??= new Label(`${this.method} #${seq} ${direction}`));
  }
}

const byMethod = new Map<string, MethodLabels>();

export function methodLabels(method: string): MethodLabels {
  let labels = byMethod.get(method);
  if (labels === undefined) {
    labels = new MethodLabels(method);
    byMethod.set(method, labels);
  }
  return labels;
}
