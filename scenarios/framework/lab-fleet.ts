// The servers a 2015 lab test started itself (through StartServer), as targets of a fault plan,
// so `--swarm` and `--plan` act on the eleven lab tests on top of their own script. A test may
// start a server again under the same name (repeated-crash); faults reach the latest one. A
// restart kills the server (6.824 kill: handlers already running finish) and starts a fresh,
// empty one at the same path behind the test's own handle. Lab servers reach the viewservice
// through its own socket, not a link of their own, so they cannot be partitioned from it alone:
// a lab scenario does not declare partitions among its fault kinds.

import { crashProcess, fault, pauseProcess, resumeProcess } from '../../sim/index.ts';
import type { FaultTargets } from '../../sim/faults/index.ts';
import type { PBServer } from '../../protocol/implementation.ts';
import type { Process } from '../../sim/index.ts';
import type { ServerHandle } from './lab.ts';

/** Starts a fresh server in a new process: pbservice.StartServer(vshost, me). */
export type SpawnServer = (vshost: string, me: string, name: string) => { proc: Process; value: PBServer };

export class LabFleet implements FaultTargets {
  private readonly servers = new Map<string, ServerHandle>();

  constructor(private readonly spawn: SpawnServer) {}

  started(name: string, server: ServerHandle): void {
    this.servers.set(name, server);
  }

  names(): readonly string[] {
    return [...this.servers.keys()];
  }

  crash(name: string): void {
    const server = this.servers.get(name);
    if (server?.proc.alive) crashProcess(server.proc);
  }

  kill(name: string): void {
    this.servers.get(name)?.kill();
  }

  restart(name: string): void {
    const server = this.servers.get(name);
    if (server === undefined) return;
    if (server.proc.alive) server.kill();
    const { proc, value } = this.spawn(server.vshost, server.me, name);
    server.replaceWith(proc, value);
  }

  pause(name: string): void {
    const server = this.servers.get(name);
    if (server?.proc.alive) pauseProcess(server.proc);
  }

  resume(name: string): void {
    const server = this.servers.get(name);
    if (server?.proc.state === 'paused') resumeProcess(server.proc);
  }

  partition(name: string): void {
    fault(`partition ${name}: lab servers share the viewservice's socket, so one cannot be cut off alone`);
  }

  heal(name: string): void {
    fault(`heal ${name}: lab servers are never partitioned`);
  }

  setUnreliable(name: string, on: boolean): void {
    this.servers.get(name)?.setunreliable(on);
  }
}
