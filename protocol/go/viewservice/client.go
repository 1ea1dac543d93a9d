// The clerk servers and clients use to talk to the viewservice. Every RPC goes through call();
// a failed Ping returns the empty view and the error "Ping(<n>) failed", a failed Get returns
// ok=false, a failed Primary "".
package viewservice

import (
	"fmt"
	"net/rpc"
)

// Clerk talks to the viewservice at server on behalf of me.
type Clerk struct {
	me     string // client's name (host:port)
	server string // viewservice's host:port
}

// MakeClerk returns a clerk for the viewservice at server.
func MakeClerk(me string, server string) *Clerk {
	ck := new(Clerk)
	ck.me = me
	ck.server = server
	return ck
}

// call sends one RPC and waits for the reply: a fresh connection per call, no timeout. It
// returns true if the server replied, false if it could not be reached (silently) or the call
// failed (the error is printed). A false does not mean the server did not execute the call:
// it may have run it and lost the reply. args and reply must be pointers to structs.
func call(srv string, rpcname string, args interface{}, reply interface{}) bool {
	c, errx := rpc.Dial("unix", srv)
	if errx != nil {
		return false
	}
	defer c.Close()

	err := c.Call(rpcname, args, reply)
	if err == nil {
		return true
	}

	fmt.Println(err)
	return false
}

// Ping tells the viewservice that me is alive and knows view viewnum; it returns the current
// view.
func (ck *Clerk) Ping(viewnum uint) (View, error) {
	// prepare the arguments.
	args := &PingArgs{}
	args.Me = ck.me
	args.Viewnum = viewnum
	var reply PingReply

	// send an RPC request, wait for the reply.
	ok := call(ck.server, "ViewServer.Ping", args, &reply)
	if !ok {
		return View{}, fmt.Errorf("Ping(%v) failed", viewnum)
	}

	return reply.View, nil
}

// Get fetches the current view without volunteering.
func (ck *Clerk) Get() (View, bool) {
	args := &GetArgs{}
	var reply GetReply
	ok := call(ck.server, "ViewServer.Get", args, &reply)
	if !ok {
		return View{}, false
	}
	return reply.View, true
}

// Primary is the current view's primary, or "" if the viewservice cannot be reached.
func (ck *Clerk) Primary() string {
	v, ok := ck.Get()
	if ok {
		return v.Primary
	}
	return ""
}
