// The backup's side of primary → backup: Forward (one client operation) and Transfer (the whole
// state), accepted only from the primary of the view this server is backup in, and applying a
// forwarded write at most once.
package pbservice

import "rpcsim/protocol/go/bugs"

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
