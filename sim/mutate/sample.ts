// Which mutants a `npm run mutants` run tries: every site of every protocol file, in an order
// shuffled by the sample seed (Fisher-Yates over a seeded stream), so `--sample N --seed S` names
// the same N mutants on any machine and a survivor can be looked at again.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { streamFor } from '../kernel/rng.ts';
import { mutationsOf } from './operators.ts';
import { nameMutations, type NamedMutation } from './site.ts';

/** The protocol sources mutated: the reference servers and clerks and their constants. */
export const MUTATED_FILES: readonly string[] = [
  'protocol/pbservice/server.ts',
  'protocol/pbservice/client.ts',
  'protocol/pbservice/common.ts',
  'protocol/viewservice/server.ts',
  'protocol/viewservice/client.ts',
  'protocol/viewservice/common.ts',
];

export function allMutations(root: string, files: readonly string[] = MUTATED_FILES): NamedMutation[] {
  return files.flatMap((file) => {
    const source = readFileSync(join(root, file), 'utf8');
    return nameMutations(source, mutationsOf(file, source));
  });
}

export function sampleMutations<M>(mutations: readonly M[], count: number, seed: number): M[] {
  const order = [...mutations];
  const stream = streamFor(seed, 'workload');
  for (let i = order.length - 1; i > 0; i--) {
    const j = stream.below(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.slice(0, count);
}
