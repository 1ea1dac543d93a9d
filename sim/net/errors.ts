// Go's error values for unix sockets, as `err.Error()` prints them (Go 1.19, Linux). The socket
// model decides *which* error a call gets from the socket's state; this file only spells it.
// Go's OpError: "<op> <net> [<source>->]<addr>: <cause>"; the cause of a syscall failure is
// "<syscall>: <strerror>".

export type ErrCode =
  | 'EOF'
  | 'ECONNRESET'
  | 'EPIPE'
  | 'ENOENT'
  | 'ECONNREFUSED'
  | 'EAGAIN'
  | 'EADDRINUSE'
  | 'EEXIST'
  | 'ECLOSED' // net.ErrClosed: "use of closed network connection"
  | 'UNEXPECTED_EOF' // io.ErrUnexpectedEOF, what net/rpc makes of an EOF with calls pending
  | 'SHUTDOWN' // rpc.ErrShutdown: "connection is shut down"
  | 'SERVER'; // rpc.ServerError: the handler returned an error

const STRERROR: Record<'ECONNRESET' | 'EPIPE' | 'ENOENT' | 'ECONNREFUSED' | 'EAGAIN' | 'EADDRINUSE' | 'EEXIST', string> = {
  ECONNRESET: 'connection reset by peer',
  EPIPE: 'broken pipe',
  ENOENT: 'no such file or directory',
  ECONNREFUSED: 'connection refused',
  EAGAIN: 'resource temporarily unavailable',
  EADDRINUSE: 'address already in use',
  EEXIST: 'file exists',
};

export class GoError {
  constructor(
    readonly code: ErrCode,
    readonly message: string,
  ) {}
  toString(): string {
    return this.message;
  }
}

export const EOF = new GoError('EOF', 'EOF');

/** The endpoints' addresses as Go prints them: an unnamed client socket is "@". */
export interface AddressPair {
  readonly local: string;
  readonly remote: string;
}

export function opError(op: 'read' | 'write', addr: AddressPair, code: 'ECONNRESET' | 'EPIPE' | 'ECLOSED'): GoError {
  const cause = code === 'ECLOSED' ? 'use of closed network connection' : `${op}: ${STRERROR[code]}`;
  return new GoError(code, `${op} unix ${addr.local}->${addr.remote}: ${cause}`);
}

export function dialError(path: string, code: 'ENOENT' | 'ECONNREFUSED' | 'EAGAIN'): GoError {
  return new GoError(code, `dial unix ${path}: connect: ${STRERROR[code]}`);
}

export function listenError(path: string): GoError {
  return new GoError('EADDRINUSE', `listen unix ${path}: bind: ${STRERROR.EADDRINUSE}`);
}

export function acceptClosedError(path: string): GoError {
  return new GoError('ECLOSED', `accept unix ${path}: use of closed network connection`);
}

export function pathError(op: 'remove' | 'link' | 'rename', path: string, code: 'ENOENT' | 'EEXIST'): GoError {
  return new GoError(code, `${op} ${path}: ${STRERROR[code]}`);
}
