// The socket error table (the caller's Go error for each way a server stops), row by row: each
// test builds the socket situation (with sockets, timing and
// process faults, never by naming the error) and checks the caller's Go error text and whether
// the handler ran.

import { describe, expect, it } from 'vitest';
import { GoError, RpcClient, World, call, crashProcess, go, sleep, type CallResult, type WorldOptions } from '../../sim/index.ts';
import { killEchoServer, startedEchoServer } from '../support/echo-server.ts';

const PATH = '/var/tmp/824-1000/pb-3123-table-1';

async function inWorld(options: Partial<WorldOptions>, body: () => Promise<void>): Promise<void> {
  const report = await new World({ seed: 7, ...options }).run(body);
  expect(report.failure).toBeNull();
  expect(report.stop).toBe('main-returned');
}

function errorText(result: CallResult): string {
  return result.ok ? 'ok' : result.error.message;
}

/** The server's write wake is quick, the caller's encode slow: the server acts between the
 *  caller's Dial and its write, and the client's input loop notices only after the write. */
const SERVER_FIRST = { wakeMicrosMin: 10, wakeMicrosMax: 10, encodeMicrosMin: 15, encodeMicrosMax: 15 };
/** The caller takes longer from Dial to send's check than two wakes: the input loop sees the
 *  failure before the call registers. */
const READER_FIRST = { wakeMicrosMin: 10, wakeMicrosMax: 10, setupMicrosMin: 100, setupMicrosMax: 100 };

describe('error table › server shut its write side (reply dropped)', () => {
  it('should fail the call with "unexpected EOF" at once, and run the handler later', async () => {
    await inWorld({}, async () => {
      const server = await startedEchoServer('s1', PATH, 20_000, (conn, s) => {
        conn.shutdownWrite();
        go(() => s.rpcs.serveConn(conn));
      });
      const client = RpcClient.dial(PATH) as RpcClient;
      const result = await client.call('Echo.Double', { id: 1, x: 2 });
      expect(errorText(result)).toBe('unexpected EOF');
      expect(server.log.finished).toEqual([]); // the error arrives before the handler is done
      await sleep(50_000);
      expect(server.log.finished).toEqual([1]);
    });
  });
});

describe('error table › server closed with the request unread', () => {
  it('should fail the call with "connection reset by peer", the handler never running', async () => {
    await inWorld({}, async () => {
      const server = await startedEchoServer('s1', PATH, 0, (conn) => {
        go(async () => {
          await sleep(1_000); // the request is in the receive queue by now
          conn.close();
        });
      });
      const result = await (RpcClient.dial(PATH) as RpcClient).call('Echo.Double', { id: 1, x: 2 });
      expect(errorText(result)).toBe(`read unix @->${PATH}: read: connection reset by peer`);
      await sleep(10_000);
      expect(server.log.started).toEqual([]);
    });
  });
});

describe('error table › server closed before the request was written', () => {
  it('should fail the call with "broken pipe", the handler never running', async () => {
    await inWorld({ timing: SERVER_FIRST }, async () => {
      const server = await startedEchoServer('s1', PATH, 0, (conn) => conn.close());
      const result = await (RpcClient.dial(PATH) as RpcClient).call('Echo.Double', { id: 1, x: 2 });
      expect(errorText(result)).toBe(`write unix @->${PATH}: write: broken pipe`);
      expect(server.log.started).toEqual([]);
    });
  });
});

describe('error table › listener closed while the connection waited in the backlog', () => {
  it('should give "connection reset by peer" when the request was already written', async () => {
    await inWorld({}, async () => {
      const server = await startedEchoServer('s1', PATH, 0, 'never-accept');
      go(async () => {
        await sleep(1_000);
        killEchoServer(server); // 6.824 kill: listener closed, socket file unlinked
      });
      const result = await (RpcClient.dial(PATH) as RpcClient).call('Echo.Double', { id: 1, x: 2 });
      expect(errorText(result)).toBe(`read unix @->${PATH}: read: connection reset by peer`);
      expect(server.log.started).toEqual([]);
    });
  });

  it('should give "broken pipe" when the listener closed before the request was written', async () => {
    await inWorld({ timing: SERVER_FIRST }, async () => {
      const server = await startedEchoServer('s1', PATH, 0, 'never-accept');
      go(async () => {
        await sleep(5);
        killEchoServer(server);
      });
      const result = await (RpcClient.dial(PATH) as RpcClient).call('Echo.Double', { id: 1, x: 2 });
      expect(errorText(result)).toBe(`write unix @->${PATH}: write: broken pipe`);
      expect(server.log.started).toEqual([]);
    });
  });
});

describe('error table › process died while its handler was running', () => {
  it('should fail the call with "unexpected EOF": the handler started, its reply is lost', async () => {
    await inWorld({}, async () => {
      const server = await startedEchoServer('s1', PATH, 10_000);
      go(async () => {
        await sleep(5_000);
        crashProcess(server.proc);
      });
      const reply = {};
      const result = await (RpcClient.dial(PATH) as RpcClient).call('Echo.Double', { id: 1, x: 2 });
      expect(errorText(result)).toBe('unexpected EOF');
      expect(reply).toEqual({});
      await sleep(20_000);
      expect(server.log.started).toEqual([1]);
      expect(server.log.finished).toEqual([]);
    });
  });
});

describe('error table › client reader saw EOF before the call registered', () => {
  it('should fail with "connection is shut down" without sending, even for a reply-drop', async () => {
    await inWorld({ timing: READER_FIRST }, async () => {
      const server = await startedEchoServer('s1', PATH, 0, (conn, s) => {
        conn.shutdownWrite();
        go(() => s.rpcs.serveConn(conn));
      });
      const client = RpcClient.dial(PATH) as RpcClient;
      const result = await client.call('Echo.Double', { id: 1, x: 2 });
      expect(errorText(result)).toBe('connection is shut down');
      client.close();
      await sleep(10_000);
      expect(server.log.started).toEqual([]);
    });
  });
});

describe('error table › listener gone and socket file removed (6.824 kill)', () => {
  it('should fail the dial with "no such file or directory", and call() print nothing', async () => {
    const report = await new World({ seed: 7 }).run(async () => {
      const server = await startedEchoServer('s1', PATH);
      killEchoServer(server);
      const dialed = RpcClient.dial(PATH);
      expect(dialed).toBeInstanceOf(GoError);
      expect((dialed as GoError).message).toBe(`dial unix ${PATH}: connect: no such file or directory`);
      expect(await call(PATH, 'Echo.Double', { id: 1, x: 2 }, {})).toBe(false);
      expect(server.log.started).toEqual([]);
    });
    expect(report.failure).toBeNull();
    expect(report.trace.filter((e) => e.type === 'log')).toEqual([]);
  });
});

describe('error table › socket file present, nobody listening', () => {
  it('should fail the dial with "connection refused" after the process crashed', async () => {
    await inWorld({}, async () => {
      const server = await startedEchoServer('s1', PATH);
      crashProcess(server.proc); // process death closes the listener but leaves the file
      const dialed = RpcClient.dial(PATH);
      expect((dialed as GoError).message).toBe(`dial unix ${PATH}: connect: connection refused`);
    });
  });
});

describe('error table › call() prints the Call error, as the 6.824 helper does', () => {
  it('should log the Go error text from the caller process and return false', async () => {
    const report = await new World({ seed: 7 }).run(async () => {
      await startedEchoServer('s1', PATH, 0, (conn) => conn.shutdownWrite());
      expect(await call(PATH, 'Echo.Double', { id: 1, x: 2 }, {})).toBe(false);
    });
    const logs = report.trace.filter((e) => e.type === 'log');
    expect(logs.map((e) => [e.proc, e.type === 'log' ? e.text : ''])).toEqual([['tester', 'unexpected EOF']]);
  });
});
