// The cause behind the lab's broken pipes: the same lone caller against a server that closes
// every connection unread gets "connection reset" nearly always at Go's default GOMAXPROCS (the
// CPU count), and "broken pipe" for a quarter of its calls once the process runs GOMAXPROCS(4)
// threads on two CPUs, as every 2015 test does.

import { describe, expect, it } from 'vitest';
import { RpcClient, World, type CallResult } from '../../sim/index.ts';
import { startedEchoServer } from '../support/echo-server.ts';

const PATH = '/var/tmp/824-1000/pb-3123-cpu-1';
const CALLS = 4_000;

async function closeUnreadShares(gomaxprocs: number): Promise<{ reset: number; pipe: number; shutdown: number }> {
  const counts = { reset: 0, pipe: 0, shutdown: 0 };
  const report = await new World({ seed: 16, trace: false, timing: { gomaxprocs } }).run(async () => {
    await startedEchoServer('s1', PATH, 0, (conn) => conn.close());
    for (let id = 0; id < CALLS; id++) {
      const client = RpcClient.dial(PATH) as RpcClient;
      const result: CallResult = await client.call('Echo.Double', { id, x: id });
      client.close();
      const text = result.ok ? 'ok' : result.error.message;
      if (text.endsWith('connection reset by peer')) counts.reset++;
      else if (text.endsWith('broken pipe')) counts.pipe++;
      else if (text === 'connection is shut down') counts.shutdown++;
      else throw new Error(`unexpected outcome for a request closed unread: ${text}`);
    }
  });
  expect(report.failure).toBeNull();
  return { reset: counts.reset / CALLS, pipe: counts.pipe / CALLS, shutdown: counts.shutdown / CALLS };
}

describe('CPU contention › a server closing every connection unread', () => {
  it('should give reset in 94–99.6% of calls at GOMAXPROCS = CPUs, as real Go does', async () => {
    const shares = await closeUnreadShares(2);
    expect(shares.reset).toBeGreaterThanOrEqual(0.94);
    expect(shares.reset).toBeLessThanOrEqual(0.996);
    expect(shares.shutdown).toBeLessThan(0.001);
  });

  it('should give broken pipe in 15–35% of calls with GOMAXPROCS(4) on two CPUs, as in the lab', async () => {
    const shares = await closeUnreadShares(4);
    expect(shares.pipe).toBeGreaterThanOrEqual(0.15);
    expect(shares.pipe).toBeLessThanOrEqual(0.35);
    expect(shares.shutdown).toBeGreaterThan(0); // the caller lost its CPU before send's check
    expect(shares.shutdown).toBeLessThan(0.02);
  });
});
