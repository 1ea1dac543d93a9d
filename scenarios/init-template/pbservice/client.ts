// pbservice/client.go: the clerk. It caches the primary and asks the viewservice
// only after a failure (call() false, or a reply other than OK / ErrNoKey), sleeps PingInterval
// between tries, and keeps one op id for all retries of one Put or Append, so the servers'
// duplicate table can recognise a retry of an operation whose reply was lost.

import { call, sleep } from 'rpcsim';
import * as viewservice from '../viewservice/client.ts';
import { PingInterval } from '../viewservice/common.ts';
import { ErrNoKey, OK, nrand, type GetArgs, type GetReply, type PutAppendArgs, type PutAppendReply, type WriteOp } from './common.ts';

export class Clerk {
  private readonly vs: viewservice.Clerk;
  /** The primary as last learned from the viewservice; "" means "ask again". */
  private primary = '';

  constructor(vshost: string, me: string) {
    this.vs = viewservice.MakeClerk(me, vshost);
  }

  /** Fetch a key's value from the current primary; "" if the key is not present. Keeps trying
   *  forever in the face of all other errors. */
  async Get(key: string): Promise<string> {
    const args: GetArgs = { Key: key };
    for (;;) {
      const reply: GetReply = { Err: '', Value: '' };
      if (await this.callPrimary('PBServer.Get', args, reply)) {
        if (reply.Err === OK) return reply.Value;
        if (reply.Err === ErrNoKey) return '';
      }
      await this.afterFailure();
    }
  }

  async Put(key: string, value: string): Promise<void> {
    await this.PutAppend(key, value, 'Put');
  }

  async Append(key: string, value: string): Promise<void> {
    await this.PutAppend(key, value, 'Append');
  }

  /** Tell the primary to update key's value; must keep trying until it succeeds. */
  private async PutAppend(key: string, value: string, op: WriteOp): Promise<void> {
    const id = nrand();
    for (;;) {
      // Every try carries the same Id, so a server can tell a retry from a new operation.
      const args: PutAppendArgs = { Key: key, Value: value, Op: op, Id: id };
      const reply: PutAppendReply = { Err: '' };
      if ((await this.callPrimary('PBServer.PutAppend', args, reply)) && reply.Err === OK) return;
      await this.afterFailure();
    }
  }

  /** Calls the cached primary, first asking the viewservice if there is none cached. */
  private async callPrimary(rpcname: string, args: object, reply: object): Promise<boolean> {
    if (this.primary === '') this.primary = await this.vs.Primary();
    if (this.primary === '') return false;
    return call(this.primary, rpcname, args, reply);
  }

  /** after a failure, forget the primary and wait a PingInterval before trying again. */
  private async afterFailure(): Promise<void> {
    this.primary = '';
    await sleep(PingInterval);
  }
}

export function MakeClerk(vshost: string, me: string): Clerk {
  return new Clerk(vshost, me);
}
