// `rpcsim merge <file|dir|->`: joins the JSON lines that shards of `rpcsim explore --json` wrote
// (a file, every .jsonl file of a directory, or standard input) into one report: each failing
// seed's replay command and reason, in seed order, then per exploration how many seeds were
// checked and which shards are missing or stopped early. Exit 1 if any seed failed, 3 if none
// did but a shard is missing or partial (the range was not all checked), 0 otherwise, 2 on bad
// input.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { mergeLines, type MergedExploration } from '../explore/merge.ts';
import type { Catalogue } from './catalogue.ts';
import type { Flags } from './main.ts';
import { paint } from './style-cli.ts';
import { UsageError, fileReadError } from './usage-error.ts';

export async function mergeCommand(_catalogue: Catalogue, target: string | undefined, flags: Flags): Promise<number> {
  if (target === undefined) throw new UsageError('merge needs the shards\' output: a file, a directory of .jsonl files, or - for standard input');
  const merged = mergeLines(await readInputs(target));
  if (!merged.ok) throw new UsageError(`merge: ${merged.problem}`);
  let failures = 0;
  let incomplete = false;
  for (const exploration of merged.explorations) {
    failures += exploration.failures.length;
    incomplete ||= exploration.shardsMissing.length > 0 || exploration.shardsPartial.length > 0;
    for (const line of flags.json === true ? jsonLines(exploration) : textLines(exploration)) console.log(line);
  }
  if (failures > 0) return 1;
  return incomplete ? 3 : 0;
}

async function readInputs(target: string): Promise<{ name: string; text: string }[]> {
  if (target === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return [{ name: 'stdin', text: Buffer.concat(chunks).toString('utf8') }];
  }
  try {
    if (!statSync(target).isDirectory()) return [{ name: target, text: readFileSync(target, 'utf8') }];
    const files = readdirSync(target).filter((f) => f.endsWith('.jsonl')).sort((a, b) => a.localeCompare(b));
    if (files.length === 0) throw new UsageError(`merge: ${target} holds no .jsonl files`);
    return files.map((f) => ({ name: join(target, f), text: readFileSync(join(target, f), 'utf8') }));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw fileReadError('shard output', target, error);
  }
}

function textLines(m: MergedExploration): string[] {
  const lines = [`merge ${m.label} · ${m.shardsSeen.length} of ${m.shardCount} ${m.shardCount === 1 ? 'shard' : 'shards'}`];
  for (const f of m.failures) lines.push(paint('red', `replay: ${f.replay}`), `  FAIL ${f.scenario}, seed ${f.seed}${f.strategy === undefined ? '' : `, ${f.strategy}`} (${f.kind}): ${f.reason}`);
  const gaps = [
    ...(m.shardsMissing.length > 0 ? [`missing shards ${m.shardsMissing.map((i) => `${i}/${m.shardCount}`).join(', ')}`] : []),
    ...(m.shardsPartial.length > 0 ? [`stopped early: ${m.shardsPartial.map((i) => `${i}/${m.shardCount}`).join(', ')}`] : []),
  ];
  const seeds = `${m.checked} of ${m.seeds} seeds checked · ${m.runs} runs · ${m.wallSeconds.toFixed(2)} s of shard wall time`;
  const tail = gaps.length > 0 ? ` · ${gaps.join(' · ')}` : '';
  if (m.failures.length > 0) lines.push(paint('red', `FOUND ${m.failures.length === 1 ? '1 failing seed' : `${m.failures.length} failing seeds`} · ${seeds}${tail}`));
  else if (gaps.length > 0) lines.push(paint('yellow', `INCOMPLETE: no failing seed in what came back · ${seeds}${tail}`));
  else lines.push(paint('green', `PASS: no failing seed · ${seeds}`));
  return lines;
}

function jsonLines(m: MergedExploration): string[] {
  const { failures, ...rest } = m;
  return [...failures.map((f) => JSON.stringify(f)), JSON.stringify({ type: 'merged', ...rest, failures: failures.length })];
}
