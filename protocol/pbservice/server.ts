// pbservice/server.go: one key/value server, primary or backup by the view it learns from the
// viewservice in tick() (spec §2.3, §2.4). The primary filters duplicate op ids, forwards every
// operation (Get included) to the backup under its lock and answers only after the backup
// agreed; a new backup first gets the whole state in one Transfer, and the primary acks the view
// only after that. A backup accepts forwards only from its view's primary, once initialised.
// A lost reply reaches the caller before the callee has even run the call (§3.3), so a failed
// forward is resent (the backup filters op ids); if it keeps failing, the operation fails and the
// backup gets the whole state again, numbered, so late copies of the failed forward are dropped.

import { GoError, Mutex, RpcServer, acceptLoop, call, currentProcess, go, listen, removeFile, sleep, spawnProcess } from '../../sim/index.ts';
import type { Listener, Process } from '../../sim/index.ts';
import type { BugName } from '../bugs.ts';
import { bugsOf, type ProtocolOptions } from '../options.ts';
import * as viewservice from '../viewservice/client.ts';
import { EMPTY_VIEW, PingInterval, type View } from '../viewservice/common.ts';
import {
  ErrNoKey,
  ErrWrongServer,
  OK,
  type Err,
  type ForwardArgs,
  type ForwardReply,
  type FromPrimary,
  type GetArgs,
  type GetReply,
  type PutAppendArgs,
  type PutAppendReply,
  type TransferArgs,
  type TransferReply,
} from './common.ts';

/** A client operation as the primary forwards it, before the view stamp is added. */
type ForwardOp = { readonly Op: 'Get'; readonly Key: string } | PutAppendArgs;

/** Sends of one forward before the primary gives up on it and fails the operation. */
const ForwardTries = 3;

/** Snapshots sent to a new backup in one go before waiting for the next tick or operation. Until
 *  one arrives the primary cannot ack its view, and a primary that dies unacked stalls the
 *  service for good (§1.4.3): one try a tick left that window open for ticks on end when the
 *  backup runs the unreliable accept loop (28% of calls fail). */
const TransferTries = 3;

export class PBServer {
  readonly proc: Process = currentProcess();
  private readonly mu = new Mutex();
  private l: Listener | null = null;
  private dead = false;
  private unreliable = false;
  private readonly vs: viewservice.Clerk;

  /** The latest view learned through tick(); servers learn views no other way (§2.4 Views). */
  private view: View = EMPTY_VIEW;
  /** The view number last reported to the viewservice as ready to serve in, as its primary. */
  private ackedViewnum = 0;
  /** Holds the service's state: primary of the first view, or given a Transfer (§2.4). */
  private initialised = false;
  /** The view in which this view's backup received our whole state; 0 when it has not. */
  private backupReadyViewnum = 0;
  /** As primary: the number of the latest Transfer we sent (it counts up for our lifetime). */
  private snapshotSent = 0;
  /** As backup: the number of the Transfer our state came from, in the view we know. */
  private snapshotHeld = 0;
  private db = new Map<string, string>();
  /** The duplicate table: ids of the Puts and Appends applied here (§2.4 At-most-once). */
  private seen = new Set<number>();

  constructor(
    vshost: string,
    readonly me: string,
    private readonly bugs: ReadonlySet<BugName>,
  ) {
    this.vs = viewservice.MakeClerk(me, vshost);
  }

  // ---- client RPCs (primary) -----------------------------------------------------------------

  async Get(args: GetArgs, reply: GetReply): Promise<void> {
    await this.mu.lock();
    try {
      if (!this.isActivePrimary()) {
        reply.Err = ErrWrongServer;
        return;
      }
      // §2.4 Forwarding: Get too, so a primary that has been replaced hears it from the backup's
      // rejection instead of serving a stale value.
      if (!this.bugs.has('get-not-forwarded')) {
        const err = await this.forward({ Op: 'Get', Key: args.Key });
        if (err !== OK) {
          reply.Err = err;
          return;
        }
      }
      const value = this.db.get(args.Key);
      reply.Err = value === undefined ? ErrNoKey : OK;
      reply.Value = value ?? '';
    } finally {
      this.mu.unlock();
    }
  }

  async PutAppend(args: PutAppendArgs, reply: PutAppendReply): Promise<void> {
    await this.mu.lock();
    try {
      if (!this.isActivePrimary()) {
        reply.Err = ErrWrongServer;
        return;
      }
      // §2.4 At-most-once: a retry of an applied operation is answered, not applied again.
      if (this.seen.has(args.Id) && !this.bugs.has('no-dup-detection')) {
        reply.Err = OK;
        return;
      }
      const err = await this.forward(args);
      if (err !== OK) {
        reply.Err = err;
        return;
      }
      this.applyWrite(args);
      this.seen.add(args.Id);
      reply.Err = OK;
    } finally {
      this.mu.unlock();
    }
  }

  // ---- primary → backup ----------------------------------------------------------------------

  /** Sends one operation to the backup and waits for its answer (§2.4 Forwarding). OK means the
   *  backup has it, or this view has no backup; anything else fails the operation, and the clerk
   *  asks the viewservice again. Called with mu held. */
  private async forward(op: ForwardOp): Promise<Err> {
    const backup = this.view.Backup;
    if (backup === '') return OK; // §2.4: only a view without a backup lets a primary run alone
    if (!(await this.ensureBackupReady())) return ErrWrongServer;
    // Field by field, not a spread: a spread of a record is a slow generic copy on this hot path.
    const { Viewnum } = this.view;
    const args: ForwardArgs =
      op.Op === 'Get'
        ? { Op: 'Get', Key: op.Key, Viewnum, Primary: this.me, Snapshot: this.snapshotSent }
        : { Key: op.Key, Value: op.Value, Op: op.Op, Id: op.Id, Viewnum, Primary: this.me, Snapshot: this.snapshotSent };
    for (let attempt = 1; attempt <= ForwardTries; attempt++) {
      const reply: ForwardReply = { Err: '' };
      const ok = await this.callForward(backup, args, reply);
      if (this.bugs.has('ignore-forward-result')) return OK;
      if (!ok && this.bugs.has('unreachable-backup-as-none')) return OK;
      if (ok && reply.Err === OK) return OK;
      if (ok) break; // rejected: the backup is in another view, or lacks our latest snapshot
      // false says nothing about whether the backup applied it: a lost reply arrives before the
      // backup even runs the forward (§3.3). Sending it again is safe, as the backup filters the
      // op id, and holding mu meanwhile keeps other operations from overtaking it.
    }
    // §2.4 Unreachable backup: never finish as if there were none; the backup may be alive and
    // primary already. We no longer know what it holds, so it gets the whole state again before
    // the next forward, and that snapshot's number makes it drop any straggler of this one.
    this.backupReadyViewnum = 0;
    return ErrWrongServer;
  }

  /** The Forward call itself, under mu, so the primary and the backup apply operations in the
   *  same order (§2.4 Ordering). */
  private async callForward(backup: string, args: ForwardArgs, reply: ForwardReply): Promise<boolean> {
    if (!this.bugs.has('forward-apply-unserialised')) return call(backup, 'PBServer.Forward', args, reply);
    this.mu.unlock(); // the bug: let other operations overtake this one while it is in flight
    try {
      return await call(backup, 'PBServer.Forward', args, reply);
    } finally {
      await this.mu.lock();
    }
  }

  /** Gives this view's backup the whole state unless it has it already (§2.4 State transfer).
   *  Runs under mu, so each operation is either in the snapshot or forwarded after it. */
  private async ensureBackupReady(): Promise<boolean> {
    const { Viewnum, Backup } = this.view;
    if (Backup === '' || this.backupReadyViewnum === Viewnum) return true;
    for (let attempt = 1; attempt <= TransferTries; attempt++) {
      // Each try is a new snapshot number: the backup keeps the newest it has seen, so an
      // earlier try whose reply was lost and which runs late cannot roll it back.
      this.snapshotSent++;
      const args: TransferArgs = {
        Viewnum,
        Primary: this.me,
        Snapshot: this.snapshotSent,
        Database: this.db, // the wire copies it, as gob does
        Seen: this.bugs.has('dup-table-not-in-snapshot') ? new Set<number>() : this.seen,
      };
      const reply: TransferReply = { Err: '' };
      const ok = await call(Backup, 'PBServer.Transfer', args, reply);
      if (ok && reply.Err === OK) {
        this.backupReadyViewnum = Viewnum;
        return true;
      }
      if (ok) return false; // refused: the backup is in another view
    }
    return false;
  }

  // ---- primary → backup RPCs (backup) ------------------------------------------------------

  async Forward(args: ForwardArgs, reply: ForwardReply): Promise<void> {
    await this.mu.lock();
    try {
      // Reject what we cannot place: a sender that is not our primary, no state yet, or a
      // straggler sent before our latest snapshot (its effect, if any, is in the snapshot).
      if (!this.acceptsFromPrimary(args) || !this.initialised || args.Snapshot !== this.snapshotHeld) {
        reply.Err = ErrWrongServer;
        return;
      }
      if (args.Op !== 'Get') this.applyForwarded(args);
      reply.Err = OK;
    } finally {
      this.mu.unlock();
    }
  }

  async Transfer(args: TransferArgs, reply: TransferReply): Promise<void> {
    await this.mu.lock();
    try {
      // A transfer whose reply was lost may run after a later one: never go back to it.
      if (!this.acceptsFromPrimary(args) || args.Snapshot <= this.snapshotHeld) {
        reply.Err = ErrWrongServer;
        return;
      }
      this.db = new Map(args.Database);
      this.seen = new Set(args.Seen);
      this.snapshotHeld = args.Snapshot;
      this.initialised = true;
      reply.Err = OK;
    } finally {
      this.mu.unlock();
    }
  }

  /** §2.4: a backup takes forwards only as the backup of the sender's view, from that view's
   *  primary. With "the primary of view i+1 was in view i" this stops a stale primary. */
  private acceptsFromPrimary(from: FromPrimary): boolean {
    if (this.bugs.has('backup-accepts-any-sender')) return true;
    return from.Viewnum === this.view.Viewnum && this.view.Backup === this.me && from.Primary === this.view.Primary;
  }

  private applyForwarded(args: PutAppendArgs): void {
    // A forward sent again after a lost reply reaches us twice: apply it once (§2.4).
    if (this.seen.has(args.Id) && !this.bugs.has('backup-reapplies-duplicates')) return;
    this.applyWrite(args);
    if (!this.bugs.has('dup-table-not-replicated')) this.seen.add(args.Id);
  }

  private applyWrite(args: PutAppendArgs): void {
    const value = args.Op === 'Append' ? (this.db.get(args.Key) ?? '') + args.Value : args.Value;
    this.db.set(args.Key, value);
  }

  // ---- views ---------------------------------------------------------------------------------

  /** Only the primary serves clients, and only once it holds the state (§2.4 Who serves). */
  private isActivePrimary(): boolean {
    return this.view.Primary === this.me && this.initialised;
  }

  /** ping the viewserver periodically; learn views; give a new backup the state (§2.3). */
  async tick(): Promise<void> {
    await this.mu.lock();
    try {
      const { view, error } = await this.vs.Ping(this.pingViewnum());
      if (error !== null) return; // cut off from the viewservice: keep the stale view (§2.4)
      // Killed while that Ping was out: a killed server takes on no new view (§3.2 Kill), or it
      // could hand its state to a newcomer and ack, making it primary after all.
      if (this.isdead()) return;
      if (view.Viewnum > this.view.Viewnum) this.learnView(view);
      if (this.isActivePrimary() && this.ackedViewnum !== this.view.Viewnum && (await this.ensureBackupReady())) {
        // Ack at once rather than a PingInterval later: until the primary acks, the viewservice
        // cannot leave this view, and a primary that dies unacked stalls the service (§1.4.3).
        await this.vs.Ping(this.pingViewnum());
      }
    } finally {
      this.mu.unlock();
    }
  }

  /** A primary acks a view only once it is ready to serve in it: it holds the state and its
   *  backup (if any) has been given it, so an empty backup is never promoted (§2.4, recommended).
   *  Anyone else reports the view it knows; to the viewservice only 0 ("restarted") matters. */
  private pingViewnum(): number {
    if (this.view.Primary !== this.me) return this.view.Viewnum;
    if (this.readyToAck()) this.ackedViewnum = this.view.Viewnum;
    return this.ackedViewnum;
  }

  private readyToAck(): boolean {
    if (!this.initialised) return false;
    return this.view.Backup === '' || this.backupReadyViewnum === this.view.Viewnum;
  }

  private learnView(view: View): void {
    const wasReplica = this.view.Primary === this.me || this.view.Backup === this.me;
    if (view.Viewnum === 1 && view.Primary === this.me) {
      this.initialised = true; // §1.4.1: the service starts empty, so the first primary holds it all
    } else if (!(view.Primary === this.me && wasReplica)) {
      // A backup waits for the new view's Transfer; an idle server's copy is stale. A primary of
      // view i+1 keeps what it held as primary or (transferred) backup of view i (§1.4.2).
      this.initialised = false;
      this.snapshotHeld = 0;
    }
    this.view = view;
  }

  // ---- lifecycle -----------------------------------------------------------------------------

  /** Tell the server to shut itself down: handlers already running carry on (§3.2). */
  kill(): void {
    this.dead = true;
    this.l?.close();
  }

  isdead(): boolean {
    return this.dead;
  }

  setunreliable(what: boolean): void {
    this.unreliable = what;
  }

  isunreliable(): boolean {
    return this.unreliable;
  }

  /** Listens on `me` and starts the accept loop (§3.1) and the tick goroutine (§2.3). */
  start(): void {
    const rpcs = new RpcServer();
    rpcs.register('PBServer', this, ['Get', 'PutAppend', 'Forward', 'Transfer']);
    removeFile(this.me); // only needed for "unix"; a missing file is fine
    const l = listen(this.me);
    if (l instanceof GoError) throw new Error(`listen error: ${l.message}`); // log.Fatal
    this.l = l;
    go(() => acceptLoop(this, l, rpcs, 'PBServer'), 'accept');
    go(() => this.tickLoop(), 'tick');
  }

  private async tickLoop(): Promise<void> {
    while (!this.isdead()) {
      await this.tick();
      await sleep(PingInterval);
    }
  }
}

/** "s1" for ".../pb-3123-basic-1": the trace label of a server's process. */
function shortTag(me: string): string {
  const base = me.slice(me.lastIndexOf('/') + 1);
  const last = base.slice(base.lastIndexOf('-') + 1);
  return /^[0-9]+$/.test(last) ? `s${last}` : base;
}

/** Starts a key/value server at `me`, in a process of its own, using the viewservice at vshost. */
export function StartServer(vshost: string, me: string, options: ProtocolOptions = {}): PBServer {
  const { value } = spawnProcess(options.name ?? shortTag(me), () => {
    const pb = new PBServer(vshost, me, bugsOf(options));
    pb.start();
    return pb;
  });
  return value;
}
