// One key/value server, primary or backup by the view it learns from the viewservice in
// tick(). The primary filters duplicate op ids, forwards every operation (Get included) to the
// backup under its lock and answers only after the backup agreed; a new backup first gets the
// whole state in one Transfer, and the primary acks the view only after that. A backup accepts
// forwards only from its view's primary, once initialised. A lost reply reaches the caller
// before the callee has even run the call, so a failed forward is resent (the backup filters op
// ids); if it keeps failing, the operation fails and the backup gets the whole state again,
// numbered, so late copies of the failed forward are dropped.
package pbservice

import (
	"net"
	"sync"
	"sync/atomic"
	"time"

	"rpcsim/protocol/go/bugs"
	"rpcsim/protocol/go/viewservice"
)

// ForwardTries is how often one forward is sent before the primary gives up on it and fails
// the operation.
const ForwardTries = 3

// TransferTries is how many snapshots are sent to a new backup in one go before waiting for the
// next tick or operation. Until one arrives the primary cannot ack its view, and a primary that
// dies unacked stalls the service for good: one try a tick left that window open for ticks on
// end when the backup runs the unreliable accept loop (28% of calls fail).
const TransferTries = 3

// PBServer is one key/value server.
type PBServer struct {
	mu         sync.Mutex
	l          net.Listener
	dead       int32 // for testing
	unreliable int32 // for testing
	me         string
	vs         *viewservice.Clerk

	// view is the latest view learned through tick(); servers learn views no other way.
	view viewservice.View
	// ackedViewnum is the view number last reported to the viewservice as ready to serve in,
	// as its primary.
	ackedViewnum uint
	// initialised: holds the service's state, as primary of the first view or given a
	// Transfer.
	initialised bool
	// backupReadyViewnum is the view in which this view's backup received our whole state; 0
	// when it has not.
	backupReadyViewnum uint
	// snapshotSent (as primary) is the number of the latest Transfer we sent; it counts up for
	// our lifetime.
	snapshotSent int
	// snapshotHeld (as backup) is the number of the Transfer our state came from, in the view
	// we know.
	snapshotHeld int
	db           map[string]string
	// seen is the duplicate table: ids of the Puts and Appends applied here.
	seen map[int64]bool
}

// ---- client RPCs (primary) ----------------------------------------------------------------

func (pb *PBServer) Get(args *GetArgs, reply *GetReply) error {
	pb.mu.Lock()
	defer pb.mu.Unlock()
	if !pb.isActivePrimary() {
		reply.Err = ErrWrongServer
		return nil
	}
	// Get is forwarded too, so a primary that has been replaced hears it from the backup's
	// rejection instead of serving a stale value.
	if !bugs.On("get-not-forwarded") {
		if err := pb.forward(ForwardArgs{Op: "Get", Key: args.Key}); err != OK {
			reply.Err = err
			return nil
		}
	}
	value, ok := pb.db[args.Key]
	if ok {
		reply.Err = OK
	} else {
		reply.Err = ErrNoKey
	}
	reply.Value = value
	return nil
}

func (pb *PBServer) PutAppend(args *PutAppendArgs, reply *PutAppendReply) error {
	pb.mu.Lock()
	defer pb.mu.Unlock()
	if !pb.isActivePrimary() {
		reply.Err = ErrWrongServer
		return nil
	}
	// At most once: a retry of an applied operation is answered, not applied again.
	if pb.seen[args.Id] && !bugs.On("no-dup-detection") {
		reply.Err = OK
		return nil
	}
	op := ForwardArgs{Op: args.Op, Key: args.Key, Value: args.Value, Id: args.Id}
	if err := pb.forward(op); err != OK {
		reply.Err = err
		return nil
	}
	pb.applyWrite(args.Op, args.Key, args.Value)
	pb.seen[args.Id] = true
	reply.Err = OK
	return nil
}

// ---- primary → backup ---------------------------------------------------------------------

// forward sends one operation to the backup and waits for its answer. OK means the backup has
// it, or this view has no backup; anything else fails the operation, and the clerk asks the
// viewservice again. Called with mu held.
func (pb *PBServer) forward(op ForwardArgs) Err {
	backup := pb.view.Backup
	if backup == "" {
		return OK // only a view without a backup lets a primary run alone
	}
	if !pb.ensureBackupReady() {
		return ErrWrongServer
	}
	args := op
	args.Viewnum, args.Primary, args.Snapshot = pb.view.Viewnum, pb.me, pb.snapshotSent
	for attempt := 1; attempt <= ForwardTries; attempt++ {
		var reply ForwardReply
		ok := pb.callForward(backup, &args, &reply)
		if bugs.On("ignore-forward-result") {
			return OK
		}
		if !ok && bugs.On("unreachable-backup-as-none") {
			return OK
		}
		if ok && reply.Err == OK {
			return OK
		}
		if ok {
			break // rejected: the backup is in another view, or lacks our latest snapshot
		}
		// false says nothing about whether the backup applied it: a lost reply arrives before
		// the backup even runs the forward. Sending it again is safe, as the backup filters
		// the op id, and holding mu meanwhile keeps other operations from overtaking it.
	}
	// Unreachable backup: never finish as if there were none; the backup may be alive and
	// primary already. We no longer know what it holds, so it gets the whole state again
	// before the next forward, and that snapshot's number makes it drop any straggler of this
	// one.
	pb.backupReadyViewnum = 0
	return ErrWrongServer
}

// callForward is the Forward call itself, under mu, so the primary and the backup apply
// operations in the same order.
func (pb *PBServer) callForward(backup string, args *ForwardArgs, reply *ForwardReply) bool {
	if !bugs.On("forward-apply-unserialised") {
		return call(backup, "PBServer.Forward", args, reply)
	}
	pb.mu.Unlock() // the bug: let other operations overtake this one while it is in flight
	defer pb.mu.Lock()
	return call(backup, "PBServer.Forward", args, reply)
}

// ensureBackupReady gives this view's backup the whole state unless it has it already. Runs
// under mu, so each operation is either in the snapshot or forwarded after it.
func (pb *PBServer) ensureBackupReady() bool {
	viewnum, backup := pb.view.Viewnum, pb.view.Backup
	if backup == "" || pb.backupReadyViewnum == viewnum {
		return true
	}
	for attempt := 1; attempt <= TransferTries; attempt++ {
		// Each try is a new snapshot number: the backup keeps the newest it has seen, so an
		// earlier try whose reply was lost and which runs late cannot roll it back.
		pb.snapshotSent++
		args := &TransferArgs{Viewnum: viewnum, Primary: pb.me, Snapshot: pb.snapshotSent, Database: pb.db, Seen: pb.seen}
		if bugs.On("dup-table-not-in-snapshot") {
			args.Seen = map[int64]bool{}
		}
		var reply TransferReply
		ok := call(backup, "PBServer.Transfer", args, &reply)
		if ok && reply.Err == OK {
			pb.backupReadyViewnum = viewnum
			return true
		}
		if ok {
			return false // refused: the backup is in another view
		}
	}
	return false
}

// ---- primary → backup RPCs (backup) -------------------------------------------------------

func (pb *PBServer) Forward(args *ForwardArgs, reply *ForwardReply) error {
	pb.mu.Lock()
	defer pb.mu.Unlock()
	// Reject what we cannot place: a sender that is not our primary, no state yet, or a
	// straggler sent before our latest snapshot (its effect, if any, is in the snapshot).
	if !pb.acceptsFromPrimary(args.Viewnum, args.Primary) || !pb.initialised || args.Snapshot != pb.snapshotHeld {
		reply.Err = ErrWrongServer
		return nil
	}
	if args.Op != "Get" {
		pb.applyForwarded(args)
	}
	reply.Err = OK
	return nil
}

func (pb *PBServer) Transfer(args *TransferArgs, reply *TransferReply) error {
	pb.mu.Lock()
	defer pb.mu.Unlock()
	// A transfer whose reply was lost may run after a later one: never go back to it.
	if !pb.acceptsFromPrimary(args.Viewnum, args.Primary) || args.Snapshot <= pb.snapshotHeld {
		reply.Err = ErrWrongServer
		return nil
	}
	// gob leaves out empty maps, so either may arrive nil.
	pb.db = map[string]string{}
	for k, v := range args.Database {
		pb.db[k] = v
	}
	pb.seen = map[int64]bool{}
	for id := range args.Seen {
		pb.seen[id] = true
	}
	pb.snapshotHeld = args.Snapshot
	pb.initialised = true
	reply.Err = OK
	return nil
}

// acceptsFromPrimary: a backup takes forwards only as the backup of the sender's view, from
// that view's primary. With "the primary of view i+1 was in view i" this stops a stale primary.
func (pb *PBServer) acceptsFromPrimary(viewnum uint, primary string) bool {
	if bugs.On("backup-accepts-any-sender") {
		return true
	}
	return viewnum == pb.view.Viewnum && pb.view.Backup == pb.me && primary == pb.view.Primary
}

func (pb *PBServer) applyForwarded(args *ForwardArgs) {
	// A forward sent again after a lost reply reaches us twice: apply it once.
	if pb.seen[args.Id] && !bugs.On("backup-reapplies-duplicates") {
		return
	}
	pb.applyWrite(args.Op, args.Key, args.Value)
	if !bugs.On("dup-table-not-replicated") {
		pb.seen[args.Id] = true
	}
}

func (pb *PBServer) applyWrite(op string, key string, value string) {
	if op == "Append" {
		pb.db[key] += value
	} else {
		pb.db[key] = value
	}
}

// ---- views --------------------------------------------------------------------------------

// isActivePrimary: only the primary serves clients, and only once it holds the state.
func (pb *PBServer) isActivePrimary() bool {
	return pb.view.Primary == pb.me && pb.initialised
}

// tick pings the viewserver periodically, learns views and gives a new backup the state.
func (pb *PBServer) tick() {
	pb.mu.Lock()
	defer pb.mu.Unlock()
	view, err := pb.vs.Ping(pb.pingViewnum())
	if err != nil {
		return // cut off from the viewservice: keep the stale view
	}
	// Killed while that Ping was out: a killed server takes on no new view, or it could hand
	// its state to a newcomer and ack, making it primary after all.
	if pb.isdead() {
		return
	}
	if view.Viewnum > pb.view.Viewnum {
		pb.learnView(view)
	}
	if pb.isActivePrimary() && pb.ackedViewnum != pb.view.Viewnum && pb.ensureBackupReady() {
		// Ack at once rather than a PingInterval later: until the primary acks, the
		// viewservice cannot leave this view, and a primary that dies unacked stalls the
		// service.
		pb.vs.Ping(pb.pingViewnum())
	}
}

// pingViewnum: a primary acks a view only once it is ready to serve in it: it holds the state
// and its backup (if any) has been given it, so an empty backup is never promoted. Anyone else
// reports the view it knows; to the viewservice only 0 ("restarted") matters.
func (pb *PBServer) pingViewnum() uint {
	if pb.view.Primary != pb.me {
		return pb.view.Viewnum
	}
	if pb.readyToAck() {
		pb.ackedViewnum = pb.view.Viewnum
	}
	return pb.ackedViewnum
}

func (pb *PBServer) readyToAck() bool {
	if !pb.initialised {
		return false
	}
	return pb.view.Backup == "" || pb.backupReadyViewnum == pb.view.Viewnum
}

func (pb *PBServer) learnView(view viewservice.View) {
	wasReplica := pb.view.Primary == pb.me || pb.view.Backup == pb.me
	if view.Viewnum == 1 && view.Primary == pb.me {
		pb.initialised = true // the service starts empty, so the first primary holds it all
	} else if !(view.Primary == pb.me && wasReplica) {
		// A backup waits for the new view's Transfer; an idle server's copy is stale. A
		// primary of view i+1 keeps what it held as primary or (transferred) backup of view i.
		pb.initialised = false
		pb.snapshotHeld = 0
	}
	pb.view = view
}

// tickLoop calls tick() once per PingInterval until the server is killed.
func (pb *PBServer) tickLoop() {
	for !pb.isdead() {
		pb.tick()
		time.Sleep(viewservice.PingInterval)
	}
}

// kill tells the server to shut itself down: handlers already running carry on.
func (pb *PBServer) kill() {
	atomic.StoreInt32(&pb.dead, 1)
	pb.l.Close()
}

// isdead: has this server been asked to shut down?
func (pb *PBServer) isdead() bool {
	return atomic.LoadInt32(&pb.dead) != 0
}

// setunreliable: for testing, drop requests and replies in the accept loop.
func (pb *PBServer) setunreliable(what bool) {
	if what {
		atomic.StoreInt32(&pb.unreliable, 1)
	} else {
		atomic.StoreInt32(&pb.unreliable, 0)
	}
}

func (pb *PBServer) isunreliable() bool {
	return atomic.LoadInt32(&pb.unreliable) != 0
}
