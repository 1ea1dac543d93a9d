// The socket calls of our net overlay (overlay/net/net_rpcsim.go), on the `fs` object the Go
// program sees. `netNow(name, ...args)` answers at once when it can: a number or bytes for a
// result, an errno name for an error, null for "ask again the waiting way". `netLater(name, id,
// ...args)` acts as a goroutine of the Go process after paying the call's cost (call-cost.ts;
// the first write on a dialed connection waits the caller's encoding time instead, and a dial
// always waits, for the RPC's CPU work),
// waiting in the socket model if it must (accept, a read with nothing queued), then calls the
// registered callback with (id, errno name or null, result).

import type { Kernel } from '../kernel/kernel.ts';
import type { Process } from '../kernel/process.ts';
import type { CallCost } from './call-cost.ts';
import { Errno } from './descriptors.ts';
import type { GoSockets } from './sockets.ts';

type NetCallback = (id: number, error: string | null, value: unknown) => void;
type Outcome = number | Uint8Array | null | Errno;

export function netCalls(kernel: Kernel, proc: Process, sockets: GoSockets, cost: CallCost, alive: () => boolean): Record<string, unknown> {
  let callback: NetCallback | null = null;

  /** The call done now, or undefined when it would wait. */
  const now = (name: string, args: readonly unknown[]): Outcome | undefined => {
    const [a, b] = args as [unknown, unknown];
    switch (name) {
      case 'listenUnix': return sockets.listen(a as string);
      case 'dialUnix': return sockets.dial(a as string);
      case 'send': return sockets.send(a as number, b as Uint8Array);
      case 'recv': return sockets.recvNow(a as number, b as number);
      case 'close': return sockets.close(a as number) ?? 0;
      case 'shutdown': return sockets.shutdown(a as number, b as number) ?? 0;
      case 'dup': return sockets.dup(a as number);
      case 'accept': return undefined;
      default: return new Errno('ENOSYS');
    }
  };

  const later = async (name: string, args: readonly unknown[]): Promise<Outcome> => {
    if (name === 'accept') return sockets.accept(args[0] as number);
    if (name === 'recv') return sockets.recv(args[0] as number, args[1] as number);
    return now(name, args) ?? new Errno('ENOSYS');
  };

  return {
    netCallback(registered: NetCallback): void {
      callback = registered;
    },
    netNow(name: string, ...args: unknown[]): unknown {
      if (name === 'accept' || name === 'dialUnix' || (name === 'send' && sockets.isFirstWrite(args[0] as number)) || !cost.answerNow()) return null;
      const outcome = now(name, args);
      if (outcome === undefined) return null;
      return outcome instanceof Errno ? outcome.code : outcome;
    },
    netLater(name: string, id: number, ...args: unknown[]): void {
      kernel.go(proc, `syscall.${name}`, async () => {
        const firstWrite = name === 'send' && sockets.isFirstWrite(args[0] as number);
        await kernel.sleep(firstWrite ? cost.encodeMicros() : name === 'dialUnix' ? cost.dialMicros() : cost.payMicros());
        const outcome = await later(name, args);
        if (!alive()) return;
        if (outcome instanceof Errno) callback!(id, outcome.code, null);
        else callback!(id, null, outcome ?? 0);
      });
    },
  };
}
