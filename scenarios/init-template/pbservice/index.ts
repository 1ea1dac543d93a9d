// The pbservice package: what `import "pbservice"` gives a Go program.

export * from './common.ts';
export { Clerk, MakeClerk } from './client.ts';
export { PBServer, StartServer } from './server.ts';
