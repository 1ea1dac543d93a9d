// The data a page draws, derived from a trace and nothing else: lanes (processes and their
// goroutines), messages (a send paired with the receive that read it, or lost), failed calls in
// Go's words with the trace's explanation, fault marks, and the clients' operations with the
// linearizability verdict. Columns of numbers rather than objects, so a run of a million events
// fits in a page: times are integers (virtual microseconds), labels are indices into `strings`.

import type { PctOptions } from '../explore/pct.ts';

/** Why a call failed, as sim/trace/explain.ts reads it off the trace (its Executed values). */
export type ExecutedCode = 'yes' | 'no' | 'died' | 'died-first';

export interface ViewMeta {
  readonly scenario: string;
  readonly seed: number;
  readonly bugs: readonly string[];
  readonly swarm: boolean;
  /** The scheduling strategy the run used: a branch re-runs the seed with the same one. */
  readonly strategy: 'random' | 'pct';
  /** PCT's depth and step window (strategy pct), or null. */
  readonly pct: PctOptions | null;
  /** "ok", or "safety: history is not linearizable (key k1)". */
  readonly verdict: string;
  readonly detail: string | null;
  readonly hash: string;
  /** The fault plan the run used (JSON, as `--plan` files hold it). */
  readonly faults: readonly unknown[];
  /** The command that reproduces this run. */
  readonly replay: string;
  readonly events: number;
  readonly endMicros: number;
}

export interface MessageColumns {
  readonly sendMicros: number[];
  /** -1: nobody ever read it (lost with a crash, a close or a drop). */
  readonly recvMicros: number[];
  /** Task indices (see ViewModel.tasks); `to` is -1 for a lost message. */
  readonly from: number[];
  readonly to: number[];
  readonly conn: number[];
  /** Index into strings: "PBServer.Forward #0 request". */
  readonly what: number[];
  /** The lane at the other end of the connection (where a lost message was headed), or -1. */
  readonly peerLane: number[];
}

export interface FailedCall {
  readonly t: number;
  readonly task: number;
  readonly conn: number;
  readonly method: string;
  readonly seq: number;
  readonly error: string;
  readonly executed: ExecutedCode;
  /** The explanation line (sim/trace/explain.ts). */
  readonly explain: string;
  /** The text lines of the events that explain it: everything on its connection, and the
   *  server's death if it died. */
  readonly evidence: readonly string[];
  /** Messages on the same connection (indices into messages), to highlight. */
  readonly related: readonly number[];
}

export type MarkKind = 'crash' | 'kill' | 'restart' | 'pause' | 'resume' | 'partition' | 'drop' | 'fault';

export interface Mark {
  readonly t: number;
  readonly lane: number;
  readonly kind: MarkKind;
  readonly text: string;
}

export interface ClientOp {
  readonly client: number;
  readonly kind: string;
  readonly key: string;
  readonly value: string;
  readonly callMicros: number;
  /** null: it never returned. */
  readonly returnMicros: number | null;
  /** Part of the smallest sub-history the checker found not linearizable. */
  readonly violating: boolean;
}

export interface Verdict {
  readonly result: 'ok' | 'illegal' | 'unknown' | 'none';
  readonly text: string;
}

export interface ViewModel {
  readonly meta: ViewMeta;
  readonly strings: readonly string[];
  /** Lanes are processes, in order of first appearance. */
  readonly lanes: readonly string[];
  readonly tasks: readonly string[];
  readonly taskLane: readonly number[];
  readonly messages: MessageColumns;
  readonly failures: readonly FailedCall[];
  readonly marks: readonly Mark[];
  readonly ops: readonly ClientOp[];
  readonly verdict: Verdict;
  /** The longest a read message was in flight: how far before a window to look for arrows into it. */
  readonly maxLatencyMicros: number;
}
