// How long things take, as ranges the seed draws from. Unix-socket data moves at once (a write
// lands in the peer's receive queue inside the syscall); what takes time is a blocked goroutine
// noticing: the netpoller and the scheduler. These ranges put the simulator in the bands real
// Go 1.19 shows over unix sockets: a dropped request is seen as "connection reset" when the
// caller's write beats the server's accept-and-close (most of the time), "broken pipe" when the
// server closes first, and "connection is shut down" only when the client's input goroutine even
// sees the EOF before the caller registers its call (rare).

export interface NetTiming {
  /** A blocked reader or acceptor resumes this long after its socket becomes ready. */
  readonly wakeMicrosMin: number;
  readonly wakeMicrosMax: number;
  /** A caller spends this long between Dial returning and its request reaching the socket. */
  readonly encodeMicrosMin: number;
  readonly encodeMicrosMax: number;
  /** Connections a listener holds before accept; a dial beyond it gets EAGAIN. */
  readonly backlogMax: number;
  /** Frames a socket holds unread; a writer beyond it is a bug in the simulated program. */
  readonly receiveQueueMax: number;
}

export const DEFAULT_TIMING: NetTiming = {
  wakeMicrosMin: 4,
  wakeMicrosMax: 60,
  encodeMicrosMin: 1,
  encodeMicrosMax: 10,
  backlogMax: 128,
  receiveQueueMax: 4096,
};
