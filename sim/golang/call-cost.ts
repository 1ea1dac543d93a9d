// What the Go program's system calls cost in virtual time. Each costs a draw from the seeded
// network stream. A call the host answers at once (a write, a dial, a read of queued data) does
// not stop the program, so its cost is owed; the next call that waits pays what is owed before
// it acts. Once the debt reaches DEBT_MAX_MICROS the host stops answering at once, so even a
// loop that only retries a failing dial keeps the clock moving.

import type { Network } from '../net/network.ts';

const DEBT_MAX_MICROS = 500;

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
}
