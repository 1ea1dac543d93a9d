// The entry of an explore worker thread. On Node 20 a worker does not inherit the main thread's
// module hooks, and `execArgv: ['--import', 'tsx']` does not apply them to the worker's entry
// either, so this plain-JavaScript entry registers tsx itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./explore-worker-cli.ts');
