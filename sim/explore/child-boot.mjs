// The entry of an exploration's child process when rpcsim runs from its sources (tests, node
// API): registers tsx so the TypeScript child (and the target module it loads) can be imported
// without a build step, then serves. The `rpcsim` command's bundle writes a child entry of its
// own beside dist/cli.mjs (scenarios/build/bundle.mjs), so a child parses the same bundle.
import { register } from 'tsx/esm/api';

register();
const { serveExploreChild } = await import('./child.ts');
await serveExploreChild();
