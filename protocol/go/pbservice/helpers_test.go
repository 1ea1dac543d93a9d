// What the pbservice tests share: socket names under /var/tmp/824-<uid>/, the check helpers
// with their messages, and the steps the tests repeat word for word (start the viewserver and
// wait 1 s, start servers, poll for a primary and a backup, kill the primary and wait for the
// backup's promotion, and the usual ending).
package pbservice

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"rpcsim/protocol/go/viewservice"
)

// check: Get(key) must return exactly value.
func check(t *testing.T, ck *Clerk, key string, value string) {
	t.Helper()
	v := ck.Get(key)
	if v != value {
		t.Fatalf("Get(%v) -> %v, expected %v", key, v, value)
	}
}

// port is a socket name of this test process: /var/tmp/824-<uid>/pb-<pid>-<tag>-<host>.
func port(tag string, host int) string {
	s := "/var/tmp/824-"
	s += strconv.Itoa(os.Getuid()) + "/"
	os.Mkdir(s, 0777)
	s += "pb-"
	s += strconv.Itoa(os.Getpid()) + "-"
	s += tag + "-"
	s += strconv.Itoa(host)
	return s
}

// checkAppends: every append "x i j y" of client i, j < counts[i], occurs in v exactly once,
// and each client's appends occur in the order it made them (clients may interleave).
func checkAppends(t *testing.T, v string, counts []int) {
	t.Helper()
	nclients := len(counts)
	for i := 0; i < nclients; i++ {
		lastoff := -1
		for j := 0; j < counts[i]; j++ {
			wanted := "x " + strconv.Itoa(i) + " " + strconv.Itoa(j) + " y"
			off := strings.Index(v, wanted)
			if off < 0 {
				t.Fatalf("missing element in Append result")
			}
			off1 := strings.LastIndex(v, wanted)
			if off1 != off {
				t.Fatalf("duplicate element in Append result")
			}
			if off <= lastoff {
				t.Fatalf("wrong order for element in Append result")
			}
			lastoff = off
		}
	}
}

// startViewService: vs := viewservice.StartServer(vshost); time.Sleep(time.Second);
// vck := viewservice.MakeClerk("", vshost).
func startViewService(tag string) (string, *viewservice.ViewServer, *viewservice.Clerk) {
	vshost := port(tag+"v", 1)
	vs := viewservice.StartServer(vshost)
	time.Sleep(time.Second)
	vck := viewservice.MakeClerk("", vshost)
	return vshost, vs, vck
}

// startServers: sa[i] = StartServer(vshost, port(tag, i+1)), optionally unreliable.
func startServers(vshost string, tag string, nservers int, unreliable bool) []*PBServer {
	var sa = make([]*PBServer, nservers)
	for i := 0; i < nservers; i++ {
		sa[i] = StartServer(vshost, port(tag, i+1))
		sa[i].setunreliable(unreliable)
	}
	return sa
}

// pollPrimaryAndBackup polls up to iterations times for a view with both a primary and a
// backup.
func pollPrimaryAndBackup(vck *viewservice.Clerk, iterations int) {
	for iters := 0; iters < iterations; iters++ {
		view, _ := vck.Get()
		if view.Primary != "" && view.Backup != "" {
			break
		}
		time.Sleep(viewservice.PingInterval)
	}
}

// killPrimaryAwaitBackup kills view1's primary and polls 2·DeadPings times for view1's backup
// to be primary, else "wrong Primary".
func killPrimaryAwaitBackup(t *testing.T, vck *viewservice.Clerk, sa []*PBServer, view1 viewservice.View) {
	t.Helper()
	for i := 0; i < len(sa); i++ {
		if view1.Primary == sa[i].me {
			sa[i].kill()
			break
		}
	}
	for iters := 0; iters < viewservice.DeadPings*2; iters++ {
		view, _ := vck.Get()
		if view.Primary == view1.Backup {
			break
		}
		time.Sleep(viewservice.PingInterval)
	}
	view2, _ := vck.Get()
	if view2.Primary != view1.Backup {
		t.Fatal("wrong Primary")
	}
}

// finish is the usual ending: kill every server, sleep 1 s, vs.Kill(), sleep 1 s.
func finish(sa []*PBServer, vs *viewservice.ViewServer) {
	for i := 0; i < len(sa); i++ {
		sa[i].kill()
	}
	time.Sleep(time.Second)
	vs.Kill()
	time.Sleep(time.Second)
}
