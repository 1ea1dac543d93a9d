// rpcsim's starting size for goroutine stacks, added to package runtime by the build overlay.
// Go 1.19 starts a goroutine with the average stack it saw in use at the last collection (at
// least 2 KB); net/rpc serves each connection on fresh goroutines whose gob decoding needs
// several times that, and growing a stack copies it and walks its frames, which in wasm took a
// tenth of an RPC's time. Starting every goroutine with stackStartBytes (a stack still grows
// past it, and a collection still shrinks one that uses little) saves that work; it changes
// nothing a program can observe but its memory use.

//go:build js && wasm

package runtime

const stackStartBytes = 16 << 10

func init() {
	debug.adaptivestackstart = 0
	startingStackSize = stackStartBytes
}
