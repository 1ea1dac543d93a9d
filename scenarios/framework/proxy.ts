// The Partition tests' delaying proxy (spec §4.2): it renames a server's socket to port+"x",
// listens on port in its own process, and handles connections strictly one at a time: accept,
// sleep `delay` seconds (read at accept), dial the real socket, pump frames both ways until the
// client closes, close both. Connections that arrive meanwhile wait in the backlog.

import { GoError, dial, go, listen, removeFile, renameFile, sleep, spawnProcess } from '../../sim/index.ts';
import type { Listener } from '../../sim/index.ts';
import type { TestContext } from './context.ts';
import { Second } from './lab.ts';

/** The test's `delay int32`, set with atomic.StoreInt32 and read by the proxy at each accept. */
export interface ProxyDelay {
  seconds: number;
}

export function proxy(t: TestContext, port: string, delay: ProxyDelay): void {
  const portx = `${port}x`;
  removeFile(portx);
  if (renameFile(port, portx) !== null) t.Fatalf('proxy rename failed');
  spawnProcess('proxy', () => {
    const l = listen(port);
    if (l instanceof GoError) t.Fatalf('proxy listen failed: %v', l.message);
    go(() => serveOneAtATime(t, l, portx, delay), 'proxy');
  });
}

async function serveOneAtATime(t: TestContext, l: Listener, portx: string, delay: ProxyDelay): Promise<void> {
  for (;;) {
    const c1 = await l.accept();
    if (c1 instanceof GoError) t.Fatalf('proxy accept failed: %v', c1.message);
    await sleep(delay.seconds * Second);
    const c2 = dial(portx);
    if (c2 instanceof GoError) t.Fatalf('proxy dial failed: %v', c2.message);
    // Replies: until the server side fails or the client cannot take them.
    go(async () => {
      for (;;) {
        const frame = await c2.read();
        if (frame instanceof GoError) break;
        if (c1.write(frame, describeFrame(frame)) !== null) break;
      }
    }, 'proxy-reply');
    // Requests: until the client closes (EOF); any other read error fails the test.
    for (;;) {
      const frame = await c1.read();
      if (frame instanceof GoError) {
        if (frame.code !== 'EOF') t.Fatalf('proxy c1.Read: %v', frame.message);
        break;
      }
      const error = c2.write(frame, describeFrame(frame));
      if (error !== null) t.Fatalf('proxy c2.Write: %v', error.message);
    }
    c1.close();
    c2.close();
  }
}

/** The trace label of a proxied frame, in the RPC layer's words ("PBServer.Get #0 request"). */
function describeFrame(frame: unknown): string {
  if (typeof frame !== 'object' || frame === null) return 'data';
  const { method, seq } = frame as { method?: unknown; seq?: unknown };
  if (typeof method !== 'string' || typeof seq !== 'number') return 'data';
  return `${method} #${seq} ${'error' in frame ? 'response' : 'request'}`;
}
