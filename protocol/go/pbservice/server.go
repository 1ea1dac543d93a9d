// One key/value server, primary or backup by the view it learns from the viewservice in
// tick(). The primary filters duplicate op ids, forwards every operation (Get included) to the
// backup under its lock and answers only after the backup agreed; a new backup first gets the
// whole state in one Transfer, and the primary acks the view only after that. A backup accepts
// forwards only from its view's primary, once initialised. A lost reply reaches the caller
// before the callee has even run the call, so a failed forward is resent (the backup filters op
// ids); if it keeps failing, the operation fails and the backup gets the whole state again,
// numbered, so late copies of the failed forward are dropped. This file is the primary's side;
// backup.go the backup's, views.go tick() and the lifecycle.
package pbservice

import (
	"net"
	"sync"

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
