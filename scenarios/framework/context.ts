// The `t *testing.T` of a scenario: Fatalf/Fatal that end the run as a safety failure with the
// Go test's message, log lines in the trace, the socket paths the Go tests use (uid 1000, pid
// 3123), the implementation under test (whose servers and clerks every scenario starts, through
// scenarios/framework/lab.ts), and the per-run counts of client operations and their key/value
// history.

import { nowMicros, note } from '../../sim/index.ts';
import { world } from '../../sim/runtime/active.ts';
import type { TraceBody } from '../../sim/trace/events.ts';
import type { FaultTargets } from '../../sim/faults/index.ts';
import type { KvOperation, KvOperationKind } from '../../sim/check/history.ts';
import type { Implementation } from '../../protocol/implementation.ts';
import { spawnServer, type ServerHandle } from './lab.ts';
import { LabFleet } from './lab-fleet.ts';
import { sprintf, sprintln } from './format.ts';
import { TestFailure } from './scenario.ts';

/** Everything observable is one journal: each client operation is a trace event too (only built when someone records). */
function traceOperation(body: TraceBody): void {
  const { net } = world();
  if (net.tracing) net.trace(body);
}

/** The Go tests build socket paths from os.Getuid() and os.Getpid(); these are fixed here. */
export const TEST_UID = 1000;
export const TEST_PID = 3123;
const SOCKET_DIR = `/var/tmp/824-${TEST_UID}/`;

/** One client operation as it is being made; `returnMicros` stays null if it never returns. */
export interface OpenOperation {
  readonly clientId: number;
  readonly kind: KvOperationKind;
  readonly key: string;
  value: string;
  readonly callMicros: number;
  returnMicros: number | null;
}

export class TestContext {
  private ops = 0;
  /** The servers fault plans act on, once the scenario has started them (see useFleet). */
  fleet: FaultTargets | null = null;
  /** Swarm mode drew "unreliable weather": scenarios with a fleet start their servers unreliable. */
  startUnreliable = false;
  private nextClientId = 0;
  private readonly operations: OpenOperation[] = [];

  constructor(
    readonly name: string,
    /** The viewservice and pbservice under test. */
    readonly impl: Implementation,
  ) {}

  /** t.Fatalf / log.Fatalf: the test failed with this message. */
  Fatalf(format: string, ...args: readonly unknown[]): never {
    throw new TestFailure(sprintf(format, ...args));
  }

  /** t.Fatal(args...) */
  Fatal(...args: readonly unknown[]): never {
    throw new TestFailure(sprintln(...args));
  }

  /** fmt.Printf from the test: a note in the trace ("Test: Add a backup ..."). */
  log(...parts: readonly unknown[]): void {
    note(parts.map(String).join(' '));
  }

  /** pbservice's port(tag, host): `/var/tmp/824-1000/pb-3123-<tag>-<host>`. */
  port(tag: string, host: number): string {
    return `${SOCKET_DIR}pb-${TEST_PID}-${tag}-${host}`;
  }

  /** The viewserver of a pbservice test: port(tag+"v", 1). */
  vsport(tag: string): string {
    return this.port(`${tag}v`, 1);
  }

  /** viewservice's port(suffix): `/var/tmp/824-1000/viewserver-3123-<suffix>`. */
  viewserverPort(suffix: string): string {
    return `${SOCKET_DIR}viewserver-${TEST_PID}-${suffix}`;
  }

  /** Virtual time now, in microseconds (time.Now() for a scenario). */
  now(): number {
    return nowMicros();
  }

  /** A server the test started itself: unless the scenario registered a fleet of its own,
   *  fault plans reach the test's servers by their names (the lab tests). */
  serverStarted(name: string, server: ServerHandle): void {
    if (this.fleet === null) this.fleet = new LabFleet((vshost, me, serverName) => spawnServer(this, vshost, me, serverName));
    if (this.fleet instanceof LabFleet) this.fleet.started(name, server);
  }

  /** Registers the scenario's servers as the targets of the run's fault plan. */
  useFleet<T extends FaultTargets>(fleet: T): T {
    this.fleet = fleet;
    return fleet;
  }

  /** Client operations completed so far. */
  get opCount(): number {
    return this.ops;
  }

  /** Counts one completed client operation that is not a key/value operation (viewservice). */
  countOperation(): void {
    this.ops++;
  }

  newClientId(): number {
    return this.nextClientId++;
  }

  /** Records the call of a key/value operation; pass the handle to `returned`. */
  calling(clientId: number, kind: KvOperationKind, key: string, value: string): OpenOperation {
    const op: OpenOperation = { clientId, kind, key, value, callMicros: nowMicros(), returnMicros: null };
    this.operations.push(op);
    traceOperation({ type: 'op-call', client: clientId, op: kind, key, value });
    return op;
  }

  returned(op: OpenOperation, output?: string): void {
    op.returnMicros = nowMicros();
    if (output !== undefined) op.value = output;
    this.ops++;
    traceOperation({ type: 'op-return', client: op.clientId, op: op.kind, key: op.key, value: op.value });
  }

  /** The history so far: operations that never returned keep returnMicros null. */
  history(): KvOperation[] {
    return this.operations.map((op) => ({ ...op }));
  }
}
