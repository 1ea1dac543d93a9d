// The errors net/rpc itself adds on top of the socket's: what a pending call gets when its
// connection hits EOF, what a call on a dead client gets, and a handler's own error.

import { GoError } from '../net/errors.ts';

/** io.ErrUnexpectedEOF: the client's input loop read EOF with calls still waiting. */
export const ErrUnexpectedEOF = new GoError('UNEXPECTED_EOF', 'unexpected EOF');

/** rpc.ErrShutdown: the client already saw its connection fail, or was closed. */
export const ErrShutdown = new GoError('SHUTDOWN', 'connection is shut down');

/** rpc.ServerError: the text a handler's returned error carried. */
export function serverError(text: string): GoError {
  return new GoError('SERVER', text);
}
