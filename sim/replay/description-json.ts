// A run description as JSON (the `run` field of a trace file's header, `--json` output), and
// reading one back with every field checked: a damaged or hand-edited header is named in one
// line, never a stack trace, and never a run with a seed the flags could not have given.

import type { FaultPlan } from '../faults/plan.ts';
import type { NetTiming } from '../net/timing.ts';
import type { PctOptions } from '../explore/pct.ts';
import type { ImplementationUnderTest, PlanSource, RunDescription } from './run-description.ts';

/** A field of a description read from JSON is missing or wrong; the message names it. */
export class DescriptionError extends Error {
  override readonly name = 'DescriptionError';
}

/** Checks a fault plan read from JSON (the CLI's plan-file reader), throwing on the first fault. */
export type PlanChecker = (where: string, data: unknown) => FaultPlan;

const TIMING_KEYS: ReadonlySet<string> = new Set(['wakeMicrosMin', 'wakeMicrosMax', 'encodeMicrosMin', 'encodeMicrosMax', 'backlogMax', 'receiveQueueMax']);

export function descriptionToJSON(description: RunDescription): Record<string, unknown> {
  return { ...description };
}

export function descriptionFromJSON(where: string, value: unknown, checkPlan: PlanChecker): RunDescription {
  const o = object(where, value);
  const field = (name: string): unknown => o[name];
  const bad = (name: string, what: string): DescriptionError => new DescriptionError(`${where}: "${name}" must be ${what}`);
  const scenario = field('scenario');
  if (typeof scenario !== 'string' || scenario.length === 0) throw bad('scenario', 'a scenario name');
  const seed = field('seed');
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) throw bad('seed', 'a whole number from 0 to 2^53-1');
  const bugs = field('bugs');
  if (!Array.isArray(bugs) || !bugs.every((b) => typeof b === 'string')) throw bad('bugs', 'a list of bug names');
  const strategy = field('strategy');
  if (strategy !== 'random' && strategy !== 'pct') throw bad('strategy', '"random" or "pct"');
  const swarm = field('swarm');
  if (typeof swarm !== 'boolean') throw bad('swarm', 'true or false');
  const code = field('code');
  if (typeof code !== 'string') throw bad('code', 'the code fingerprint, a string');
  return {
    scenario,
    seed,
    bugs: bugs as string[],
    strategy,
    pct: strategy === 'pct' ? pctOf(field('pct'), () => bad('pct', '{"depth": whole number ≥ 1, "maxSteps": whole number ≥ 1}')) : null,
    swarm,
    plan: planOf(where, field('plan'), checkPlan, () => bad('plan', '{"kind":"scenario"} or {"kind":"file","path":...,"faults":[...]}')),
    timing: timingOf(field('timing'), () => bad('timing', 'null or an object of whole-number timing fields')),
    code,
    impl: implOf(field('impl'), () => bad('impl', 'null or {"path": string, "sourceHash": string}')),
  };
}

function object(where: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new DescriptionError(`${where}: expected a run description (a JSON object)`);
  return value as Record<string, unknown>;
}

const wholeAtLeast = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= min;

function pctOf(value: unknown, bad: () => DescriptionError): PctOptions {
  if (typeof value !== 'object' || value === null) throw bad();
  const { depth, maxSteps } = value as Record<string, unknown>;
  if (!wholeAtLeast(depth, 1) || !wholeAtLeast(maxSteps, 1)) throw bad();
  return { depth, maxSteps };
}

function planOf(where: string, value: unknown, checkPlan: PlanChecker, bad: () => DescriptionError): PlanSource {
  if (typeof value !== 'object' || value === null) throw bad();
  const p = value as Record<string, unknown>;
  if (p['kind'] === 'scenario') return { kind: 'scenario' };
  if (p['kind'] !== 'file' || typeof p['path'] !== 'string') throw bad();
  return { kind: 'file', path: p['path'], faults: checkPlan(`${where}: plan.faults`, p['faults']) };
}

function timingOf(value: unknown, bad: () => DescriptionError): Partial<NetTiming> | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw bad();
  const entries = Object.entries(value as Record<string, unknown>);
  if (!entries.every(([k, v]) => TIMING_KEYS.has(k) && wholeAtLeast(v, 0))) throw bad();
  return Object.fromEntries(entries) as Partial<NetTiming>;
}

function implOf(value: unknown, bad: () => DescriptionError): ImplementationUnderTest | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') throw bad();
  const { path, sourceHash } = value as Record<string, unknown>;
  if (typeof path !== 'string' || typeof sourceHash !== 'string') throw bad();
  return { path, sourceHash };
}
