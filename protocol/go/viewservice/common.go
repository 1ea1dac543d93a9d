// Package viewservice: the view, the timing constants and the RPC argument types. Server names
// are unix-socket paths and "" means "none". View 0 is the empty initial view; the first real
// view is 1.
package viewservice

import "time"

// View is who serves in view Viewnum: the primary, and the backup ("" for none).
type View struct {
	Viewnum uint
	Primary string
	Backup  string
}

// PingInterval is how often clients and servers ping the viewservice.
const PingInterval = time.Millisecond * 100

// DeadPings is how many pings in a row a server may miss before the viewservice declares it
// dead.
const DeadPings = 5

// PingArgs carries the caller's name and its notion of the current view; Viewnum 0 means
// "I have just (re)started and hold no state".
type PingArgs struct {
	Me      string // "host:port", here a unix-socket path
	Viewnum uint   // caller's notion of current view #
}

// PingReply is the current view.
type PingReply struct {
	View View
}

// GetArgs fetches the current view without volunteering as a server.
type GetArgs struct {
}

// GetReply is the current view.
type GetReply struct {
	View View
}
