// pbservice/common.go: error values and RPC argument types. The student-added parts
// are the op kind and the duplicate-detection id on PutAppend, and the two primary→backup RPCs:
// Forward (every client operation, Get included) and Transfer (the full state for a new backup).

import { randomInt } from 'rpcsim';

export const OK = 'OK';
export const ErrNoKey = 'ErrNoKey';
export const ErrWrongServer = 'ErrWrongServer';

export type Err = typeof OK | typeof ErrNoKey | typeof ErrWrongServer;

export type WriteOp = 'Put' | 'Append';

/** Put or Append. Id is the clerk's op id; retries of one operation carry the same Id. */
export interface PutAppendArgs {
  readonly Key: string;
  readonly Value: string;
  readonly Op: WriteOp;
  readonly Id: number;
}

export interface PutAppendReply {
  Err: Err | '';
}

export interface GetArgs {
  readonly Key: string;
}

export interface GetReply {
  Err: Err | '';
  Value: string;
}

/** Who sends a forward or a transfer. Viewnum and Primary let the backup check that the sender
 *  is the primary of the view it is backup in. Snapshot numbers the primary's
 *  transfers: a forward belongs to the latest one, so the backup can drop stragglers. */
export interface FromPrimary {
  readonly Viewnum: number;
  readonly Primary: string;
  readonly Snapshot: number;
}

/** Primary → backup: one client operation. Append forwards its arguments, not the result. */
export type ForwardArgs = FromPrimary & ({ readonly Op: 'Get'; readonly Key: string } | PutAppendArgs);

export interface ForwardReply {
  Err: Err | '';
}

/** Primary → new backup: the whole database and the duplicate table, in one RPC. */
export interface TransferArgs extends FromPrimary {
  readonly Database: ReadonlyMap<string, string>;
  readonly Seen: ReadonlySet<number>;
}

export interface TransferReply {
  Err: Err | '';
}

/** nrand(): a random op id in [0, 2^53), from the program's own randomness (the workload
 *  stream). Go's nrand() gives 2^62; 2^53 is the most a JavaScript number holds exactly, and is
 *  plenty for ids to be distinct with overwhelming probability. Built from two draws. */
export function nrand(): number {
  return randomInt(2 ** 22) * 2 ** 31 + randomInt(2 ** 31);
}
