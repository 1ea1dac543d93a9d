// TestBasicFail, TestAtMostOnce and TestFailPut: a lone primary, a backup joining, the
// viewserver RPC budget, takeover with the data, a fresh server not serving; 100 Appends
// through one unreliable server each taking effect once; Puts right after a backup or a
// primary dies. The same steps and messages as rpcsim's scenarios basic-fail, at-most-once and
// fail-put.
package pbservice

import (
	"fmt"
	"runtime"
	"strconv"
	"testing"
	"time"

	"rpcsim/protocol/go/viewservice"
)

func TestBasicFail(t *testing.T) {
	runtime.GOMAXPROCS(4)

	tag := "basic"
	vshost, vs, vck := startViewService(tag)

	ck := MakeClerk(vshost, "")

	fmt.Printf("Test: Single primary, no backup ...\n")

	s1 := StartServer(vshost, port(tag, 1))

	deadtime := viewservice.PingInterval * viewservice.DeadPings
	time.Sleep(deadtime * 2)
	if vck.Primary() != s1.me {
		t.Fatal("first primary never formed view")
	}

	ck.Put("111", "v1")
	check(t, ck, "111", "v1")

	ck.Put("2", "v2")
	check(t, ck, "2", "v2")

	ck.Put("1", "v1a")
	check(t, ck, "1", "v1a")

	ck.Append("ak", "hello")
	check(t, ck, "ak", "hello")
	ck.Put("ak", "xx")
	ck.Append("ak", "yy")
	check(t, ck, "ak", "xxyy")

	fmt.Printf("  ... Passed\n")

	// add a backup

	fmt.Printf("Test: Add a backup ...\n")

	s2 := StartServer(vshost, port(tag, 2))
	for i := 0; i < viewservice.DeadPings*2; i++ {
		v, _ := vck.Get()
		if v.Backup == s2.me {
			break
		}
		time.Sleep(viewservice.PingInterval)
	}
	v, _ := vck.Get()
	if v.Backup != s2.me {
		t.Fatal("backup never came up")
	}

	ck.Put("3", "33")
	check(t, ck, "3", "33")

	// give the backup time to initialize
	time.Sleep(3 * viewservice.PingInterval)

	ck.Put("4", "44")
	check(t, ck, "4", "44")

	fmt.Printf("  ... Passed\n")

	fmt.Printf("Test: Count RPCs to viewserver ...\n")

	// verify that the client or server doesn't contact the viewserver for every request --
	// i.e. that both client and servers cache the current view and only refresh it when
	// something seems to be wrong. this test allows each server to Ping() the viewserver 10
	// times / second.

	count1 := int(vs.GetRPCCount())
	t1 := time.Now()
	for i := 0; i < 100; i++ {
		ck.Put("xk"+strconv.Itoa(i), strconv.Itoa(i))
	}
	count2 := int(vs.GetRPCCount())
	t2 := time.Now()
	dt := t2.Sub(t1)
	allowed := 2 * int(dt/(100*time.Millisecond)) // two servers tick()ing 10/second
	if (count2 - count1) > allowed+20 {
		t.Fatal("too many viewserver RPCs")
	}

	fmt.Printf("  ... Passed\n")

	// kill the primary

	fmt.Printf("Test: Primary failure ...\n")

	s1.kill()
	for i := 0; i < viewservice.DeadPings*2; i++ {
		v, _ := vck.Get()
		if v.Primary == s2.me {
			break
		}
		time.Sleep(viewservice.PingInterval)
	}
	v, _ = vck.Get()
	if v.Primary != s2.me {
		t.Fatal("backup never switched to primary")
	}

	check(t, ck, "1", "v1a")
	check(t, ck, "3", "33")
	check(t, ck, "4", "44")

	fmt.Printf("  ... Passed\n")

	// kill solo server, start new server, check that it does not start serving as primary

	fmt.Printf("Test: Kill last server, new one should not be active ...\n")

	s2.kill()
	s3 := StartServer(vshost, port(tag, 3))
	time.Sleep(1 * time.Second)
	getDone := make(chan bool, 1)
	go func() {
		ck.Get("1") // correctly, this blocks for ever
		getDone <- true
	}()

	select {
	case <-getDone:
		t.Fatalf("ck.Get() returned even though no initialized primary")
	case <-time.After(2 * time.Second):
	}

	fmt.Printf("  ... Passed\n")

	s1.kill()
	s2.kill()
	s3.kill()
	time.Sleep(time.Second)
	vs.Kill()
	time.Sleep(time.Second)
}

func TestAtMostOnce(t *testing.T) {
	runtime.GOMAXPROCS(4)

	tag := "tamo"
	vshost, vs, vck := startViewService(tag)

	fmt.Printf("Test: at-most-once Append; unreliable ...\n")

	const nservers = 1
	sa := startServers(vshost, tag, nservers, true)
	// With one server there is never a backup: this always polls the full 2·DeadPings.
	pollPrimaryAndBackup(vck, viewservice.DeadPings*2)

	// give p+b time to ack, initialize
	time.Sleep(viewservice.PingInterval * viewservice.DeadPings)

	ck := MakeClerk(vshost, "")
	k := "counter"
	val := ""
	for i := 0; i < 100; i++ {
		v := strconv.Itoa(i)
		ck.Append(k, v)
		val = val + v
	}

	v := ck.Get(k)
	if v != val {
		t.Fatalf("ck.Get() returned %v but expected %v\n", v, val)
	}

	fmt.Printf("  ... Passed\n")

	finish(sa, vs)
}

func TestFailPut(t *testing.T) {
	runtime.GOMAXPROCS(4)

	tag := "failput"
	vshost, vs, vck := startViewService(tag)

	s1 := StartServer(vshost, port(tag, 1))
	time.Sleep(time.Second)
	s2 := StartServer(vshost, port(tag, 2))
	time.Sleep(time.Second)
	s3 := StartServer(vshost, port(tag, 3))

	for i := 0; i < viewservice.DeadPings*3; i++ {
		v, _ := vck.Get()
		if v.Primary != "" && v.Backup != "" {
			break
		}
		time.Sleep(viewservice.PingInterval)
	}
	time.Sleep(time.Second) // wait for backup initializion
	v1, _ := vck.Get()
	if v1.Primary != s1.me || v1.Backup != s2.me {
		t.Fatalf("wrong primary or backup")
	}

	ck := MakeClerk(vshost, "")

	ck.Put("a", "aa")
	ck.Put("b", "bb")
	ck.Put("c", "cc")
	check(t, ck, "a", "aa")
	check(t, ck, "b", "bb")
	check(t, ck, "c", "cc")

	// kill backup, then immediate Put
	fmt.Printf("Test: Put() immediately after backup failure ...\n")
	s2.kill()
	ck.Put("a", "aaa")
	check(t, ck, "a", "aaa")

	for i := 0; i < viewservice.DeadPings*3; i++ {
		v, _ := vck.Get()
		if v.Viewnum > v1.Viewnum && v.Primary != "" && v.Backup != "" {
			break
		}
		time.Sleep(viewservice.PingInterval)
	}
	time.Sleep(time.Second) // wait for backup initialization
	v2, _ := vck.Get()
	if v2.Primary != s1.me || v2.Backup != s3.me {
		t.Fatal("wrong primary or backup")
	}

	check(t, ck, "a", "aaa")
	fmt.Printf("  ... Passed\n")

	// kill primary, then immediate Put
	fmt.Printf("Test: Put() immediately after primary failure ...\n")
	s1.kill()
	ck.Put("b", "bbb")
	check(t, ck, "b", "bbb")

	for i := 0; i < viewservice.DeadPings*3; i++ {
		v, _ := vck.Get()
		if v.Viewnum > v2.Viewnum && v.Primary != "" {
			break
		}
		time.Sleep(viewservice.PingInterval)
	}
	time.Sleep(time.Second)

	check(t, ck, "a", "aaa")
	check(t, ck, "b", "bbb")
	check(t, ck, "c", "cc")
	fmt.Printf("  ... Passed\n")

	s1.kill()
	s2.kill()
	s3.kill()
	time.Sleep(viewservice.PingInterval * 2)
	vs.Kill()
}
