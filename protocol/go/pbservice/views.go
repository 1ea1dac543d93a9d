// Views and lifecycle: tick() pings the viewservice, learns views (the only way a server learns
// them), gives a new backup the state and acks the view only then; kill() and the unreliable
// flag are for the tests.
package pbservice

import (
	"sync/atomic"
	"time"

	"rpcsim/protocol/go/viewservice"
)

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
