// rpcsim's public API for simulated programs and for tests. Protocol code uses only the node
// API (goroutines, time, locks, sockets, RPC); tests and tools also use World and the trace.

export { World, type WorldOptions, type RunReport, DEFAULT_LIMITS } from './world.ts';
export { go, sleep, nowMicros, Mutex, WaitGroup, println, randomInt, note } from './runtime/goroutines.ts';
export { spawnProcess, currentProcess, crashProcess, pauseProcess, resumeProcess, pauseTask, resumeTask, fault } from './runtime/processes.ts';
export { listen, dial, removeFile, linkFile, renameFile, fileExists } from './runtime/sockets.ts';
export { RpcServer } from './rpc/server.ts';
export { RpcClient, type CallResult } from './rpc/client.ts';
export { call } from './rpc/lab-call.ts';
export { acceptLoop, type AcceptingServer } from './rpc/unreliable-accept.ts';
export { GoRandSource } from './rpc/go-rand.ts';
export { GoGlobalRandChooser } from './rpc/go-global-rand.ts';
export { GoError, type ErrCode } from './net/errors.ts';
export type { Listener } from './net/listener.ts';
export type { Endpoint } from './net/endpoint.ts';
export type { Process } from './kernel/process.ts';
export type { Task } from './kernel/task.ts';
export { SeededChooser, type Chooser, type DecisionKind } from './kernel/chooser.ts';
export { DecisionLog, ReplayChooser, ReplayDivergence } from './kernel/decision-log.ts';
export type { TraceEvent } from './trace/events.ts';
export { renderText, renderTextLine } from './trace/render-text.ts';
export { renderJsonl } from './trace/render-jsonl.ts';
export { traceHash } from './trace/hash.ts';
export { InvariantError } from './kernel/assert.ts';
