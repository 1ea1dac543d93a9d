// viewservice/common.go: the view, the timing constants and the RPC argument types.
// Server names are unix-socket paths and "" means "none". View 0 is the empty initial view.

export interface View {
  readonly Viewnum: number;
  readonly Primary: string;
  readonly Backup: string;
}

/** Clients and servers ping the viewservice this often (100 ms, in virtual microseconds). */
export const PingInterval = 100_000;

/** The viewservice declares a server dead after it has missed this many pings in a row. */
export const DeadPings = 5;

/** Viewnum is the caller's notion of the current view; 0 means "I have just (re)started". */
export interface PingArgs {
  readonly Me: string;
  readonly Viewnum: number;
}

export interface PingReply {
  View: View;
}

/** Get fetches the current view without volunteering as a server. */
export type GetArgs = Record<string, never>;

export interface GetReply {
  View: View;
}

export const EMPTY_VIEW: View = { Viewnum: 0, Primary: '', Backup: '' };
