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
	"sync"
	"syscall"
	"syscall/js"
	"time"

	"golang.org/x/net/dns/dnsmessage"
)

// The host's system calls live on the same object as its file system: sockets and files share
// one descriptor table, so File() and syscall.Shutdown work on the numbers it hands out.
var (
	jsHost       = js.Global().Get("fs")
	jsUint8Array = js.Global().Get("Uint8Array")
	// Looked up and made once: a call by method name, or a Go string passed to JS, costs a
	// conversion (and a string a reference the garbage collector must finalize) every time.
	jsNetNow    = jsHost.Get("netNow")
	jsNetLater  = jsHost.Get("netLater")
	jsCallNames = map[string]js.Value{}
)

func init() {
	for _, name := range []string{"listenUnix", "dialUnix", "accept", "recv", "send", "shutdown", "dup", "close"} {
		jsCallNames[name] = js.ValueOf(name)
	}
}

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
// A waiting call parks the goroutine until the host calls back (one callback for all calls).
var (
	callbackOnce sync.Once
	pendingMu    sync.Mutex
	pending      = map[int]chan hostResult{}
	nextCallID   = 1
)

type hostResult struct {
	val js.Value
	err js.Value
}

func registerCallback() {
	f := js.FuncOf(func(this js.Value, args []js.Value) any {
		id := args[0].Int()
		pendingMu.Lock()
		c := pending[id]
		delete(pending, id)
		pendingMu.Unlock()
		c <- hostResult{val: args[2], err: args[1]}
		return nil
	})
	jsHost.Call("netCallback", f) // kept for the program's life
}

// hostCall calls the host's `name`: at once if it can answer, else waiting for its callback.
// An error is the errno name the host's socket model gives.
func hostCall(name string, args ...any) (js.Value, error) {
	callbackOnce.Do(registerCallback)
	jsName, ok := jsCallNames[name]
	if !ok {
		jsName = js.ValueOf(name)
	}
	v := jsNetNow.Invoke(append([]any{jsName}, args...)...)
	switch v.Type() {
	case js.TypeString:
		return js.Undefined(), hostError(v.String())
	case js.TypeNumber, js.TypeObject:
		return v, nil
	}
	c := make(chan hostResult, 1)
	pendingMu.Lock()
	id := nextCallID
	nextCallID++
	pending[id] = c
	pendingMu.Unlock()
	jsNetLater.Invoke(append([]any{jsName, id}, args...)...)
	r := <-c
	if r.err.IsNull() || r.err.IsUndefined() {
		return r.val, nil
	}
	return r.val, hostError(r.err.String())
}

// errorsByCode: the errno names the host's socket model answers with.
var errorsByCode = map[string]error{
	"EOF":          io.EOF,
	"ECLOSED":      ErrClosed,
	"ECONNRESET":   syscall.ECONNRESET,
	"EPIPE":        syscall.EPIPE,
	"ENOENT":       syscall.ENOENT,
	"ECONNREFUSED": syscall.ECONNREFUSED,
	"EAGAIN":       syscall.EAGAIN,
	"EADDRINUSE":   syscall.EADDRINUSE,
	"EEXIST":       syscall.EEXIST,
	"EBADF":        syscall.EBADF,
	"ENOTCONN":     syscall.ENOTCONN,
}

func hostError(code string) error {
	if err, ok := errorsByCode[code]; ok {
		return err
	}
	return syscall.EINVAL
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
		v, err := hostCall("listenUnix", path)
		if err != nil {
			return nil, sysError("bind", err)
		}
		fd.sysfd = v.Int()
		fd.listener = true
		fd.laddr = &UnixAddr{Name: path, Net: net}
		return fd, nil
	}
	path := raddr.(*UnixAddr).Name
	v, err := hostCall("dialUnix", path)
	if err != nil {
		return nil, sysError("connect", err)
	}
	fd.sysfd = v.Int()
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
	v, err := hostCall("recv", fd.sysfd, len(p))
	if err != nil {
		return 0, sysError("read", err)
	}
	return js.CopyBytesToGo(p, v), nil
}

func (fd *netFD) Write(p []byte) (nn int, err error) {
	if fd.isClosed() {
		return 0, ErrClosed
	}
	fd.writeMu.Lock()
	defer fd.writeMu.Unlock()
	buf := jsUint8Array.New(len(p))
	js.CopyBytesToJS(buf, p)
	v, err := hostCall("send", fd.sysfd, buf)
	if err != nil {
		return 0, sysError("write", err)
	}
	return v.Int(), nil
}

func (fd *netFD) Close() error {
	fd.closedMu.Lock()
	if fd.closed {
		fd.closedMu.Unlock()
		return ErrClosed
	}
	fd.closed = true
	fd.closedMu.Unlock()
	_, err := hostCall("close", fd.sysfd)
	return sysError("close", err)
}

func (fd *netFD) shutdown(how int) error {
	if fd.isClosed() {
		return ErrClosed
	}
	_, err := hostCall("shutdown", fd.sysfd, how)
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
	v, err := hostCall("accept", fd.sysfd)
	if err != nil {
		return nil, sysError("accept", err)
	}
	c := &netFD{sysfd: v.Int(), family: fd.family, sotype: fd.sotype, net: fd.net, isConnected: true}
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
	v, err := hostCall("dup", fd.sysfd)
	if err != nil {
		return nil, sysError("dup", err)
	}
	name := "unix:" + fd.laddr.String()
	if fd.raddr != nil {
		name += "->" + fd.raddr.String()
	}
	return os.NewFile(uintptr(v.Int()), name), nil
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
