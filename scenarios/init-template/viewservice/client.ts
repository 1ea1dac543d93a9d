// viewservice/client.go: the clerk servers and clients use to talk to the
// viewservice. Every RPC goes through the 6.824 call() helper; a failed Ping returns the empty
// view and the error "Ping(<n>) failed", a failed Get returns ok=false, a failed Primary "".

import { call } from 'rpcsim';
import { EMPTY_VIEW, type GetArgs, type GetReply, type PingArgs, type PingReply, type View } from './common.ts';

export class Clerk {
  constructor(
    readonly me: string, // client's name (host:port)
    readonly server: string, // viewservice's host:port
  ) {}

  async Ping(viewnum: number): Promise<{ view: View; error: string | null }> {
    const args: PingArgs = { Me: this.me, Viewnum: viewnum };
    const reply: PingReply = { View: EMPTY_VIEW };
    const ok = await call(this.server, 'ViewServer.Ping', args, reply);
    if (!ok) return { view: EMPTY_VIEW, error: `Ping(${viewnum}) failed` };
    return { view: reply.View, error: null };
  }

  async Get(): Promise<{ view: View; ok: boolean }> {
    const args: GetArgs = {};
    const reply: GetReply = { View: EMPTY_VIEW };
    const ok = await call(this.server, 'ViewServer.Get', args, reply);
    if (!ok) return { view: EMPTY_VIEW, ok: false };
    return { view: reply.View, ok: true };
  }

  async Primary(): Promise<string> {
    const { view, ok } = await this.Get();
    return ok ? view.Primary : '';
  }
}

export function MakeClerk(me: string, server: string): Clerk {
  return new Clerk(me, server);
}
