// The pbservice servers of one scenario, by short name (s1, s2, s3), with the verbs a fault plan
// needs: crash (process death), kill (6.824), restart (a fresh server at the same path), pause,
// partition from the viewservice, and unreliable on/off. Each server reaches the viewservice
// through its own hard link to the viewservice socket, so one can be partitioned alone (the
// Go tests' trick, spec §4.2).

import { crashProcess, fault, linkFile, pauseProcess, removeFile, resumeProcess } from '../../sim/index.ts';
import type { FaultTargets } from '../../sim/faults/index.ts';
import type { TestContext } from './context.ts';
import { StartServer, type ServerHandle } from './lab.ts';

interface Member {
  readonly me: string;
  readonly vshostLink: string;
  server: ServerHandle;
}

export class ServerFleet implements FaultTargets {
  private readonly members = new Map<string, Member>();

  constructor(
    private readonly t: TestContext,
    private readonly vshost: string,
  ) {}

  /** StartServer(vshost, me) under a short name, through its own link to the viewservice. */
  start(name: string, me: string): ServerHandle {
    const vshostLink = `${this.vshost}-${name}`;
    if (!this.members.has(name)) linkFile(this.vshost, vshostLink);
    const server = StartServer(this.t, vshostLink, me, name);
    this.members.set(name, { me, vshostLink, server });
    return server;
  }

  server(name: string): ServerHandle | undefined {
    return this.members.get(name)?.server;
  }

  names(): readonly string[] {
    return [...this.members.keys()];
  }

  crash(name: string): void {
    const member = this.members.get(name);
    if (member) crashProcess(member.server.proc);
  }

  kill(name: string): void {
    this.members.get(name)?.server.kill();
  }

  restart(name: string): void {
    const member = this.members.get(name);
    if (member === undefined) return;
    if (member.server.proc.alive) member.server.kill();
    this.start(name, member.me);
  }

  pause(name: string): void {
    const member = this.members.get(name);
    if (member?.server.proc.alive) pauseProcess(member.server.proc);
  }

  resume(name: string): void {
    const member = this.members.get(name);
    if (member?.server.proc.state === 'paused') resumeProcess(member.server.proc);
  }

  partition(name: string): void {
    const member = this.members.get(name);
    if (member) removeFile(member.vshostLink);
  }

  heal(name: string): void {
    const member = this.members.get(name);
    if (member && linkFile(this.vshost, member.vshostLink) !== null) fault(`${name} was not partitioned`);
  }

  setUnreliable(name: string, on: boolean): void {
    this.members.get(name)?.server.setunreliable(on);
  }
}
