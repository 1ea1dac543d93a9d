// The entry of an exploration's child process: registers tsx so the TypeScript child (and the
// target module it loads) can be imported without a build step, then loads it.
import { register } from 'tsx/esm/api';

register();
await import('./child.ts');
