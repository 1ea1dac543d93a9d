// rpcsim's socket declarations for js/wasm. The build overlay puts this file in place of the
// toolchain's syscall/net_js.go: the same names package net and user code expect, plus what
// the 6.824 (2015) unreliable accept loop needs on Linux: the SHUT_* constants and a Shutdown
// that reaches the host's socket (it discards the reply of a request already being served).
// Sockets are descriptors in the host's table, so Shutdown goes through the same host calls
// as the file system (fsCall in fs_js.go).

//go:build js && wasm

package syscall

const (
	AF_UNSPEC = iota
	AF_UNIX
	AF_INET
	AF_INET6
)

const (
	SOCK_STREAM = 1 + iota
	SOCK_DGRAM
	SOCK_RAW
	SOCK_SEQPACKET
)

const (
	IPPROTO_IP   = 0
	IPPROTO_IPV4 = 4
	IPPROTO_IPV6 = 0x29
	IPPROTO_TCP  = 6
	IPPROTO_UDP  = 0x11
)

const (
	_ = iota
	IPV6_V6ONLY
	SOMAXCONN
	SO_ERROR
)

// Linux's values for shutdown(2).
const (
	SHUT_RD   = 0
	SHUT_WR   = 1
	SHUT_RDWR = 2
)

// Constants package net names but the host does not implement.
const (
	_ = iota
	F_DUPFD_CLOEXEC
	SYS_FCNTL = 500
)

type Sockaddr any

type SockaddrInet4 struct {
	Port int
	Addr [4]byte
}

type SockaddrInet6 struct {
	Port   int
	ZoneId uint32
	Addr   [16]byte
}

type SockaddrUnix struct {
	Name string
}

// Package net talks to the host directly (net_rpcsim.go); these raw calls are not used.

func Socket(proto, sotype, unused int) (fd int, err error)  { return 0, ENOSYS }
func Bind(fd int, sa Sockaddr) error                         { return ENOSYS }
func StopIO(fd int) error                                    { return ENOSYS }
func Listen(fd int, backlog int) error                       { return ENOSYS }
func Accept(fd int) (newfd int, sa Sockaddr, err error)      { return 0, nil, ENOSYS }
func Connect(fd int, sa Sockaddr) error                      { return ENOSYS }
func Sendto(fd int, p []byte, flags int, to Sockaddr) error { return ENOSYS }
func GetsockoptInt(fd, level, opt int) (value int, err error) { return 0, ENOSYS }
func SetsockoptInt(fd, level, opt int, value int) error      { return nil }
func SetReadDeadline(fd int, t int64) error                  { return ENOSYS }
func SetWriteDeadline(fd int, t int64) error                 { return ENOSYS }

func Recvfrom(fd int, p []byte, flags int) (n int, from Sockaddr, err error) {
	return 0, nil, ENOSYS
}

func Recvmsg(fd int, p, oob []byte, flags int) (n, oobn, recvflags int, from Sockaddr, err error) {
	return 0, 0, 0, nil, ENOSYS
}

func SendmsgN(fd int, p, oob []byte, to Sockaddr, flags int) (n int, err error) {
	return 0, ENOSYS
}

// SetNonblock sets a socket's mode, shared by its dups as O_NONBLOCK is on Linux: os.File's
// Fd() on a File() dup clears it, and reads of a socket in blocking mode tie up a thread
// (the host models what that costs the goroutines behind it). Other descriptors ignore it.
func SetNonblock(fd int, nonblocking bool) error {
	jsFS.Call("setNonblock", fd, nonblocking)
	return nil
}

// Shutdown shuts a socket descriptor (one from net's File(), or any dup of it) for reading,
// writing or both, as shutdown(2) does: the socket, not the descriptor, is shut.
func Shutdown(fd int, how int) error {
	_, err := fsCall("shutdown", fd, how)
	return err
}
