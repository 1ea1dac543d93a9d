// `rpcsim help`: the overview names every command's usage (replay's two forms included), one
// command's help is its usage and description, and an unknown topic is bad input, not the overview.

import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../sim/cli/help.ts';
import { FLAGS_OF } from '../../sim/cli/flags-per-command.ts';
import { captureCliOutput, captured, rpcsim } from '../support/cli-capture.ts';

captureCliOutput();

describe('rpcsim help', () => {
  it('should list the usage of every command, both forms of replay included', async () => {
    expect(await rpcsim('help')).toBe(0);
    const text = captured.out.join('\n');
    for (const command of COMMANDS) expect(text).toContain(`  rpcsim ${command}`);
    expect(text).toContain('  rpcsim replay --trace FILE');
    expect(text).toContain('  rpcsim go test <package dir>');
    expect(text).toContain('  rpcsim go explore <package dir> --seeds N [--from S] [--jobs J]');
  });

  it('should explain `rpcsim go`, which parses its own flags, as `rpcsim help go` and `rpcsim go help`', async () => {
    expect(await rpcsim('help', 'go')).toBe(0);
    const { goCommand } = await import('../../sim/cli/command-go-cli.ts');
    expect(await goCommand(['help'])).toBe(0);
    expect(await goCommand(['test', '--help'])).toBe(0);
    expect(await goCommand(['explore', 'some/dir', '-h'])).toBe(0);
    expect(captured.out[1]).toBe(captured.out[0]);
    expect(captured.out[2]).toBe(captured.out[0]);
    expect(captured.out[3]).toBe(captured.out[0]);
    expect(captured.out[0]).toMatch(/^rpcsim go test <package dir> .*\nrpcsim go explore <package dir> .*Exit 0 when every test passed/s);
    // Every flag the two subcommands parse is named.
    for (const flag of ['--seed', '--run', '-v', '--plan', '--swarm', '--env', '--seeds', '--from', '--jobs']) expect(captured.out[0]).toContain(flag);
  });

  it('should show one command with its description, asked either way', async () => {
    expect(await rpcsim('help', 'explore')).toBe(0);
    expect(await rpcsim('explore', '--help')).toBe(0);
    expect(captured.out[0]).toMatch(/^rpcsim explore <scenario> /);
    expect(captured.out[0]).toContain('Stops at the\n  first (lowest) failing seed unless --all');
    expect(captured.out[1]).toBe(captured.out[0]);
  });

  it('should name, in each command\'s help, every flag the command takes and the exit codes', async () => {
    for (const command of COMMANDS) {
      captured.out = [];
      expect(await rpcsim('help', command)).toBe(0);
      const text = captured.out.join('\n');
      for (const flag of FLAGS_OF[command]) expect(text, `${command} --${flag}`).toContain(`--${flag}`);
      if (!['help'].includes(command)) expect(text, command).toMatch(/Exit (0|1)/);
    }
  });

  it('should refuse a stray word after a command that takes none, and a flag given to help', async () => {
    for (const argv of [['list', 'extra'], ['bugs', 'extra'], ['demo', 'extra'], ['help', 'run', 'extra'], ['help', 'run', '--seed', '1']]) {
      captured.err = [];
      captured.out = [];
      expect(await rpcsim(...argv), argv.join(' ')).toBe(2);
      expect(captured.err, argv.join(' ')).toHaveLength(1);
      expect(captured.out, argv.join(' ')).toEqual([]);
    }
    expect(captured.err[0]).toBe('rpcsim: help does not take --seed: help takes no flags; run `rpcsim help help`');
  });

  it('should refuse an unknown topic with one line and exit 2', async () => {
    expect(await rpcsim('help', 'replya')).toBe(2);
    expect(captured.err).toEqual(['rpcsim: unknown command "replya": did you mean "replay"? run `rpcsim help` to see them all']);
    expect(captured.out).toEqual([]);
  });
});
