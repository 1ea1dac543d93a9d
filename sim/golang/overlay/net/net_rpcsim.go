// rpcsim's unix sockets for js/wasm. The build overlay puts this file in place of the
// toolchain's net/net_fake.go (an in-memory pipe that knows TCP only). Every socket operation
// is a call to the host (rpcsim's virtual operating system), which answers from its socket
// model: a blocked Read or Accept waits in the host, and the error a call returns is the errno
// the model's socket state gives, which Go's own OpError and net/rpc then print as on Linux.
// Each call costs virtual time (see hostCall).

//go:build js && wasm

package net

import (
	"context"
	"internal/poll"
	"io"
	"os"
	"runtime"
	"sync"
	"syscall"
	"syscall/js"
	"time"
	"unsafe"

	"golang.org/x/net/dns/dnsmessage"
)

// The host's system calls live on the same object as its file system: sockets and files share
// one descriptor table, so File() and syscall.Shutdown work on the numbers it hands out.
var (
	jsHost = js.Global().Get("fs")
	// Looked up and made once: a call by method name, or a Go string passed to JS, costs a
	// conversion (and a string a reference the garbage collector must finalize) every time.
	jsNetNow   = jsHost.Get("netNow")
	jsNetLater = jsHost.Get("netLater")

	callListenUnix = js.ValueOf("listenUnix")
	callDialUnix   = js.ValueOf("dialUnix")
	callAccept     = js.ValueOf("accept")
	callRecv       = js.ValueOf("recv")
	callSend       = js.ValueOf("send")
	callShutdown   = js.ValueOf("shutdown")
	callDup        = js.ValueOf("dup")
	callClose      = js.ValueOf("close")
)

// Network file descriptor: one descriptor in the host's table.
type netFD struct {
	sysfd int

	closedMu sync.Mutex
	closed   bool

	// One reader and one writer at a time, as poll.FD's read and write locks allow.
	readMu  sync.Mutex
	writeMu sync.Mutex

	// immutable until Close
	listener bool
	family   int
	sotype   int
	net      string
	laddr    Addr
	raddr    Addr

	// unused: other files of package net name them
	pfd         poll.FD
	isConnected bool
}

// The host answers a call at once when it can (a write, a dial, a read of data already
// queued): the call then costs the goroutine no switch, as a non-blocking system call on Linux.
// The host keeps the virtual time such calls cost and, once it adds up, answers null: the
// call is then made the waiting way, which pays that time, so a loop of calls moves the clock.
// A waiting call parks the goroutine until the host wakes the program with its outcome.
//
// Calls pass only numbers, and bytes (a path, data to send, room to read into) by their
// address in the program's memory, where the host reads or writes them: a JavaScript object
// per call (a Uint8Array, a callback's arguments) would cost host crossings and a finalizer
// each, and most of an RPC's time outside gob went there.
var (
	hostOnce   sync.Once
	pendingMu  sync.Mutex
	pending    = map[int32]pendingCall{}
	nextCallID = int32(1)
)

// pendingCall is a waiting call: where its outcome goes, and its buffer. Keeping the buffer
// here makes it escape to the heap in every caller, where Go never moves it, so the address
// the host was given stays valid until the host answers.
type pendingCall struct {
	done chan int32
	buf  []byte
}

// hostEvent is where the host leaves a waiting call's outcome before it resumes the program.
var hostEvent struct {
	id     int32
	result int32
}

//go:linkname setEventHandler syscall/js.setEventHandler
func setEventHandler(fn func())

//go:linkname jsHandleEvent syscall/js.handleEvent
func jsHandleEvent()

func startHostCalls() {
	jsHost.Call("netEvents", uintptr(unsafe.Pointer(&hostEvent)))
	// Every resume of the program (a JavaScript callback, a timer) runs the event handler
	// first: ours takes the host's outcome when there is one, else passes on to syscall/js's.
	setEventHandler(handleHostEvent)
}

func handleHostEvent() {
	if hostEvent.id == 0 {
		jsHandleEvent()
		return
	}
	id, result := hostEvent.id, hostEvent.result
	hostEvent.id = 0
	pendingMu.Lock()
	call := pending[id]
	delete(pending, id)
	pendingMu.Unlock()
	call.done <- result
}

// hostCall calls the host's `call` on descriptor fd with a number and a buffer: at once if it
// can answer, else waiting for its outcome. An outcome is a number (a descriptor, a byte
// count) or an errno from the host's socket model.
func hostCall(call js.Value, fd int, arg int, buf []byte) (int, error) {
	hostOnce.Do(startHostCalls)
	addr := uintptr(0)
	if len(buf) > 0 {
		addr = uintptr(unsafe.Pointer(&buf[0]))
	}
	v := jsNetNow.Invoke(call, fd, arg, addr, len(buf))
	if v.Type() == js.TypeNumber {
		runtime.KeepAlive(buf)
		return hostOutcome(v.Int())
	}
	c := make(chan int32, 1)
	pendingMu.Lock()
	id := nextCallID
	nextCallID++
	pending[id] = pendingCall{done: c, buf: buf}
	pendingMu.Unlock()
	jsNetLater.Invoke(call, id, fd, arg, addr, len(buf))
	return hostOutcome(int(<-c))
}

// hostErrnos: the errno names the host's socket model answers with, in the host's order
// (net-calls.ts); the host answers -1-i for hostErrnos[i], and anything else below 0 for an
// errno not listed.
var hostErrnos = [...]error{
	io.EOF,
	ErrClosed,
	syscall.ECONNRESET,
	syscall.EPIPE,
	syscall.ENOENT,
	syscall.ECONNREFUSED,
	syscall.EAGAIN,
	syscall.EADDRINUSE,
	syscall.EEXIST,
	syscall.EBADF,
	syscall.ENOTCONN,
}

func hostOutcome(result int) (int, error) {
	if result >= 0 {
		return result, nil
	}
	if i := -1 - result; i < len(hostErrnos) {
		return 0, hostErrnos[i]
	}
	return 0, syscall.EINVAL
}

// sysError wraps an errno the way the Linux netFD does (os.SyscallError), leaving io.EOF and
// ErrClosed bare, so conn's OpError prints "read unix @->/p: read: connection reset by peer".
func sysError(call string, err error) error {
	if errno, ok := err.(syscall.Errno); ok {
		return os.NewSyscallError(call, errno)
	}
	return err
}

// socket returns a listening or connected unix stream socket.
func socket(ctx context.Context, net string, family, sotype, proto int, ipv6only bool, laddr, raddr sockaddr, ctrlFn func(string, string, syscall.RawConn) error) (*netFD, error) {
	if family != syscall.AF_UNIX || sotype != syscall.SOCK_STREAM {
		return nil, os.NewSyscallError("socket", syscall.EPROTONOSUPPORT)
	}
	fd := &netFD{family: family, sotype: sotype, net: net}
	if laddr != nil && raddr == nil {
		path := laddr.(*UnixAddr).Name
		sysfd, err := hostCall(callListenUnix, 0, 0, []byte(path))
		if err != nil {
			return nil, sysError("bind", err)
		}
		fd.sysfd = sysfd
		fd.listener = true
		fd.laddr = &UnixAddr{Name: path, Net: net}
		return fd, nil
	}
	path := raddr.(*UnixAddr).Name
	sysfd, err := hostCall(callDialUnix, 0, 0, []byte(path))
	if err != nil {
		return nil, sysError("connect", err)
	}
	fd.sysfd = sysfd
	fd.isConnected = true
	// An unnamed unix socket reads back as "@" from getsockname on Linux.
	fd.laddr = &UnixAddr{Name: "@", Net: net}
	fd.raddr = &UnixAddr{Name: path, Net: net}
	return fd, nil
}

func (fd *netFD) isClosed() bool {
	fd.closedMu.Lock()
	defer fd.closedMu.Unlock()
	return fd.closed
}

func (fd *netFD) Read(p []byte) (n int, err error) {
	if fd.isClosed() {
		return 0, ErrClosed
	}
	if len(p) == 0 {
		return 0, nil
	}
	fd.readMu.Lock()
	defer fd.readMu.Unlock()
	n, err = hostCall(callRecv, fd.sysfd, 0, p)
	if err != nil {
		return 0, sysError("read", err)
	}
	return n, nil
}

func (fd *netFD) Write(p []byte) (nn int, err error) {
	if fd.isClosed() {
		return 0, ErrClosed
	}
	fd.writeMu.Lock()
	defer fd.writeMu.Unlock()
	nn, err = hostCall(callSend, fd.sysfd, 0, p)
	if err != nil {
		return 0, sysError("write", err)
	}
	return nn, nil
}

func (fd *netFD) Close() error {
	fd.closedMu.Lock()
	if fd.closed {
		fd.closedMu.Unlock()
		return ErrClosed
	}
	fd.closed = true
	fd.closedMu.Unlock()
	_, err := hostCall(callClose, fd.sysfd, 0, nil)
	return sysError("close", err)
}

func (fd *netFD) shutdown(how int) error {
	if fd.isClosed() {
		return ErrClosed
	}
	_, err := hostCall(callShutdown, fd.sysfd, how, nil)
	return sysError("shutdown", err)
}

func (fd *netFD) closeRead() error  { return fd.shutdown(syscall.SHUT_RD) }
func (fd *netFD) closeWrite() error { return fd.shutdown(syscall.SHUT_WR) }

func (fd *netFD) accept() (*netFD, error) {
	if fd.isClosed() {
		return nil, ErrClosed
	}
	fd.readMu.Lock()
	defer fd.readMu.Unlock()
	sysfd, err := hostCall(callAccept, fd.sysfd, 0, nil)
	if err != nil {
		return nil, sysError("accept", err)
	}
	c := &netFD{sysfd: sysfd, family: fd.family, sotype: fd.sotype, net: fd.net, isConnected: true}
	c.laddr = fd.laddr
	c.raddr = &UnixAddr{Name: "@", Net: fd.net}
	return c, nil
}

// Deadlines are not modelled: the lab's code sets none. Saying so beats timing out at random.
func (fd *netFD) SetDeadline(t time.Time) error      { return syscall.ENOTSUP }
func (fd *netFD) SetReadDeadline(t time.Time) error  { return syscall.ENOTSUP }
func (fd *netFD) SetWriteDeadline(t time.Time) error { return syscall.ENOTSUP }

// dup is File(): a second descriptor for the same socket, as dup(2) gives.
func (fd *netFD) dup() (f *os.File, err error) {
	if fd.isClosed() {
		return nil, ErrClosed
	}
	sysfd, err := hostCall(callDup, fd.sysfd, 0, nil)
	if err != nil {
		return nil, sysError("dup", err)
	}
	name := "unix:" + fd.laddr.String()
	if fd.raddr != nil {
		name += "->" + fd.raddr.String()
	}
	return os.NewFile(uintptr(sysfd), name), nil
}

func sysSocket(family, sotype, proto int) (int, error) {
	return 0, syscall.ENOSYS
}

func (fd *netFD) readFrom(p []byte) (n int, sa syscall.Sockaddr, err error) {
	return 0, nil, syscall.ENOSYS
}

func (fd *netFD) readFromInet4(p []byte, sa *syscall.SockaddrInet4) (n int, err error) {
	return 0, syscall.ENOSYS
}

func (fd *netFD) readFromInet6(p []byte, sa *syscall.SockaddrInet6) (n int, err error) {
	return 0, syscall.ENOSYS
}

func (fd *netFD) readMsg(p []byte, oob []byte, flags int) (n, oobn, retflags int, sa syscall.Sockaddr, err error) {
	return 0, 0, 0, nil, syscall.ENOSYS
}

func (fd *netFD) readMsgInet4(p []byte, oob []byte, flags int, sa *syscall.SockaddrInet4) (n, oobn, retflags int, err error) {
	return 0, 0, 0, syscall.ENOSYS
}

func (fd *netFD) readMsgInet6(p []byte, oob []byte, flags int, sa *syscall.SockaddrInet6) (n, oobn, retflags int, err error) {
	return 0, 0, 0, syscall.ENOSYS
}

func (fd *netFD) writeMsgInet4(p []byte, oob []byte, sa *syscall.SockaddrInet4) (n int, oobn int, err error) {
	return 0, 0, syscall.ENOSYS
}

func (fd *netFD) writeMsgInet6(p []byte, oob []byte, sa *syscall.SockaddrInet6) (n int, oobn int, err error) {
	return 0, 0, syscall.ENOSYS
}

func (fd *netFD) writeTo(p []byte, sa syscall.Sockaddr) (n int, err error) {
	return 0, syscall.ENOSYS
}

func (fd *netFD) writeToInet4(p []byte, sa *syscall.SockaddrInet4) (n int, err error) {
	return 0, syscall.ENOSYS
}

func (fd *netFD) writeToInet6(p []byte, sa *syscall.SockaddrInet6) (n int, err error) {
	return 0, syscall.ENOSYS
}

func (fd *netFD) writeMsg(p []byte, oob []byte, sa syscall.Sockaddr) (n int, oobn int, err error) {
	return 0, 0, syscall.ENOSYS
}

func (r *Resolver) lookup(ctx context.Context, name string, qtype dnsmessage.Type) (dnsmessage.Parser, string, error) {
	panic("unreachable")
}
