// rpcsim adds this file to package syscall for js/wasm. The js port spells its error texts
// with a capital letter ("Connection reset by peer"); Go on Linux prints strerror's lower-case
// text, and that is what the lab's output and the student's searches contain. So the errnos a
// system call of rpcsim's host can return read as on Linux.

//go:build js && wasm

package syscall

func init() {
	for errno, text := range map[Errno]string{
		EPERM:           "operation not permitted",
		ENOENT:          "no such file or directory",
		EBADF:           "bad file descriptor",
		EAGAIN:          "resource temporarily unavailable",
		EEXIST:          "file exists",
		ENOTDIR:         "not a directory",
		EISDIR:          "is a directory",
		EINVAL:          "invalid argument",
		EPIPE:           "broken pipe",
		ENOSYS:          "function not implemented",
		ENOTEMPTY:       "directory not empty",
		ENOTSOCK:        "socket operation on non-socket",
		EPROTONOSUPPORT: "protocol not supported",
		ENOTSUP:         "operation not supported",
		EADDRINUSE:      "address already in use",
		ECONNRESET:      "connection reset by peer",
		ENOTCONN:        "transport endpoint is not connected",
		ECONNREFUSED:    "connection refused",
	} {
		errorstr[errno] = text
	}
}
