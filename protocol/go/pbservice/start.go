// StartServer and the unreliable accept loop: the part of the server a solution may not
// change. Each accepted connection carries one RPC (call() dials afresh); an unreliable server
// drops 10% of requests by closing the connection unread, and for 18% it shuts its write side
// before serving, so the request runs but the caller reads EOF ("unexpected EOF") at once.
package pbservice

import (
	"fmt"
	"log"
	"math/rand"
	"net"
	"net/rpc"
	"os"
	"syscall"

	"rpcsim/protocol/go/viewservice"
)

// StartServer starts a key/value server at me, using the viewservice at vshost.
func StartServer(vshost string, me string) *PBServer {
	pb := new(PBServer)
	pb.me = me
	pb.vs = viewservice.MakeClerk(me, vshost)
	pb.db = map[string]string{}
	pb.seen = map[int64]bool{}

	rpcs := rpc.NewServer()
	rpcs.Register(pb)

	os.Remove(pb.me) // only needed for "unix"
	l, e := net.Listen("unix", pb.me)
	if e != nil {
		log.Fatal("listen error: ", e)
	}
	pb.l = l

	// create a thread to accept RPC connections
	go func() {
		for !pb.isdead() {
			conn, err := pb.l.Accept()
			if err == nil && !pb.isdead() {
				if pb.isunreliable() && (rand.Int63()%1000) < 100 {
					// discard the request.
					conn.Close()
				} else if pb.isunreliable() && (rand.Int63()%1000) < 200 {
					// process the request but force discard of reply. The second fd from
					// File() is never closed, as in the lab.
					c1 := conn.(*net.UnixConn)
					f, _ := c1.File()
					err := syscall.Shutdown(int(f.Fd()), syscall.SHUT_WR)
					if err != nil {
						fmt.Printf("shutdown: %v\n", err)
					}
					go rpcs.ServeConn(conn)
				} else {
					go rpcs.ServeConn(conn)
				}
			} else if err == nil {
				conn.Close()
			}
			if err != nil && !pb.isdead() {
				fmt.Printf("PBServer(%v) accept: %v\n", me, err.Error())
				pb.kill()
			}
		}
	}()

	go pb.tickLoop()

	return pb
}
