// TestRepeatedCrash and TestRepeatedCrashUnreliable: for 20 s a killer kills a random one of
// three servers, waits 1 s, restarts it empty at the same path (reliable: the killer never
// calls setunreliable), waits 1 s; meanwhile two clients Put and read back their own keys
// (every Get must return the last value Put), or Append to one key (every acknowledged append
// present exactly once and in order). The same steps and messages as rpcsim's scenarios
// repeated-crash and repeated-crash-unreliable.
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

// setUpRepeatedCrash starts three servers, polls only DeadPings times for a primary and a
// backup, then waits for the primary to initialise the backup.
func setUpRepeatedCrash(vshost string, vck *viewservice.Clerk, tag string, unreliable bool) []*PBServer {
	sa := startServers(vshost, tag, 3, unreliable)
	pollPrimaryAndBackup(vck, viewservice.DeadPings)

	// wait a bit for primary to initialize backup
	time.Sleep(viewservice.DeadPings * viewservice.PingInterval)
	return sa
}

// startKiller kills and restarts servers until done is set. As in the lab, it is not joined:
// a restart already under way when the test ends leaves one idle server behind.
func startKiller(vshost string, tag string, sa []*PBServer, done *int32) {
	go func() {
		rr := rand.New(rand.NewSource(int64(os.Getpid())))
		for atomic.LoadInt32(done) == 0 {
			i := rr.Int() % len(sa)
			sa[i].kill()

			// wait long enough for new view to form, backup to be initialized
			time.Sleep(2 * viewservice.PingInterval * viewservice.DeadPings)

			sa[i] = StartServer(vshost, port(tag, i+1))

			// wait long enough for new view to form, backup to be initialized
			time.Sleep(2 * viewservice.PingInterval * viewservice.DeadPings)
		}
	}()
}

func TestRepeatedCrash(t *testing.T) {
	runtime.GOMAXPROCS(4)

	tag := "rc"
	vshost, vs, vck := startViewService(tag)

	fmt.Printf("Test: Repeated failures/restarts ...\n")

	sa := setUpRepeatedCrash(vshost, vck, tag, false)

	done := int32(0)
	startKiller(vshost, tag, sa, &done)

	const nth = 2
	var cha [nth]chan bool
	for xi := 0; xi < nth; xi++ {
		cha[xi] = make(chan bool, 1)
		go func(i int) {
			ok := false
			defer func() { cha[i] <- ok }()
			ck := MakeClerk(vshost, "")
			data := map[string]string{}
			rr := rand.New(rand.NewSource(int64(os.Getpid() + i)))
			for atomic.LoadInt32(&done) == 0 {
				k := strconv.Itoa((i * 1000000) + (rr.Int() % 10))
				wanted, ok1 := data[k]
				if ok1 {
					v := ck.Get(k)
					if v != wanted {
						t.Errorf("key=%v wanted=%v got=%v", k, wanted, v)
						return
					}
				}
				nv := strconv.Itoa(rr.Int())
				ck.Put(k, nv)
				data[k] = nv
				// if no sleep here, then server tick() threads do not get enough time to
				// Ping the viewserver.
				time.Sleep(10 * time.Millisecond)
			}
			ok = true
		}(xi)
	}

	time.Sleep(20 * time.Second)
	atomic.StoreInt32(&done, 1)

	fmt.Printf("  ... Put/Gets done ... \n")

	for i := 0; i < nth; i++ {
		if !<-cha[i] {
			t.Fatal("child failed")
		}
	}

	ck := MakeClerk(vshost, "")
	ck.Put("aaa", "bbb")
	if v := ck.Get("aaa"); v != "bbb" {
		t.Fatalf("final Put/Get failed")
	}

	fmt.Printf("  ... Passed\n")

	finish(sa, vs)
}

func TestRepeatedCrashUnreliable(t *testing.T) {
	runtime.GOMAXPROCS(4)

	tag := "rcu"
	vshost, vs, vck := startViewService(tag)

	fmt.Printf("Test: Repeated failures/restarts with concurrent updates to same key; unreliable ...\n")

	sa := setUpRepeatedCrash(vshost, vck, tag, true)

	done := int32(0)
	startKiller(vshost, tag, sa, &done)

	// concurrent client thread.
	ff := func(i int, ch chan int) {
		ret := -1
		defer func() { ch <- ret }()
		ck := MakeClerk(vshost, "")
		n := 0
		for atomic.LoadInt32(&done) == 0 {
			v := "x " + strconv.Itoa(i) + " " + strconv.Itoa(n) + " y"
			ck.Append("0", v)
			// if no sleep here, then server tick() threads do not get enough time to Ping
			// the viewserver.
			time.Sleep(10 * time.Millisecond)
			n++
		}
		ret = n
	}

	const nth = 2
	var cha [nth]chan int
	for i := 0; i < nth; i++ {
		cha[i] = make(chan int, 1)
		go ff(i, cha[i])
	}

	time.Sleep(20 * time.Second)
	atomic.StoreInt32(&done, 1)

	fmt.Printf("  ... Appends done ... \n")

	counts := []int{}
	for i := 0; i < nth; i++ {
		n := <-cha[i]
		if n < 0 {
			t.Fatal("child failed")
		}
		counts = append(counts, n)
	}

	ck := MakeClerk(vshost, "")

	checkAppends(t, ck.Get("0"), counts)

	ck.Put("aaa", "bbb")
	if v := ck.Get("aaa"); v != "bbb" {
		t.Fatalf("final Put/Get failed")
	}

	fmt.Printf("  ... Passed\n")

	finish(sa, vs)
}
