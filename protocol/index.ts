// The protocol layer's public face: the implementation interface the scenarios drive, the
// reference implementation behind it, the viewservice and pbservice packages as namespaces (Go's
// package names, so `viewservice.StartServer` and `pbservice.MakeClerk` read as in the lab),
// the options every constructor takes, and the catalogue of student bugs.

export * as viewservice from './viewservice/index.ts';
export * as pbservice from './pbservice/index.ts';
export type { Implementation, ViewService, ViewServer, ViewClerk, PBService, PBServer, PBClerk, View } from './implementation.ts';
export { referenceImplementation } from './reference.ts';
export { NO_BUGS, bugsOf, type ProtocolOptions } from './options.ts';
export { BUGS, BUG_NAMES, bugEntry, isBugName, type BugComponent, type BugEntry, type BugName } from './bugs.ts';
export { BUG_CATCHES, type BugCatch } from './bug-catches.ts';
