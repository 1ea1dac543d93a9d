// Issue 11's "What was seen", one test per observation: each printed promise a new user found
// untrue on a fresh clone, checked through the CLI's main() (in-process) as the user typed it.

import { spawnSync } from 'node:child_process';
import { closeSync, fstatSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { captureCliOutput, captured, rpcsim } from '../support/cli-capture.ts';
import { BUGS, BUG_CATCHES } from '../../protocol/index.ts';

captureCliOutput();
const dir = mkdtempSync(join(tmpdir(), 'rpcsim-seen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ROOT = new URL('../../', import.meta.url).pathname;
/** The catalogue's swarm run of kv-faults (npm run catalogue:refind moves it with the semantics). */
const SWARM = BUG_CATCHES.find((c) => c.scenario === 'kv-faults' && c.swarm)!;

/** The first seed explore finds for `argv` (a failing run to shrink or replay). */
async function firstFailing(...argv: string[]): Promise<string> {
  captured.out = [];
  expect(await rpcsim('explore', ...argv, '--seeds', '500', '--json')).toBe(1);
  return String((JSON.parse(captured.out[0]!) as { seed: number }).seed);
}

function replayLine(): string[] {
  const line = captured.out.find((l) => l.startsWith('replay: npx rpcsim '));
  expect(line, captured.out.join('\n')).toBeDefined();
  return line!.slice('replay: npx rpcsim '.length).split(' ');
}

/** One line on stderr, exit 2, nothing on stdout. */
async function refused(argv: string[], message: RegExp): Promise<void> {
  captured.out = [];
  captured.err = [];
  expect(await rpcsim(...argv), captured.out.join('\n')).toBe(2);
  expect(captured.err).toHaveLength(1);
  expect(captured.err[0]).toMatch(message);
  expect(captured.out).toEqual([]);
}

describe('what was seen, and is no longer true', () => {
  it('a swarm failure prints a replay with --swarm that fails again, and its trace replays IDENTICAL', async () => {
    const trace = join(dir, 'swarm.jsonl');
    expect(await rpcsim('run', 'kv-faults', '--seed', String(SWARM.seed), '--bug', SWARM.bug, '--strategy', 'swarm', '--quiet', '--trace-out', trace)).toBe(1);
    const argv = replayLine();
    expect(argv).toContain('--swarm');
    captured.out = [];
    expect(await rpcsim(...argv, '--quiet')).toBe(1);
    expect((JSON.parse(readFileSync(trace, 'utf8').split('\n')[0]!) as { run: { swarm: boolean } }).run.swarm).toBe(true);
    captured.out = [];
    expect(await rpcsim('replay', '--trace', trace, '--quiet')).toBe(1);
    expect(captured.out.at(-1)).toMatch(/^IDENTICAL: /);
  });

  it('shrink with --strategy pct prints a replay with --strategy pct', async () => {
    const seed = await firstFailing('kv-faults', '--bug', SWARM.bug, '--swarm', '--strategy', 'pct');
    captured.out = [];
    expect(await rpcsim('shrink', 'kv-faults', '--seed', seed, '--bug', SWARM.bug, '--swarm', '--strategy', 'pct', '--out', join(dir, 'pct.json'))).toBe(1);
    expect(replayLine()).toEqual(expect.arrayContaining(['--strategy', 'pct', '--swarm', '--plan']));
  }, 60_000);

  it('--plan and --swarm on a scenario that declares no fault targets are refused, a plan naming s9 or a fault its servers cannot take too', async () => {
    const plan = join(dir, 's9.json');
    writeFileSync(plan, JSON.stringify([{ at: 2_000_000, fault: { type: 'crash', target: 's9' } }]));
    await refused(['run', 'viewservice', '--swarm'], /^rpcsim: run viewservice does not take --swarm: the scenario declares no fault targets/);
    await refused(['run', 'viewservice', '--plan', plan], /^rpcsim: run viewservice does not take --plan: the scenario declares no fault targets/);
    // A story strikes with its own plan: that, not a lack of targets, is why it takes no --swarm.
    await refused(['explore', 'forward-crash', '--strategy', 'swarm', '--seeds', '2'], /^rpcsim: explore forward-crash does not take --strategy swarm: its fault is its own plan/);
    await refused(['run', 'forward-crash', '--swarm'], /^rpcsim: run forward-crash does not take --swarm: its fault is its own plan \(the story it tells\), so the seed draws no fault mix; run it without --swarm, or give a --plan that strikes s3$/);
    const partition = join(dir, 'partition.json');
    writeFileSync(partition, JSON.stringify([{ at: 2_000_000, fault: { type: 'partition', target: 's1', forMicros: 500_000 } }]));
    await refused(['run', 'basic-fail', '--plan', partition], /entry 0 is a partition, which basic-fail cannot carry out; it takes crash, kill, restart, pause, unreliable, drop$/);
    await refused(['run', 'kv-faults', '--plan', plan], /entry 0 targets "s9", which is not a fault target of kv-faults; its fault targets are s1, s2, s3$/);
  });

  it('explore reads --plan, and refuses an invalid one', async () => {
    const bad = join(dir, 'bad-plan.json');
    writeFileSync(bad, '[{"at": 1}]');
    await refused(['explore', 'kv-faults', '--plan', bad, '--seeds', '1'], /bad-plan\.json: entry 0: "fault" must be an object/);
    const plan = join(dir, 'kill.json');
    writeFileSync(plan, JSON.stringify([{ at: 2_500_000, fault: { type: 'kill', target: 's1' } }]));
    captured.out = [];
    await rpcsim('explore', 'kv-faults', '--plan', plan, '--from', '3', '--seeds', '1', '--bug', 'unreachable-backup-as-none');
    expect(captured.out[0]).toContain(`plan: ${plan}`);
  });

  it.each([
    ['run', ['--jobs', '2']], ['run', ['--all']], ['run', ['--shard', '1/2']], ['run', ['--seeds', '3']], ['run', ['--mode', 'task']],
    ['run', ['--trace', 'f']], ['run', ['--out', 'f']], ['explore', ['--quiet']], ['explore', ['--out', 'f']],
  ])('%s refuses %j, naming the flag and the command', async (command, flags) => {
    await refused([command, 'partition1', ...flags], new RegExp(`^rpcsim: ${command} does not take ${flags[0]}`));
  });

  it('teach refuses --bug', async () => {
    await refused(['teach', 'breakpoint', '--bug', 'get-not-forwarded'], /^rpcsim: teach does not take --bug/);
  });

  it('run --json prints one JSON object with the run description and replay command', async () => {
    expect(await rpcsim('run', 'partition1', '--seed', '2', '--json')).toBe(0);
    expect(captured.out).toHaveLength(1);
    const record = JSON.parse(captured.out[0]!) as { run: { seed: number }; replay: string; fingerprint: string };
    expect(record.run.seed).toBe(2);
    expect(record.replay).toBe('npx rpcsim replay partition1 --seed 2');
  });

  it('replay with --trace and a contradicting --seed names the field, instead of replaying the file', async () => {
    const trace = join(dir, 'p1.jsonl');
    await rpcsim('run', 'partition1', '--seed', '3', '--quiet', '--trace-out', trace);
    await refused(['replay', 'partition1', '--trace', trace, '--seed', '99'], /^rpcsim: replay --trace: seed: the command says 99, .* records 3\./);
    await refused(['replay', '--trace', trace, '--bug', 'get-not-forwarded'], /bugs: the command says get-not-forwarded, .* records none/);
  });

  it('a wrong fingerprint is a damaged file, not "DIVERGED at event N+1 of N"; exit 3 means diverged, 1 an identical failing replay', async () => {
    const trace = join(dir, 'fp.jsonl');
    await rpcsim('run', 'partition1', '--seed', '3', '--quiet', '--trace-out', trace);
    const lines = readFileSync(trace, 'utf8').trimEnd().split('\n');
    const end = JSON.parse(lines.at(-1)!) as { hash: string };
    writeFileSync(trace, [...lines.slice(0, -1), JSON.stringify({ ...end, hash: '0123456789abcdef' })].join('\n') + '\n');
    await refused(['replay', '--trace', trace], /the last line records fingerprint 0123456789abcdef, but the file's own events hash to/);
  });

  it('an unwritable --trace-out is said before the run, in one line', async () => {
    await refused(['run', 'partition1', '--trace-out', join(dir, 'no-such-dir', 'x.jsonl')], /^rpcsim: cannot write trace file .*: no such file \(ENOENT\)$/);
  });

  it('an unwritable shrink --out is one line, exit 2', async () => {
    await refused(['shrink', 'kv-faults', '--seed', String(SWARM.seed), '--bug', SWARM.bug, '--swarm', '--out', join(dir, 'no-such-dir', 'p.json')], /^rpcsim: cannot write shrunk plan .*\(ENOENT\)$/);
  });

  it('a pause of 0.5 µs in a plan is refused', async () => {
    const plan = join(dir, 'half.json');
    writeFileSync(plan, JSON.stringify([{ at: 2_000_000, fault: { type: 'pause', target: 's1', forMicros: 0.5 } }]));
    await refused(['run', 'kv-faults', '--plan', plan], /a pause needs "forMicros", a positive whole number/);
  });

  it.each([-5, 1.5])('a trace header with seed %d is refused', async (seed) => {
    const trace = join(dir, `seed${seed}.jsonl`);
    await rpcsim('run', 'partition1', '--quiet', '--trace-out', trace);
    const [head, ...rest] = readFileSync(trace, 'utf8').split('\n');
    const header = JSON.parse(head!) as { run: { seed: number } };
    header.run.seed = seed;
    writeFileSync(trace, [JSON.stringify(header), ...rest].join('\n'));
    await refused(['replay', '--trace', trace], /line 1: run: "seed" must be a whole number from 0 to 2\^53-1/);
  });

  it('an event line that is not an object is refused', async () => {
    const trace = join(dir, 'array.jsonl');
    await rpcsim('run', 'partition1', '--quiet', '--trace-out', trace);
    const lines = readFileSync(trace, 'utf8').split('\n');
    lines[2] = '[1, 2]';
    writeFileSync(trace, lines.join('\n'));
    await refused(['replay', '--trace', trace], /line 3 is not a JSON object/);
  });

  it('stdout on /dev/full ends in one line on stderr, no stack trace', () => {
    const out = openSync('/dev/full', 'w');
    const child = spawnSync(process.execPath, [join(ROOT, 'scenarios/bin.mjs'), 'list'], { stdio: ['ignore', out, 'pipe'], encoding: 'utf8' });
    expect(child.stderr.trim()).toBe('rpcsim: cannot write to standard output: no space left on the device (ENOSPC)');
    expect(child.status).toBe(2);
  }, 30_000);

  it('explore --from 2^53-1 --seeds 2 is refused: seeds stay exact', async () => {
    await refused(['explore', 'partition1', '--from', '9007199254740991', '--seeds', '2'], /runs past the largest seed \(2\^53 - 1\)/);
  });

  it('teach breakpoint --seed 1 passes three times and exits 0', async () => {
    expect(await rpcsim('teach', 'breakpoint', '--seed', '1')).toBe(0);
  }, 60_000);

  it('--full stops printing once the reader has gone (… | head)', async () => {
    const errored = vi.spyOn(process.stdout, 'errored', 'get').mockReturnValue(Object.assign(new Error('EPIPE'), { code: 'EPIPE' }));
    expect(await rpcsim('run', 'partition1', '--full')).toBe(0);
    errored.mockRestore();
    // Only the lines before the first event: the trace itself (thousands of lines) is never rendered.
    expect(captured.out.join('\n').length).toBeLessThan(500);
  });

  it('concurrent-same --trace-out stays under 500 MB and renders each JSON line once', () => {
    const trace = join(dir, 'cs.jsonl');
    const script = `const { runCli } = await import(${JSON.stringify(join(ROOT, 'scenarios/cli-entry.ts'))});
      const code = await runCli(['run', 'concurrent-same', '--quiet', '--trace-out', ${JSON.stringify(trace)}]);
      process.stderr.write('maxRSS ' + process.resourceUsage().maxRSS + '\\n'); process.exitCode = code;`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    const kb = Number(/maxRSS (\d+)/.exec(child.stderr)?.[1]);
    expect(kb).toBeLessThan(500 * 1024);
    // The file ends in its fingerprint line (read from the end: the file is ~200 MB).
    const fd = openSync(trace, 'r');
    const tail = Buffer.alloc(200);
    const size = fstatSync(fd).size;
    readSync(fd, tail, 0, 200, size - 200);
    closeSync(fd);
    expect(JSON.parse(tail.toString('utf8').trimEnd().split('\n').at(-1)!)).toMatchObject({ end: 'rpcsim-trace/2', hash: expect.stringMatching(/^[0-9a-f]{16}$/) });
    rmSync(trace);
  }, 180_000);

  it('--jobs above the core count warns and says why', async () => {
    await rpcsim('explore', 'partition1', '--seeds', '1', '--jobs', '64');
    expect(captured.err[0]).toMatch(/^rpcsim: warning: --jobs 64 is more than this machine's \d+ cores: each process holds its own simulated world/);
  });

  it('every catalogued bug is caught by (scenario, seed) runs that exist', async () => {
    expect(await rpcsim('bugs')).toBe(0);
    const scenarios = new Set((await import('../../scenarios/index.ts')).SCENARIOS.map((s) => s.name));
    for (const bug of BUGS) {
      const catches = BUG_CATCHES.filter((c) => c.bug === bug.name);
      expect(catches.length, bug.name).toBeGreaterThan(0);
      for (const c of catches) expect(scenarios.has(c.scenario), `${bug.name}: ${c.scenario}`).toBe(true);
    }
    expect(captured.out.join('\n')).not.toContain('targeted scenario');
  });

  it('--proc, --from and --to filter what run prints, not the run', async () => {
    expect(await rpcsim('run', 'forward-crash', '--seed', '5', '--full', '--proc', 's3', '--from', '3.9', '--to', '4')).toBe(0);
    const events = captured.out.filter((line) => /^\s+\d+\.\d{6}s /.test(line));
    expect(events.length).toBeGreaterThan(0);
    for (const line of events) {
      const [, t, who] = /^\s+(\d+\.\d+)s (\S+)/.exec(line)!;
      expect(Number(t)).toBeGreaterThanOrEqual(3.9);
      expect(Number(t)).toBeLessThanOrEqual(4);
      expect(who!.split(/[/#]/)[0]).toBe('s3');
    }
    expect(captured.out.at(-1)).toMatch(/^PASS forward-crash \(seed 5\)/);
  });

  it('an interrupted shrink keeps the smallest failing plan found so far, and its replay fails', async () => {
    const out = join(dir, 'interrupted.json');
    const before = process.listenerCount('SIGINT');
    const shrinking = rpcsim('shrink', 'kv-faults', '--seed', String(SWARM.seed), '--bug', SWARM.bug, '--swarm', '--out', out);
    // Ctrl-C once shrink is listening for it (after the original failing run), as a user would.
    while (process.listenerCount('SIGINT') === before) await new Promise((resolve) => setTimeout(resolve, 5));
    process.emit('SIGINT');
    expect(await shrinking).toBe(130);
    expect(captured.out.some((line) => line.startsWith('interrupted: the smallest failing plan so far'))).toBe(true);
    const argv = replayLine();
    expect(argv).toEqual(expect.arrayContaining(['--plan', out]));
    captured.out = [];
    expect(await rpcsim(...argv, '--quiet')).toBe(1);
  }, 60_000);

  it('an empty history is an error, not "linearizable"', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    await refused(['check-history', empty], /holds no operations: an empty history proves nothing/);
  });

  it('--version prints the version and the code fingerprint; --json works on replay and check-history', async () => {
    expect(await rpcsim('--version')).toBe(0);
    expect(captured.out).toEqual([expect.stringMatching(/^rpcsim \d+\.\d+\.\d+ \(simulated code code-[0-9a-f]{16}\)$/)]);
    captured.out = [];
    expect(await rpcsim('replay', 'partition1', '--seed', '2', '--json')).toBe(0);
    expect(JSON.parse(captured.out[0]!)).toMatchObject({ type: 'run', ok: true });
    captured.out = [];
    const history = new URL('../check/testdata/porcupine-kv/c01-ok.txt', import.meta.url).pathname;
    expect(await rpcsim('check-history', history, '--json')).toBe(0);
    expect(JSON.parse(captured.out[0]!)).toMatchObject({ type: 'check-history', result: 'ok' });
  });
});
