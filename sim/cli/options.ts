// Parsing the options every command shares: --seed, --bug, and the scenario name, with the
// error a user can act on when one is wrong.

import type { Catalogue } from './catalogue.ts';
import { UsageError, unknownNameError } from './usage-error.ts';

export function parseSeed(text: string | undefined, flag = '--seed'): number {
  if (text === undefined) throw new UsageError(`${flag} needs a value: a non-negative integer, e.g. ${flag} 42`);
  const value = /^0x[0-9a-f]+$/i.test(text) ? Number.parseInt(text.slice(2), 16) : /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new UsageError(`bad seed "${text}": a seed is a non-negative integer below 2^53 (decimal, or hex with 0x), e.g. ${flag} 42`);
  }
  return value;
}

export function parseCount(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`bad ${flag} "${text}": give a positive whole number, e.g. ${flag} ${fallback}`);
  return Number(text);
}

export function checkScenario(catalogue: Catalogue, name: string | undefined, command: string): string {
  if (name === undefined) throw new UsageError(`${command} needs a scenario name: run \`rpcsim list\` to see them`);
  const names = catalogue.scenarios.map((s) => s.name);
  if (!names.includes(name)) throw unknownNameError('scenario', name, names, 'list');
  return name;
}

export function checkBugs(catalogue: Catalogue, names: readonly string[] | undefined): ReadonlySet<string> {
  const known = catalogue.bugs.map((b) => b.name);
  for (const name of names ?? []) if (!known.includes(name)) throw unknownNameError('bug', name, known, 'bugs');
  return new Set(names ?? []);
}
