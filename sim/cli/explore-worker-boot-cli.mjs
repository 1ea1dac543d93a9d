// The entry of an explore worker thread. On Node 20 a worker does not inherit the main thread's
// module hooks, and `execArgv: ['--import', 'tsx']` does not apply them to the worker's entry
// either, so this plain-JavaScript entry registers tsx itself before loading the TypeScript worker.
// This entry serves runs from the sources (tests, `npm run bench`); the `rpcsim` command's bundle
// has a worker entry of its own beside dist/cli.mjs.
import { register } from 'tsx/esm/api';

register();
const { serveExploreWorker } = await import('./explore-worker-cli.ts');
await serveExploreWorker();
