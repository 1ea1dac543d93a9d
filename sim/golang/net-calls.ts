// The socket calls of our net overlay (overlay/net/net_rpcsim.go), on the `fs` object the Go
// program sees. Every call is `(name, fd, arg, addr, size)`: numbers only, with a buffer of
// the program's memory given by address (a path, data to send, room to read into), so a call
// creates no JavaScript object the program must track. `netNow(...)` answers at once when it
// can: a number for a result (a descriptor, a byte count), -1-i for the i-th errno of
// NET_ERRNOS, null for "ask again the waiting way". `netLater(name, id, ...)` acts as a
// goroutine of the Go process after paying the call's cost (call-cost.ts; the first write on a
// dialed connection waits the caller's encoding time instead, and a dial always waits, for the
// RPC's CPU work), waiting in the socket model if it must (accept, a read with nothing queued),
// then leaves (id, outcome) where the program said (`netEvents(addr)`) and resumes it. With
// the fault plan's blockedReadWait (opt-in), data read from a socket in blocking mode may reach
// its goroutine late (blocked-thread-delay.ts): a read answered at once is then held and handed
// over the waiting way, after the delay. Without it, blockedThread is null and no read waits.

import type { Kernel } from '../kernel/kernel.ts';
import type { Process } from '../kernel/process.ts';
import { assert } from '../kernel/assert.ts';
import type { CallCost } from './call-cost.ts';
import type { BlockedThreadDelay } from './blocked-thread-delay.ts';
import { Errno } from './descriptors.ts';
import type { GoSockets } from './sockets.ts';

/** The errno names the overlay knows, in its order (hostErrnos in net_rpcsim.go). */
export const NET_ERRNOS = ['EOF', 'ECLOSED', 'ECONNRESET', 'EPIPE', 'ENOENT', 'ECONNREFUSED', 'EAGAIN', 'EADDRINUSE', 'EEXIST', 'EBADF', 'ENOTCONN'];
/** Any other errno: the overlay reads it as EINVAL. */
const OTHER_ERRNO = -1 - NET_ERRNOS.length;

/** The running program's memory, and the way to resume it once an outcome is left there. */
export interface ProgramMemory {
  view(): DataView;
  resume(): void;
}

type Outcome = number | Uint8Array | null | Errno;

/** A read the host did at once but hands over late: netNow answered null, and Go's hostCall
 *  asks netLater for the same call right away, which hands it over after the delay. */
interface HeldRead {
  readonly fd: number;
  readonly outcome: Outcome;
  readonly lateMicros: number;
}

export function netCalls(kernel: Kernel, proc: Process, sockets: GoSockets, cost: CallCost, blockedThread: BlockedThreadDelay | null, alive: () => boolean, memory: ProgramMemory): Record<string, unknown> {
  let eventAddr: number | null = null;
  let held: HeldRead | null = null;
  const decoder = new TextDecoder('utf-8');

  /** How late read data reaches its goroutine: only a blocking-mode socket's can be late, and
   *  only when the plan asks for the wait (no draw otherwise, so seeds run as without it). */
  const lateMicros = (fd: number, outcome: Outcome): number =>
    blockedThread !== null && outcome instanceof Uint8Array && sockets.readsBlockThread(fd) ? blockedThread.drawMicros() : 0;

  const bytesAt = (addr: number, size: number): Uint8Array => {
    const view = memory.view();
    return new Uint8Array(view.buffer, view.byteOffset + addr, size);
  };

  /** The call done now, or undefined when it would wait. `data` is the call's bytes, read
   *  from the program's memory when the call was made. */
  const now = (name: string, fd: number, arg: number, data: Uint8Array | string, size: number): Outcome | undefined => {
    switch (name) {
      case 'listenUnix': return sockets.listen(data as string);
      case 'dialUnix': return sockets.dial(data as string);
      case 'send': return sockets.send(fd, data as Uint8Array);
      case 'recv': return sockets.recvNow(fd, size);
      case 'close': return sockets.close(fd) ?? 0;
      case 'shutdown': return sockets.shutdown(fd, arg) ?? 0;
      case 'dup': return sockets.dup(fd);
      case 'accept': return undefined;
      default: return new Errno('ENOSYS');
    }
  };

  const later = async (name: string, fd: number, arg: number, data: Uint8Array | string, size: number): Promise<Outcome> => {
    if (name === 'accept') return sockets.accept(fd);
    if (name === 'recv') return sockets.recv(fd, size);
    return now(name, fd, arg, data, size) ?? new Errno('ENOSYS');
  };

  /** A path as the string the program passed, or the bytes to send (a view, valid during the call). */
  const dataOf = (name: string, addr: number, size: number): Uint8Array | string => {
    if (name === 'listenUnix' || name === 'dialUnix') return decoder.decode(bytesAt(addr, size));
    return name === 'send' ? bytesAt(addr, size) : '';
  };

  /** The outcome as the number the overlay reads; bytes read are written into its buffer. */
  const encode = (outcome: Outcome, addr: number): number => {
    if (outcome instanceof Errno) {
      const i = NET_ERRNOS.indexOf(outcome.code);
      return i < 0 ? OTHER_ERRNO : -1 - i;
    }
    if (outcome instanceof Uint8Array) {
      bytesAt(addr, outcome.length).set(outcome);
      return outcome.length;
    }
    return outcome ?? 0;
  };

  return {
    netEvents(addr: number): void {
      eventAddr = addr;
    },
    netNow(name: string, fd: number, arg: number, addr: number, size: number): number | null {
      if (name === 'accept' || name === 'dialUnix' || (name === 'send' && sockets.isFirstWrite(fd)) || !cost.answerNow()) return null;
      const outcome = now(name, fd, arg, dataOf(name, addr, size), size);
      if (outcome === undefined) return null;
      if (name === 'recv') {
        const late = lateMicros(fd, outcome);
        if (late > 0) {
          // Not written into the program's buffer yet: netLater leaves it there, late.
          held = { fd, outcome, lateMicros: late };
          return null;
        }
      }
      return encode(outcome, addr);
    },
    netLater(name: string, id: number, fd: number, arg: number, addr: number, size: number): void {
      const read = held;
      held = null;
      assert(read === null || (name === 'recv' && read.fd === fd), `a held read on fd ${read?.fd} was not asked for again (asked: ${name})`);
      // Copied now: growing the program's memory detaches the view.
      const data = name === 'send' ? dataOf(name, addr, size).slice() : dataOf(name, addr, size);
      kernel.go(proc, `syscall.${name}`, async () => {
        const firstWrite = name === 'send' && sockets.isFirstWrite(fd);
        await kernel.sleep(firstWrite ? cost.encodeMicros() : name === 'dialUnix' ? cost.dialMicros() : cost.payMicros());
        const outcome = read !== null ? read.outcome : await later(name, fd, arg, data, size);
        const late = read !== null ? read.lateMicros : name === 'recv' ? lateMicros(fd, outcome) : 0;
        if (late > 0) await kernel.sleep(late);
        if (!alive()) return;
        // A read's buffer stays the program's own (and in place) until this outcome.
        const result = encode(outcome, addr);
        const view = memory.view();
        view.setInt32(eventAddr!, id, true);
        view.setInt32(eventAddr! + 4, result, true);
        memory.resume();
      });
    },
  };
}
