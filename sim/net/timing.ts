// How long things take, and why. Unix-socket data moves at once (a write lands in the peer's
// receive queue inside the syscall); what takes time is goroutines getting a CPU. Three delays
// decide which error a dropped request gives its caller (the README's error table):
// - the acceptor's wake: the netpoller makes the blocked Accept runnable a little after the dial;
//   it then closes the connection (request dropped) or shuts its write side (reply dropped);
// - the caller's setup (Dial returning, `go input()`, Call reaching send's shutdown check) and
//   its encode-and-write (gob encodes the request, then the write syscall);
// - the OS taking a CPU away: when the process runs more threads than the machine has CPUs
//   (GOMAXPROCS above the CPU count, and at least that many goroutines alive), a goroutine about
//   to run may wait out another thread's time slice. The more goroutines, the likelier.
// The write beating the close gives "connection reset by peer", the close beating the write
// "broken pipe", and the client's input goroutine seeing the close before the caller even
// registers its call gives "connection is shut down". Nothing here names an error: the socket
// model derives each from the order these delays put things in.

export interface NetTiming {
  /** A blocked reader or acceptor becomes runnable this long after its socket is ready. */
  readonly wakeMicrosMin: number;
  readonly wakeMicrosMax: number;
  /** A caller spends this long between Dial returning and its call passing send's check. */
  readonly setupMicrosMin: number;
  readonly setupMicrosMax: number;
  /** A caller spends this long encoding its request and writing it, once its call is registered. */
  readonly encodeMicrosMin: number;
  readonly encodeMicrosMax: number;
  /** CPUs of the simulated machine. */
  readonly cpus: number;
  /** Go's GOMAXPROCS: threads running Go code at once. Go's default is the CPU count; the 2015
   *  lab tests call runtime.GOMAXPROCS(4). */
  readonly gomaxprocs: number;
  /** How long a goroutine whose thread lost its CPU waits for it back (another thread's slice). */
  readonly preemptMicrosMin: number;
  readonly preemptMicrosMax: number;
  /** A stretch with no syscall loses its CPU only when another thread is woken onto it: this
   *  many times less often than a syscall or a wake does. */
  readonly runningCutOdds: number;
  /** Connections a listener holds before accept; a dial beyond it gets EAGAIN. */
  readonly backlogMax: number;
  /** Frames a socket holds unread; a writer beyond it is a bug in the simulated program. */
  readonly receiveQueueMax: number;
}

/** Calibrated against real Go 1.19 on two CPUs: a lone caller at the default GOMAXPROCS gets
 *  reset for 94-99.6% of requests closed unread (shut down 1-2 in 10,000), and the 2015 suite at
 *  GOMAXPROCS(4) broken pipe for 20-30% of its dropped requests (`npm run fidelity`). */
export const DEFAULT_TIMING: NetTiming = {
  wakeMicrosMin: 1,
  wakeMicrosMax: 80,
  setupMicrosMin: 0,
  setupMicrosMax: 3,
  encodeMicrosMin: 1,
  encodeMicrosMax: 3,
  cpus: 2,
  gomaxprocs: 2,
  preemptMicrosMin: 5,
  preemptMicrosMax: 100,
  runningCutOdds: 12,
  backlogMax: 128,
  receiveQueueMax: 4096,
};

/**
 * The chance, out of `threads`, that a goroutine about to run finds every CPU taken: with
 * `alive` goroutines the process runs min(alive, gomaxprocs) threads, and beyond the CPU count
 * each extra thread is one more that may hold the CPU this goroutine needs.
 */
export function contention(timing: NetTiming, alive: number): { readonly waiting: number; readonly threads: number } {
  const threads = Math.min(alive, timing.gomaxprocs);
  return { waiting: Math.max(0, threads - timing.cpus), threads };
}
