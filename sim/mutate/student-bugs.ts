// A stand-in for a held-back set of student bugs: realistic mistakes from the lab's list of
// common ones, none of them in the catalogue (protocol/bugs.ts), written as patches of the
// reference. They are never part of protocol/: `npm run student-bugs` applies each one the way
// `npm run mutants` applies a mutant (a text splice in a sandbox copy) and asks whether the
// default portfolio budget over every scenario finds it. A patch names the exact text it
// replaces, which must occur once; a test fails when the reference has moved on under one.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Splice } from './operators.ts';

export interface StudentBug {
  readonly name: string;
  /** 1: written first, then scenarios were aimed at the ones the budget missed, so batch 1's
   *  figure flatters the explorer. 2: written after those scenarios and measured as they came,
   *  nothing changed for them: the fairer stand-in for bugs nobody has seen. */
  readonly batch: 1 | 2;
  /** The mistake, in the words a student would use about their own code. */
  readonly mistake: string;
  readonly file: string;
  readonly find: string;
  readonly replace: string;
}

const PB = 'protocol/pbservice/server.ts';
const VS = 'protocol/viewservice/server.ts';
const CLERK = 'protocol/pbservice/client.ts';

export const STUDENT_BUGS: readonly StudentBug[] = [
  {
    batch: 1,
    name: 'transfer-once-then-ack',
    mistake: 'on a new view the primary sends its backup one Transfer and acks, whether or not it got through',
    file: PB,
    find: `      if (view.Viewnum > this.view.Viewnum) this.learnView(view);
`,
    replace: `      if (view.Viewnum > this.view.Viewnum) {
        this.learnView(view);
        if (this.isActivePrimary()) await this.ensureBackupReady();
        this.backupReadyViewnum = this.view.Viewnum;
      }
`,
  },
  {
    batch: 1,
    name: 'vs-backup-restart-ignored',
    mistake: 'the viewservice notices a restarted primary (Ping(0)) but not a restarted backup',
    file: VS,
    find: "if (Backup !== '' && (restarted === Backup || this.backupDead(Backup))) {",
    replace: "if (Backup !== '' && this.backupDead(Backup)) {",
  },
  {
    batch: 1,
    name: 'vs-dead-idle-as-backup',
    mistake: 'the viewservice picks any server it has ever heard from as the new backup, dead or alive',
    file: VS,
    find: 'if (!taken.includes(server) && this.isAlive(server)) return server;',
    replace: 'if (!taken.includes(server)) return server;',
  },
  {
    batch: 1,
    name: 'vs-any-server-acks',
    mistake: 'the viewservice takes a Ping with the current view number from anyone as the ack',
    file: VS,
    find: 'if (args.Me === this.view.Primary && args.Viewnum === this.view.Viewnum) this.acked = true;',
    replace: 'if (args.Viewnum === this.view.Viewnum) this.acked = true;',
  },
  {
    batch: 1,
    name: 'clerk-retries-errnokey',
    mistake: 'the clerk treats ErrNoKey as a failure and retries, instead of returning ""',
    file: CLERK,
    find: "        if (reply.Err === ErrNoKey) return '';\n",
    replace: '',
  },
  {
    batch: 1,
    name: 'dup-check-before-lock',
    mistake: 'the primary looks the op id up in its duplicate table before taking the lock',
    file: PB,
    find: `  async PutAppend(args: PutAppendArgs, reply: PutAppendReply): Promise<void> {
    await this.mu.lock();
    try {
      if (!this.isActivePrimary()) {
        reply.Err = ErrWrongServer;
        return;
      }
      // §2.4 At-most-once: a retry of an applied operation is answered, not applied again.
      if (this.seen.has(args.Id) && !this.bugs.has('no-dup-detection')) {`,
    replace: `  async PutAppend(args: PutAppendArgs, reply: PutAppendReply): Promise<void> {
    const duplicate = this.seen.has(args.Id);
    await this.mu.lock();
    try {
      if (!this.isActivePrimary()) {
        reply.Err = ErrWrongServer;
        return;
      }
      if (duplicate) {`,
  },
  {
    batch: 1,
    name: 'apply-before-forward',
    mistake: 'the primary applies a write before forwarding it, and leaves it applied when the forward fails',
    file: PB,
    find: `      const err = await this.forward(args);
      if (err !== OK) {
        reply.Err = err;
        return;
      }
      this.applyWrite(args);`,
    replace: `      this.applyWrite(args);
      const err = await this.forward(args);
      if (err !== OK) {
        reply.Err = err;
        return;
      }`,
  },
  {
    batch: 1,
    name: 'backup-serves-gets',
    mistake: 'any server that holds the state answers a Get itself, backup or primary',
    file: PB,
    find: `  async Get(args: GetArgs, reply: GetReply): Promise<void> {
    await this.mu.lock();
    try {
      if (!this.isActivePrimary()) {
        reply.Err = ErrWrongServer;
        return;
      }`,
    replace: `  async Get(args: GetArgs, reply: GetReply): Promise<void> {
    await this.mu.lock();
    try {
      if (!this.initialised) {
        reply.Err = ErrWrongServer;
        return;
      }
      if (this.view.Backup === this.me) {
        const held = this.db.get(args.Key);
        reply.Err = held === undefined ? ErrNoKey : OK;
        reply.Value = held ?? '';
        return;
      }`,
  },
  {
    batch: 1,
    name: 'forward-retry-forever',
    mistake: 'the primary retries a failed Forward until it works, sleeping between tries, holding its lock',
    file: PB,
    find: 'for (let attempt = 1; attempt <= ForwardTries; attempt++) {',
    replace: 'for (let attempt = 1; ; attempt++) { if (attempt > 1) await sleep(PingInterval);',
  },
  {
    batch: 1,
    name: 'killed-server-acks',
    mistake: 'tick() goes on after a Ping that returned while the server was being killed',
    file: PB,
    find: '      if (this.isdead()) return;\n',
    replace: '',
  },
  {
    batch: 1,
    name: 'late-transfer-overwrites',
    mistake: 'the backup installs any Transfer from its primary, even one older than the state it holds',
    file: PB,
    find: 'if (!this.acceptsFromPrimary(args) || args.Snapshot <= this.snapshotHeld) {',
    replace: 'if (!this.acceptsFromPrimary(args)) {',
  },
  {
    batch: 2,
    name: 'put-not-in-dup-table',
    mistake: 'the primary records only Append ids in its duplicate table, since a Put done twice looks harmless',
    file: PB,
    find: `      this.applyWrite(args);
      this.seen.add(args.Id);
      reply.Err = OK;`,
    replace: `      this.applyWrite(args);
      if (args.Op === 'Append') this.seen.add(args.Id);
      reply.Err = OK;`,
  },
  {
    batch: 2,
    name: 'forward-reply-err-ignored',
    mistake: 'the primary checks that the Forward call went through, but not the Err the backup sent back',
    file: PB,
    find: 'if (ok && reply.Err === OK) return OK;',
    replace: 'if (ok) return OK;',
  },
  {
    batch: 2,
    name: 'clerk-keeps-dead-primary',
    mistake: 'after a failed call the clerk sleeps and calls the same primary again, without asking the viewservice',
    file: CLERK,
    find: `    this.primary = '';
    await sleep(PingInterval);`,
    replace: `    await sleep(PingInterval);`,
  },
  {
    batch: 2,
    name: 'transfer-retry-forever',
    mistake: 'the primary retries the state Transfer until it works, sleeping between tries, holding its lock',
    file: PB,
    find: 'for (let attempt = 1; attempt <= TransferTries; attempt++) {',
    replace: 'for (let attempt = 1; ; attempt++) { if (attempt > 1) await sleep(PingInterval);',
  },
];

/** The patch as a mutation of its file (a splice), or why it no longer applies. */
export function studentBugSplice(root: string, bug: StudentBug): Splice | { readonly problem: string } {
  const source = readFileSync(join(root, bug.file), 'utf8');
  const start = source.indexOf(bug.find);
  if (start < 0) return { problem: `${bug.name}: its text is no longer in ${bug.file}` };
  if (source.indexOf(bug.find, start + 1) >= 0) return { problem: `${bug.name}: its text occurs more than once in ${bug.file}` };
  return { file: bug.file, start, end: start + bug.find.length, replacement: bug.replace };
}
