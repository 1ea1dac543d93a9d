// One description of a run: everything that decides what a seed does (scenario, seed, bugs,
// scheduling strategy, swarm, fault plan, network timing, the simulated code, the implementation
// under test). Built once from the command's flags; printed as the replay command; written as
// the trace file's header; read back by replay, shrink and explore. Two runs with equal
// descriptions give the same trace, byte for byte; when they differ, `differingFields` names how.

import type { FaultPlan } from '../faults/plan.ts';
import type { NetTiming } from '../net/timing.ts';
import { DEFAULT_PCT, type PctOptions } from '../explore/pct.ts';

/** A user's own servers (`--impl DIR`): where they are and a hash of their sources. */
export interface ImplementationUnderTest {
  readonly path: string;
  readonly sourceHash: string;
}

/** Where the fault plan came from: the scenario's own (or swarm's draw), or a plan file. */
export type PlanSource = { readonly kind: 'scenario' } | { readonly kind: 'file'; readonly path: string; readonly faults: FaultPlan };

export interface RunDescription {
  readonly scenario: string;
  readonly seed: number;
  /** Catalogued bugs switched on, sorted and without repeats. */
  readonly bugs: readonly string[];
  /** How scheduling ties are decided: the seeded chooser, or PCT priorities. */
  readonly strategy: 'random' | 'pct';
  /** PCT's depth and step window; null unless strategy is pct. */
  readonly pct: PctOptions | null;
  /** Swarm mode: the seed also picks the fault mix and the network weather. */
  readonly swarm: boolean;
  readonly plan: PlanSource;
  /** Network timing overrides (a lesson's own weather); null: the defaults. */
  readonly timing: Partial<NetTiming> | null;
  /** `codeFingerprint()` of the program that ran (or is about to run). */
  readonly code: string;
  /** The implementation under test; null: the reference servers (with `bugs`). */
  readonly impl: ImplementationUnderTest | null;
}

export interface DescriptionInput {
  readonly scenario: string;
  readonly seed: number;
  readonly bugs?: Iterable<string>;
  readonly strategy?: 'random' | 'pct';
  readonly pct?: PctOptions;
  readonly swarm?: boolean;
  readonly plan?: PlanSource;
  readonly timing?: Partial<NetTiming> | null;
  readonly code: string;
  readonly impl?: ImplementationUnderTest | null;
}

export function describeRun(input: DescriptionInput): RunDescription {
  const strategy = input.strategy ?? 'random';
  return {
    scenario: input.scenario,
    seed: input.seed,
    bugs: [...new Set(input.bugs ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    strategy,
    pct: strategy === 'pct' ? (input.pct ?? DEFAULT_PCT) : null,
    swarm: input.swarm ?? false,
    plan: input.plan ?? { kind: 'scenario' },
    timing: input.timing ?? null,
    code: input.code,
    impl: input.impl ?? null,
  };
}

/** The same run with another seed (explore's seeds, shrink's candidates keep the rest). */
export function withSeed(description: RunDescription, seed: number): RunDescription {
  return { ...description, seed };
}

/** The same run with a plan file (what shrink writes) instead of the scenario's plan. */
export function withPlanFile(description: RunDescription, path: string, faults: FaultPlan): RunDescription {
  return { ...description, plan: { kind: 'file', path, faults } };
}

/**
 * The `rpcsim replay` arguments that reproduce the run. Timing overrides and PCT options other
 * than the defaults have no flag (the CLI never sets them): such a run replays from its trace file.
 */
export function replayArgs(description: RunDescription): string[] {
  const args = ['replay', description.scenario, '--seed', String(description.seed)];
  for (const bug of description.bugs) args.push('--bug', bug);
  if (description.swarm) args.push('--swarm');
  if (description.strategy === 'pct') args.push('--strategy', 'pct');
  if (description.plan.kind === 'file') args.push('--plan', description.plan.path);
  if (description.impl !== null) args.push('--impl', description.impl.path);
  return args;
}

/** `npx rpcsim replay ...`, quoted for a POSIX shell where a word needs it. */
export function replayCommandLine(description: RunDescription): string {
  return ['npx', 'rpcsim', ...replayArgs(description)].map(shellWord).join(' ');
}

export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The fields (in declaration order) whose values differ; `code` is one of them. */
export function differingFields(a: RunDescription, b: RunDescription): (keyof RunDescription)[] {
  const keys: (keyof RunDescription)[] = ['scenario', 'seed', 'bugs', 'strategy', 'pct', 'swarm', 'plan', 'timing', 'code', 'impl'];
  return keys.filter((key) => canonical(planForCompare(a, key)) !== canonical(planForCompare(b, key)));
}

/** A plan file's path does not change a run; its faults do. */
function planForCompare(d: RunDescription, key: keyof RunDescription): unknown {
  if (key !== 'plan') return d[key];
  return d.plan.kind === 'file' ? d.plan.faults : null;
}

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const entries = Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return Object.fromEntries(entries);
  }) ?? 'undefined';
}

/** One field's value as a person reads it, for "seed: the file has 29, this command has 99". */
export function showField(description: RunDescription, key: keyof RunDescription): string {
  const value = description[key];
  if (key === 'plan') return description.plan.kind === 'file' ? `${description.plan.faults.length} fault(s) from ${description.plan.path}` : "the scenario's own";
  if (key === 'bugs') return description.bugs.length === 0 ? 'none' : description.bugs.join(', ');
  return value === null ? 'none' : typeof value === 'object' ? canonical(value) : String(value);
}
