// rpcsim: what the program writes to standard output and standard error is not a system call
// of the simulated machine. The build overlay puts this file in place of the toolchain's
// syscall/time_nofake.go, whose only part on js is the switch `faketime` that Write (fs_js.go)
// reads: switched on, Write hands descriptors 1 and 2 to faketimeWrite, which here makes one
// synchronous call to the host's fs.writeSync. The writing goroutine neither parks nor waits
// for a callback and no virtual time passes: output is not the network, and a test that prints
// more (or less) should not move the clock of the calls around it.

//go:build js && wasm

package syscall

import "syscall/js"

const faketime = true

func faketimeWrite(fd int, p []byte) int {
	buf := uint8Array.New(len(p))
	js.CopyBytesToJS(buf, p)
	return jsFS.Call("writeSync", fd, buf).Int()
}
