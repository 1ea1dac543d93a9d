// The view server. It tracks which servers are alive from their pings and moves through views
// by the lab's rules: the first pinger is the first primary, the backup succeeds a dead or
// restarted primary, a live idle server fills an empty backup slot, and nothing moves until the
// current view's primary has acked it. Ping and tick() share one rule book (updateView), so
// either may change the view.
package viewservice

import (
	"fmt"
	"log"
	"net"
	"net/rpc"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"rpcsim/protocol/go/bugs"
)

// ViewServer is the viewservice: one per test, reliable, never crashed by the tests.
type ViewServer struct {
	mu       sync.Mutex
	l        net.Listener
	dead     int32 // for testing
	rpccount int32 // for testing
	me       string

	view View
	// acked: whether view.Primary has sent Ping(view.Viewnum), the gate on every view change.
	acked bool
	// lastPing is the time of each server's latest ping; servers lists them in first-ping
	// order, which makes the choice among several idle servers deterministic.
	lastPing map[string]time.Time
	servers  []string
}

// Ping is the server Ping RPC handler: records liveness, the ack and restarts, and replies
// with the view.
func (vs *ViewServer) Ping(args *PingArgs, reply *PingReply) error {
	vs.mu.Lock()
	defer vs.mu.Unlock()

	if _, ok := vs.lastPing[args.Me]; !ok {
		vs.servers = append(vs.servers, args.Me)
	}
	vs.lastPing[args.Me] = time.Now()
	if vs.view.Viewnum == 0 {
		// The first server to ping becomes primary of view 1, with no backup. This is the
		// only time an arbitrary server may become primary.
		vs.changeView(args.Me, "")
	} else {
		if args.Me == vs.view.Primary && args.Viewnum == vs.view.Viewnum {
			vs.acked = true
		}
		// Viewnum 0 means "I have just (re)started and hold no state".
		restarted := ""
		if args.Viewnum == 0 {
			restarted = args.Me
		}
		vs.updateView(restarted)
	}
	reply.View = vs.view
	return nil
}

// Get is the server Get RPC handler: the current view, without volunteering.
func (vs *ViewServer) Get(args *GetArgs, reply *GetReply) error {
	vs.mu.Lock()
	defer vs.mu.Unlock()
	reply.View = vs.view
	return nil
}

// tick() is called once per PingInterval; it notices dead servers.
func (vs *ViewServer) tick() {
	vs.mu.Lock()
	defer vs.mu.Unlock()
	vs.updateView("")
}

// updateView makes at most one view change; restarted is a server that just sent Ping(0), or
// "".
func (vs *ViewServer) updateView(restarted string) {
	// Never move past a view its primary has not acked, whatever we observe meanwhile.
	if !vs.acked && !bugs.On("vs-ack-gate-ignored") {
		return
	}
	primary, backup := vs.view.Primary, vs.view.Backup
	primaryRestarted := restarted != "" && restarted == primary && !bugs.On("vs-restart-ignored")
	if primaryRestarted || !vs.isAlive(primary) {
		// The primary of view i+1 must come from view i; a restarted primary is now idle and
		// may come back as the new backup at once.
		if backup != "" && vs.isAlive(backup) {
			vs.changeView(backup, vs.idleServer(backup))
		} else if bugs.On("vs-idle-promoted") {
			vs.promoteIdle(primary)
		}
		// Otherwise (no backup, or it is dead too) nothing can be done: an idle server holds
		// no data, and promoting a dead backup would only move the stall to the next view.
		return
	}
	if backup != "" && (restarted == backup || vs.backupDead(backup)) {
		// A dead backup is not alive, so it cannot be picked again; a restarted one may be,
		// empty.
		vs.changeView(primary, vs.idleServer(primary))
		return
	}
	if backup == "" {
		// A live idle server volunteers as backup.
		if idle := vs.idleServer(primary); idle != "" {
			vs.changeView(primary, idle)
		}
	}
}

func (vs *ViewServer) backupDead(backup string) bool {
	return !vs.isAlive(backup) && !bugs.On("vs-dead-backup-kept")
}

// promoteIdle is the bug vs-idle-promoted: an uninitialised idle server becomes primary.
func (vs *ViewServer) promoteIdle(oldPrimary string) {
	if idle := vs.idleServer(oldPrimary); idle != "" {
		vs.changeView(idle, "")
	}
}

func (vs *ViewServer) changeView(primary string, backup string) {
	// Each change adds exactly one to the view number and clears the ack.
	vs.view = View{Viewnum: vs.view.Viewnum + 1, Primary: primary, Backup: backup}
	vs.acked = false
}

// isAlive: a server is dead once it has missed DeadPings pings in a row.
func (vs *ViewServer) isAlive(server string) bool {
	last, ok := vs.lastPing[server]
	return ok && time.Since(last) < DeadPings*PingInterval
}

// idleServer is a live server other than taken, or "" if there is none.
func (vs *ViewServer) idleServer(taken string) string {
	for _, server := range vs.servers {
		if server != taken && vs.isAlive(server) {
			return server
		}
	}
	return ""
}

// Kill tells the server to shut itself down, for testing: sets dead and closes the listener.
func (vs *ViewServer) Kill() {
	atomic.StoreInt32(&vs.dead, 1)
	vs.l.Close()
}

// isdead: has this server been asked to shut down?
func (vs *ViewServer) isdead() bool {
	return atomic.LoadInt32(&vs.dead) != 0
}

// GetRPCCount is one count per accepted connection, i.e. per RPC (call() dials afresh for
// each), for testing.
func (vs *ViewServer) GetRPCCount() int32 {
	return atomic.LoadInt32(&vs.rpccount)
}

// StartServer listens on me and starts the accept and tick goroutines.
func StartServer(me string) *ViewServer {
	vs := new(ViewServer)
	vs.me = me
	vs.lastPing = map[string]time.Time{}

	// tell net/rpc about our RPC server and handlers.
	rpcs := rpc.NewServer()
	rpcs.Register(vs)

	// prepare to receive connections from clients.
	// change "unix" to "tcp" to use over a network.
	os.Remove(vs.me) // only needed for "unix"
	l, e := net.Listen("unix", vs.me)
	if e != nil {
		log.Fatal("listen error: ", e)
	}
	vs.l = l

	// create a thread to accept RPC connections from clients.
	go func() {
		for !vs.isdead() {
			conn, err := vs.l.Accept()
			if err == nil && !vs.isdead() {
				atomic.AddInt32(&vs.rpccount, 1)
				go rpcs.ServeConn(conn)
			} else if err == nil {
				conn.Close()
			}
			if err != nil && !vs.isdead() {
				fmt.Printf("ViewServer(%v) accept: %v\n", me, err.Error())
				vs.Kill()
			}
		}
	}()

	// create a thread to call tick() periodically.
	go func() {
		for !vs.isdead() {
			vs.tick()
			time.Sleep(PingInterval)
		}
	}()

	return vs
}
