// Package pbservice: error values and RPC argument types. The parts a solution adds are the op
// kind and the duplicate-detection id on PutAppend, and the two primary→backup RPCs: Forward
// (every client operation, Get included) and Transfer (the full state for a new backup).
package pbservice

import (
	"crypto/rand"
	"math/big"
)

const (
	OK             = "OK"
	ErrNoKey       = "ErrNoKey"
	ErrWrongServer = "ErrWrongServer"
)

// Err is OK, ErrNoKey or ErrWrongServer.
type Err string

// PutAppendArgs is a Put or an Append. Id is the clerk's op id; retries of one operation carry
// the same Id. Field names must start with capital letters, otherwise RPC will break.
type PutAppendArgs struct {
	Key   string
	Value string
	Op    string // "Put" or "Append"
	Id    int64
}

type PutAppendReply struct {
	Err Err
}

type GetArgs struct {
	Key string
}

type GetReply struct {
	Err   Err
	Value string
}

// ForwardArgs is primary → backup: one client operation (Op "Get", "Put" or "Append"). Append
// forwards its arguments, not the result. Viewnum and Primary let the backup check that the
// sender is the primary of the view it is backup in. Snapshot numbers the primary's transfers:
// a forward belongs to the latest one, so the backup can drop stragglers.
type ForwardArgs struct {
	Viewnum  uint
	Primary  string
	Snapshot int
	Op       string
	Key      string
	Value    string
	Id       int64
}

type ForwardReply struct {
	Err Err
}

// TransferArgs is primary → new backup: the whole database and the duplicate table, in one
// RPC.
type TransferArgs struct {
	Viewnum  uint
	Primary  string
	Snapshot int
	Database map[string]string
	Seen     map[int64]bool
}

type TransferReply struct {
	Err Err
}

// nrand is a random op id in [0, 2^62).
func nrand() int64 {
	max := big.NewInt(int64(1) << 62)
	bigx, _ := rand.Int(rand.Reader, max)
	x := bigx.Int64()
	return x
}
