// The viewservice package: what `import "viewservice"` gives a Go program.

export * from './common.ts';
export { Clerk, MakeClerk } from './client.ts';
export { ViewServer, StartServer } from './server.ts';
