// viewservice/server.go: the view server. It tracks which servers are alive from their pings and
// moves through views by the handout's rules: the first pinger is the first primary, the
// backup succeeds a dead or restarted primary, a live idle server fills an empty backup slot, and
// nothing moves until the current view's primary has acked it. Ping and tick() share one rule
// book (`updateView`), so either may change the view.

import { GoError, Mutex, RpcServer, acceptLoop, go, listen, nowMicros, removeFile, sleep } from 'rpcsim';
import type { Listener } from 'rpcsim';
import { DeadPings, EMPTY_VIEW, PingInterval, type GetArgs, type GetReply, type PingArgs, type PingReply, type View } from './common.ts';

export class ViewServer {
  private readonly mu = new Mutex();
  private l: Listener | null = null;
  private dead = false;
  private rpccount = 0;

  private view: View = EMPTY_VIEW;
  /** Whether view.Primary has sent Ping(view.Viewnum): the gate on every view change. */
  private acked = false;
  /** Virtual time of each server's latest ping. Map order is first-ping order, which makes the
   *  choice among several idle servers deterministic. */
  private readonly lastPingMicros = new Map<string, number>();

  constructor(readonly me: string) {}

  // ---- RPC handlers -------------------------------------------------------------------------

  /** Server Ping RPC handler: records liveness, the ack and restarts, replies with the view. */
  async Ping(args: PingArgs, reply: PingReply): Promise<void> {
    await this.mu.lock();
    try {
      this.lastPingMicros.set(args.Me, nowMicros());
      if (this.view.Viewnum === 0) {
        // the first server to ping becomes primary of view 1, with no backup. This is
        // the only time an arbitrary server may become primary.
        this.changeView(args.Me, '');
      } else {
        if (args.Me === this.view.Primary && args.Viewnum === this.view.Viewnum) this.acked = true;
        // Viewnum 0 means "I have just (re)started and hold no state".
        const restarted = args.Viewnum === 0 ? args.Me : null;
        this.updateView(restarted);
      }
      reply.View = this.view;
    } finally {
      this.mu.unlock();
    }
  }

  /** Server Get RPC handler: the current view, without volunteering. */
  async Get(_args: GetArgs, reply: GetReply): Promise<void> {
    await this.mu.lock();
    try {
      reply.View = this.view;
    } finally {
      this.mu.unlock();
    }
  }

  /** tick() is called once per PingInterval; it notices dead servers. */
  async tick(): Promise<void> {
    await this.mu.lock();
    try {
      this.updateView(null);
    } finally {
      this.mu.unlock();
    }
  }

  // ---- the view-change rules -------------------------------------------------------

  /** At most one view change per call; `restarted` is a server that just sent Ping(0). */
  private updateView(restarted: string | null): void {
    // never move past a view its primary has not acked, whatever we observe meanwhile.
    if (!this.acked) return;
    const { Primary, Backup } = this.view;
    const primaryRestarted = restarted === Primary;
    if (primaryRestarted || !this.isAlive(Primary)) {
      // the primary of view i+1 must come from view i; a restarted primary is now idle
      // and may come back as the new backup at once.
      if (Backup !== '' && this.isAlive(Backup)) this.changeView(Backup, this.idleServer([Backup]));
      // Otherwise (no backup, or it is dead too) nothing can be done: an idle server holds no
      // data, and promoting a dead backup would only move the stall to the next view.
      return;
    }
    if (Backup !== '' && (restarted === Backup || !this.isAlive(Backup))) {
      // A dead backup is not alive, so it cannot be picked again; a restarted one may be, empty.
      this.changeView(Primary, this.idleServer([Primary]));
      return;
    }
    if (Backup === '') {
      // a live idle server volunteers as backup.
      const idle = this.idleServer([Primary]);
      if (idle !== '') this.changeView(Primary, idle);
    }
  }

  private changeView(primary: string, backup: string): void {
    // each change adds exactly one to the view number and clears the ack.
    this.view = { Viewnum: this.view.Viewnum + 1, Primary: primary, Backup: backup };
    this.acked = false;
  }

  /** A server is dead once it has missed DeadPings pings in a row. */
  private isAlive(server: string): boolean {
    const last = this.lastPingMicros.get(server);
    return last !== undefined && nowMicros() - last < DeadPings * PingInterval;
  }

  /** A live server that is not in `taken`, or "" if there is none. */
  private idleServer(taken: readonly string[]): string {
    for (const server of this.lastPingMicros.keys()) {
      if (!taken.includes(server) && this.isAlive(server)) return server;
    }
    return '';
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  /** Tell the server to shut itself down, for testing: sets dead and closes the listener. */
  Kill(): void {
    this.dead = true;
    this.l?.close();
  }

  isdead(): boolean {
    return this.dead;
  }

  /** One count per accepted connection, i.e. per RPC (call() dials afresh for each). */
  GetRPCCount(): number {
    return this.rpccount;
  }

  /** Listens on `me` and starts the accept and tick goroutines. */
  start(): void {
    const rpcs = new RpcServer();
    rpcs.register('ViewServer', this, ['Ping', 'Get']);
    removeFile(this.me); // only needed for "unix"; a missing file is fine
    const l = listen(this.me);
    if (l instanceof GoError) throw new Error(`listen error: ${l.message}`); // log.Fatal
    this.l = l;
    const accepting = {
      me: this.me,
      isdead: () => this.isdead(),
      isunreliable: () => false, // the viewservice is reliable
      kill: () => this.Kill(),
      onAccept: () => {
        this.rpccount++;
      },
    };
    go(() => acceptLoop(accepting, l, rpcs, 'ViewServer'), 'accept');
    go(() => this.tickLoop(), 'tick');
  }

  private async tickLoop(): Promise<void> {
    while (!this.isdead()) {
      await this.tick();
      await sleep(PingInterval);
    }
  }
}

/** Starts a view server listening on `me`. rpcsim runs it in a process of its own. */
export function StartServer(me: string): ViewServer {
  const vs = new ViewServer(me);
  vs.start();
  return vs;
}
