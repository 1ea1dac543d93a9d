// What the Go program's system calls cost in virtual time. Each costs a draw from the seeded
// network stream. A call the host answers at once (a write, a read of queued data) does not stop
// the program, so its cost is owed; the next call that waits pays what is owed before it acts.
// Once the debt reaches DEBT_MAX_MICROS the host stops answering at once, so even a loop that
// only retries a failing call keeps the clock moving.
//
// Go's own computation runs between system calls and would otherwise take no virtual time, yet
// on a real machine it is most of what an RPC on a fresh connection costs: net/rpc's client and
// server goroutines, gob sending and compiling type descriptors both ways. Real Go 1.19 spends
// about RPC_WORK_MICROS of CPU per such RPC (user+sys over the calls made, measured on the
// 2015 suite's busiest test, TestConcurrentSame). That work is charged when a connection is
// dialed, before it reaches the listener: a loop of RPCs runs near real Go's pace instead of
// three times faster (TestConcurrentSame made 3.4 times native's RPCs without it), and the race
// between the request's first write and the server's accept, which decides `connection reset
// by peer` against `broken pipe`, is untouched. Callers in one process already queue behind
// each other (the debt below is the process's, and its accept loop serves one at a time), so
// the work is not queued for CPUs as well: eight callers never came near two CPUs' worth.

import type { Network } from '../net/network.ts';

const DEBT_MAX_MICROS = 500;
/** CPU per RPC on a fresh connection, both ends, in real Go 1.19 on two CPUs. */
export const RPC_WORK_MICROS = 200;

export class CallCost {
  private owedMicros = 0;
  constructor(private readonly net: Network) {}

  /** True (and the cost is owed) when a call may be answered at once. */
  answerNow(): boolean {
    if (this.owedMicros >= DEBT_MAX_MICROS) return false;
    this.owedMicros += this.net.wakeLatencyMicros();
    return true;
  }

  /** The time between a Dial returning and the request's first byte reaching the socket (the
   *  caller encoding it): drawn as rpcsim's own net/rpc callers draw it, so the race between a
   *  request and an unreliable server closing the connection comes out in the same shares. */
  encodeMicros(): number {
    return this.net.encodeDelayMicros();
  }

  /** The time a waiting call spends before it acts: its own cost and all that is owed. */
  payMicros(): number {
    const micros = this.owedMicros + this.net.wakeLatencyMicros();
    this.owedMicros = 0;
    return micros;
  }

  /** A dial: its own cost, all that is owed, and the RPC's work. */
  dialMicros(): number {
    return this.payMicros() + RPC_WORK_MICROS;
  }
}
