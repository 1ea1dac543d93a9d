// Partitioning a server from the viewservice, as TestPartition1/2 do (spec §4.2): the server is
// given a second name of the viewserver's socket (os.Link), and removing that name later makes
// the server's Pings fail at dial time, silently, while everything else still reaches it.

import { linkFile, removeFile } from '../../sim/index.ts';
import type { TestContext } from './context.ts';

/** os.Link(vshost, vshost+"a"): returns the name to start the soon-partitioned server with.
 *  Go ignores the error; if the link failed, "primary never formed initial view" would follow. */
export function linkViewserver(vshost: string): string {
  const vshosta = `${vshost}a`;
  linkFile(vshost, vshosta);
  return vshosta;
}

/** os.Remove(vshost+"a"): the server holding that name can no longer reach the viewservice. */
export function partitionFromViewserver(t: TestContext, vshosta: string): void {
  t.log(`partition: remove ${vshosta}`);
  removeFile(vshosta); // Go ignores os.Remove's error here
}
