// TestPartition1 and TestPartition2: s1 is primary behind a delaying proxy and reaches the
// viewservice through a second name (a hard link) of the viewserver's socket. Removing that
// name cuts s1 off from the viewservice only; a client Get sent to s1 through the proxy's delay
// arrives after s2 has taken over (and, in Partition2, after s3 joined and s2 died), so s1 must
// not answer it with the stale value. The same steps and messages as rpcsim's scenarios
// partition1 and partition2.
package pbservice

import (
	"fmt"
	"io"
	"net"
	"os"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"rpcsim/protocol/go/viewservice"
)

// proxy renames the socket at port to port+"x" (the server keeps listening: same inode) and
// listens on port itself. Connections are handled strictly one at a time: accept, sleep
// *delay seconds (read at accept), dial the real socket, pump bytes both ways until the client
// closes, close both. Connections that arrive meanwhile wait in the backlog.
func proxy(t *testing.T, port string, delay *int32) {
	portx := port + "x"
	os.Remove(portx)
	if os.Rename(port, portx) != nil {
		t.Fatalf("proxy rename failed")
	}
	l, err := net.Listen("unix", port)
	if err != nil {
		t.Fatalf("proxy listen failed: %v", err)
	}
	go func() {
		for {
			c1, err := l.Accept()
			if err != nil {
				t.Errorf("proxy accept failed: %v", err)
				return
			}
			time.Sleep(time.Duration(atomic.LoadInt32(delay)) * time.Second)
			c2, err := net.Dial("unix", portx)
			if err != nil {
				t.Errorf("proxy dial failed: %v", err)
				return
			}
			// Replies: until the server side fails or the client cannot take them.
			go func() {
				for {
					buf := make([]byte, 1000)
					n, err2 := c2.Read(buf)
					if err2 != nil {
						break
					}
					if _, err3 := c1.Write(buf[0:n]); err3 != nil {
						break
					}
				}
			}()
			// Requests: until the client closes (EOF); any other read error fails the test.
			for {
				buf := make([]byte, 1000)
				n, err := c1.Read(buf)
				if err != nil {
					if err != io.EOF {
						t.Errorf("proxy c1.Read: %v", err)
					}
					break
				}
				if _, err := c2.Write(buf[0:n]); err != nil {
					t.Errorf("proxy c2.Write: %v", err)
					break
				}
			}
			c1.Close()
			c2.Close()
		}
	}()
}

// partitioned is both Partition tests' world at the moment of the partition.
type partitioned struct {
	vshost string
	vs     *viewservice.ViewServer
	vck    *viewservice.Clerk
	ck1    *Clerk
	s1, s2 *PBServer
	delay  int32
}

// setUpPartition runs both Partition tests up to the partition: s1 (behind the proxy, on the
// viewserver's second name) primary, s2 backup, a="1" written through ck1, then the second
// name removed.
func setUpPartition(t *testing.T, tag string, title string) *partitioned {
	runtime.GOMAXPROCS(4)
	w := &partitioned{}
	w.vshost, w.vs, w.vck = startViewService(tag)

	w.ck1 = MakeClerk(w.vshost, "")

	fmt.Printf("%s\n", title)

	vshosta := w.vshost + "a"
	os.Link(w.vshost, vshosta)

	w.s1 = StartServer(vshosta, port(tag, 1))
	proxy(t, port(tag, 1), &w.delay)

	deadtime := viewservice.PingInterval * viewservice.DeadPings
	time.Sleep(deadtime * 2)
	if w.vck.Primary() != w.s1.me {
		t.Fatal("primary never formed initial view")
	}

	w.s2 = StartServer(w.vshost, port(tag, 2))
	time.Sleep(deadtime * 2)
	v1, _ := w.vck.Get()
	if v1.Primary != w.s1.me || v1.Backup != w.s2.me {
		t.Fatal("backup did not join view")
	}

	w.ck1.Put("a", "1")
	check(t, w.ck1, "a", "1")

	os.Remove(vshosta)
	return w
}

// staleGet starts a client Get(), but uses the proxy to delay it long enough that it won't
// reach s1 until after s1 is no longer the primary. The channel says whether it returned the
// stale "1".
func staleGet(w *partitioned, delaySeconds int32) chan bool {
	atomic.StoreInt32(&w.delay, delaySeconds)
	stale := make(chan bool, 1)
	go func() {
		x := w.ck1.Get("a")
		stale <- x == "1"
	}()
	return stale
}

// awaitPrimaryChange polls up to 3·DeadPings times for s2 to be primary, else "primary never
// changed".
func awaitPrimaryChange(t *testing.T, w *partitioned) {
	t.Helper()
	for iter := 0; iter < viewservice.DeadPings*3; iter++ {
		if w.vck.Primary() == w.s2.me {
			break
		}
		time.Sleep(viewservice.PingInterval)
	}
	if w.vck.Primary() != w.s2.me {
		t.Fatalf("primary never changed")
	}
}

func TestPartition1(t *testing.T) {
	tag := "part1"
	w := setUpPartition(t, tag, "Test: Old primary does not serve Gets ...")
	staleGetDone := staleGet(w, 4)

	// now s1 cannot talk to viewserver, so view will change, and s1 won't immediately realize.
	awaitPrimaryChange(t, w)

	// wait long enough that s2 is guaranteed to have Pinged the viewservice, and thus that s2
	// must know about the new view.
	time.Sleep(2 * viewservice.PingInterval)

	// change the value (on s2) so it's no longer "1".
	ck2 := MakeClerk(w.vshost, "")
	ck2.Put("a", "111")
	check(t, ck2, "a", "111")

	// wait for the background Get to s1 to be delivered.
	select {
	case x := <-staleGetDone:
		if x {
			t.Fatalf("Get to old primary succeeded and produced stale value")
		}
	case <-time.After(5 * time.Second):
	}

	check(t, ck2, "a", "111")

	fmt.Printf("  ... Passed\n")

	w.s1.kill()
	w.s2.kill()
	w.vs.Kill()
}

func TestPartition2(t *testing.T) {
	tag := "part2"
	w := setUpPartition(t, tag, "Test: Partitioned old primary does not complete Gets ...")
	staleGetDone := staleGet(w, 5)

	// now s1 cannot talk to viewserver, so view will change.
	awaitPrimaryChange(t, w)

	s3 := StartServer(w.vshost, port(tag, 3))
	for iter := 0; iter < viewservice.DeadPings*3; iter++ {
		v, _ := w.vck.Get()
		if v.Backup == s3.me && v.Primary == w.s2.me {
			break
		}
		time.Sleep(viewservice.PingInterval)
	}
	v2, _ := w.vck.Get()
	if v2.Primary != w.s2.me || v2.Backup != s3.me {
		t.Fatalf("new backup never joined")
	}
	time.Sleep(2 * time.Second)

	ck2 := MakeClerk(w.vshost, "")
	ck2.Put("a", "2")
	check(t, ck2, "a", "2")

	w.s2.kill()

	// wait for delayed get to s1 to complete.
	select {
	case x := <-staleGetDone:
		if x {
			t.Fatalf("partitioned primary replied to a Get with a stale value")
		}
	case <-time.After(6 * time.Second):
	}

	check(t, ck2, "a", "2")

	fmt.Printf("  ... Passed\n")

	w.s1.kill()
	w.s2.kill()
	s3.kill()
	w.vs.Kill()
}
