// The entry of a `rpcsim go explore` worker thread: registers tsx (a worker does not inherit the
// main thread's module hooks on Node 20), then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./go-explore-worker-cli.ts');
