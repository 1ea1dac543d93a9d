// TestConcurrentSame, TestConcurrentSameAppend and TestConcurrentSameUnreliable: three clients
// write the same keys at once; after the primary is killed, the promoted backup must hold
// exactly what the primary served, i.e. both applied the writes in the same order. The same
// steps and messages as rpcsim's scenarios concurrent-same, concurrent-same-append and
// concurrent-same-unreliable.
package pbservice

import (
	"fmt"
	"math/rand"
	"os"
	"runtime"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"rpcsim/protocol/go/viewservice"
)

func TestConcurrentSame(t *testing.T) {
	testConcurrentSame(t, false)
}

// testConcurrentSame is shared with TestConcurrentSameUnreliable, which differs in the few
// places marked unreliable: both keys written first, and the clients joined.
func testConcurrentSame(t *testing.T, unreliable bool) {
	runtime.GOMAXPROCS(4)

	tag := "cs"
	if unreliable {
		tag = "csu"
	}
	vshost, vs, vck := startViewService(tag)

	if unreliable {
		fmt.Printf("Test: Concurrent Put()s to the same key; unreliable ...\n")
	} else {
		fmt.Printf("Test: Concurrent Put()s to the same key ...\n")
	}

	const nservers = 2
	sa := startServers(vshost, tag, nservers, unreliable)
	pollPrimaryAndBackup(vck, viewservice.DeadPings*2)

	// give p+b time to ack, initialize
	time.Sleep(viewservice.PingInterval * viewservice.DeadPings)

	if unreliable {
		ck := MakeClerk(vshost, "")
		ck.Put("0", "x")
		ck.Put("1", "x")
	}

	done := int32(0)

	view1, _ := vck.Get()
	const nclients = 3
	const nkeys = 2
	cha := []chan bool{}
	for xi := 0; xi < nclients; xi++ {
		cha = append(cha, make(chan bool, 1))
		go func(i int, ch chan bool) {
			ok := false
			defer func() { ch <- ok }()
			ck := MakeClerk(vshost, "")
			rr := rand.New(rand.NewSource(int64(os.Getpid() + i)))
			for atomic.LoadInt32(&done) == 0 {
				k := strconv.Itoa(rr.Int() % nkeys)
				v := strconv.Itoa(rr.Int())
				ck.Put(k, v)
			}
			ok = true
		}(xi, cha[xi])
	}

	time.Sleep(5 * time.Second)
	atomic.StoreInt32(&done, 1)

	if unreliable {
		for _, ch := range cha {
			if !<-ch {
				t.Fatalf("child failed")
			}
		}
	} else {
		time.Sleep(time.Second) // the reliable test does not join its clients
	}

	// read from primary
	ck := MakeClerk(vshost, "")
	var vals [nkeys]string
	for i := 0; i < nkeys; i++ {
		vals[i] = ck.Get(strconv.Itoa(i))
		if vals[i] == "" {
			t.Fatalf("Get(%v) failed from primary", i)
		}
	}

	killPrimaryAwaitBackup(t, vck, sa, view1)

	// read from old backup
	for i := 0; i < nkeys; i++ {
		z := ck.Get(strconv.Itoa(i))
		if z != vals[i] {
			t.Fatalf("Get(%v) from backup; wanted %v, got %v", i, vals[i], z)
		}
	}

	fmt.Printf("  ... Passed\n")

	finish(sa, vs)
}

func TestConcurrentSameAppend(t *testing.T) {
	runtime.GOMAXPROCS(4)

	tag := "csa"
	vshost, vs, vck := startViewService(tag)

	fmt.Printf("Test: Concurrent Append()s to the same key ...\n")

	const nservers = 2
	sa := startServers(vshost, tag, nservers, false)
	pollPrimaryAndBackup(vck, viewservice.DeadPings*2)

	// give p+b time to ack, initialize
	time.Sleep(viewservice.PingInterval * viewservice.DeadPings)

	view1, _ := vck.Get()

	// code for i'th concurrent client thread.
	ff := func(i int, ch chan int) {
		ret := -1
		defer func() { ch <- ret }()
		ck := MakeClerk(vshost, "")
		n := 0
		for n < 50 {
			v := "x " + strconv.Itoa(i) + " " + strconv.Itoa(n) + " y"
			ck.Append("k", v)
			n += 1
		}
		ret = n
	}

	// start the concurrent clients
	const nclients = 3
	chans := []chan int{}
	for i := 0; i < nclients; i++ {
		chans = append(chans, make(chan int, 1))
		go ff(i, chans[i])
	}

	// wait for the clients, accumulate Append counts.
	counts := []int{}
	for i := 0; i < nclients; i++ {
		n := <-chans[i]
		if n < 0 {
			t.Fatalf("child failed")
		}
		counts = append(counts, n)
	}

	ck := MakeClerk(vshost, "")

	// check that primary's copy of the value has all the Append()s.
	primaryv := ck.Get("k")
	checkAppends(t, primaryv, counts)

	// kill the primary so we can check the backup
	killPrimaryAwaitBackup(t, vck, sa, view1)

	// check that backup's copy of the value has all the Append()s.
	backupv := ck.Get("k")
	checkAppends(t, backupv, counts)

	if backupv != primaryv {
		t.Fatal("primary and backup had different values")
	}

	fmt.Printf("  ... Passed\n")

	finish(sa, vs)
}

func TestConcurrentSameUnreliable(t *testing.T) {
	testConcurrentSame(t, true)
}
