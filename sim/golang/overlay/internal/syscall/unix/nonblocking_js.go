// rpcsim's IsNonblock for js/wasm. The build overlay puts this file in place of the
// toolchain's, which answers false for every descriptor. On Linux a socket's descriptor is in
// non-blocking mode, so os.NewFile on net's File() dup makes a File whose Fd() puts the socket
// back into blocking mode (os/file_unix.go: "historically we have always returned a
// descriptor opened in blocking mode"), as the 2015 unreliable accept loop does before its
// Shutdown. The host keeps each socket's mode, so that Fd() reaches it through SetNonblock.

//go:build js && wasm

package unix

import "syscall/js"

var jsFS = js.Global().Get("fs")

func IsNonblock(fd int) (nonblocking bool, err error) {
	return jsFS.Call("isNonblock", fd).Bool(), nil
}
