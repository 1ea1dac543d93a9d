// The vocabulary of the journal: everything observable in a run is one of these events, stamped
// with virtual time, the process and the task that did it. Renderers, checkers and fault
// triggers all read these; nothing reads the simulator's internals.

/** Fields every trace event has. `proc` and `task` are labels ("s1#2", "s1#2/accept"). */
export interface TraceStamp {
  readonly t: number; // virtual microseconds
  readonly proc: string;
  readonly task: string;
}

export type TraceBody =
  | { readonly type: 'spawn' } // a process started
  | { readonly type: 'crash' } // process death: its tasks stop, its fds close
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'listen'; readonly path: string }
  | { readonly type: 'unlink'; readonly path: string }
  | { readonly type: 'link'; readonly path: string; readonly to: string }
  | { readonly type: 'rename'; readonly path: string; readonly to: string }
  | { readonly type: 'dial'; readonly path: string; readonly conn: number }
  | { readonly type: 'accept'; readonly path: string; readonly conn: number }
  | { readonly type: 'send'; readonly conn: number; readonly what: string }
  | { readonly type: 'recv'; readonly conn: number; readonly what: string }
  | { readonly type: 'shutdown'; readonly conn: number } // shutdown(SHUT_WR)
  | { readonly type: 'close'; readonly conn: number; readonly unread: number }
  | { readonly type: 'error'; readonly conn: number; readonly error: string } // a socket call failed
  | { readonly type: 'rpc-return'; readonly conn: number; readonly method: string; readonly seq: number; readonly error: string }
  | { readonly type: 'rpc-serve'; readonly conn: number; readonly method: string; readonly seq: number }
  | { readonly type: 'op-call'; readonly client: number; readonly op: string; readonly key: string; readonly value: string } // a client operation begins
  | { readonly type: 'op-return'; readonly client: number; readonly op: string; readonly key: string; readonly value: string } // ...and returns (value: a Get's result)
  | { readonly type: 'log'; readonly text: string } // fmt.Println / log.Printf from the process
  | { readonly type: 'fault'; readonly text: string } // a fault injected from outside
  | { readonly type: 'note'; readonly text: string }; // scenario narration

export type TraceEvent = TraceStamp & TraceBody;
export type TraceType = TraceBody['type'];
