// The clerk. It caches the primary and asks the viewservice only after a failure (call()
// false, or a reply other than OK / ErrNoKey), sleeps PingInterval between tries, and keeps one
// op id for all retries of one Put or Append, so the servers' duplicate table can recognise a
// retry of an operation whose reply was lost.
package pbservice

import (
	"fmt"
	"net/rpc"
	"time"

	"rpcsim/protocol/go/bugs"
	"rpcsim/protocol/go/viewservice"
)

// Clerk is one client of the key/value service: one operation at a time.
type Clerk struct {
	vs *viewservice.Clerk
	// primary is the primary as last learned from the viewservice; "" means "ask again".
	primary string
}

// MakeClerk: me is "" in the tests, so the clerk only ever Gets views, never pings.
func MakeClerk(vshost string, me string) *Clerk {
	ck := new(Clerk)
	ck.vs = viewservice.MakeClerk(me, vshost)
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

// Get fetches a key's value from the current primary; "" if the key is not present. Keeps
// trying forever in the face of all other errors.
func (ck *Clerk) Get(key string) string {
	ck.startOperation()
	args := &GetArgs{Key: key}
	for {
		var reply GetReply
		if ck.callPrimary("PBServer.Get", args, &reply) {
			if reply.Err == OK {
				return reply.Value
			}
			if reply.Err == ErrNoKey {
				return ""
			}
		}
		ck.afterFailure()
	}
}

// PutAppend tells the primary to update key's value; must keep trying until it succeeds.
func (ck *Clerk) PutAppend(key string, value string, op string) {
	ck.startOperation()
	id := nrand()
	for {
		// Every try carries the same Id, so a server can tell a retry from a new operation.
		args := &PutAppendArgs{Key: key, Value: value, Op: op, Id: id}
		var reply PutAppendReply
		if ck.callPrimary("PBServer.PutAppend", args, &reply) && reply.Err == OK {
			return
		}
		ck.afterFailure()
		if bugs.On("fresh-id-per-retry") {
			id = nrand()
		}
	}
}

// Put tells the primary to update key's value; must keep trying until it succeeds.
func (ck *Clerk) Put(key string, value string) {
	ck.PutAppend(key, value, "Put")
}

// Append tells the primary to append to key's value; must keep trying until it succeeds.
func (ck *Clerk) Append(key string, value string) {
	ck.PutAppend(key, value, "Append")
}

func (ck *Clerk) startOperation() {
	// Clerks must not ask the viewservice per request (the "Count RPCs" test).
	if bugs.On("clerk-asks-vs-every-op") {
		ck.primary = ""
	}
}

// callPrimary calls the cached primary, first asking the viewservice if there is none cached.
func (ck *Clerk) callPrimary(rpcname string, args interface{}, reply interface{}) bool {
	if ck.primary == "" {
		ck.primary = ck.vs.Primary()
	}
	if ck.primary == "" {
		return false
	}
	return call(ck.primary, rpcname, args, reply)
}

// afterFailure: forget the primary and wait a PingInterval before trying again.
func (ck *Clerk) afterFailure() {
	ck.primary = ""
	time.Sleep(viewservice.PingInterval)
}
