// `--shard env`: a batch engine says which slice of the seeds this process runs through its
// environment, so one command line serves every shard. Read in this order:
//   RPCSIM_SHARD="K/N"                          anything (a CI matrix sets it per job)
//   JOB_COMPLETION_INDEX=i, RPCSIM_SHARD_COUNT=N Kubernetes Indexed Jobs (i counts from 0)
//   CI_NODE_INDEX=K, CI_NODE_TOTAL=N             GitLab CI `parallel:` (K counts from 1)
// Each is turned into a 1-based shard K/N, or a sentence saying what is missing or wrong.

import type { Shard } from './seeds.ts';

export type ShardFromEnv = { readonly ok: true; readonly shard: Shard; readonly source: string } | { readonly ok: false; readonly problem: string };

export function parseShardText(text: string): Shard | null {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (match === null || !Number.isSafeInteger(total) || total < 1 || index < 1 || index > total) return null;
  return { index, total };
}

function wholeNumber(text: string | undefined): number | null {
  if (text === undefined || !/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return Number.isSafeInteger(n) ? n : null;
}

export function shardFromEnvironment(env: Readonly<Record<string, string | undefined>>): ShardFromEnv {
  const own = env['RPCSIM_SHARD'];
  if (own !== undefined) {
    const shard = parseShardText(own);
    return shard === null ? { ok: false, problem: `RPCSIM_SHARD="${own}" is not K/N with 1 ≤ K ≤ N` } : { ok: true, shard, source: 'RPCSIM_SHARD' };
  }
  const k8sIndex = env['JOB_COMPLETION_INDEX'];
  if (k8sIndex !== undefined) {
    const index = wholeNumber(k8sIndex);
    const total = wholeNumber(env['RPCSIM_SHARD_COUNT']);
    if (total === null || total < 1) return { ok: false, problem: 'JOB_COMPLETION_INDEX is set but RPCSIM_SHARD_COUNT is not a count: set it to the Job\'s completions' };
    if (index === null || index >= total) return { ok: false, problem: `JOB_COMPLETION_INDEX="${k8sIndex}" is not an index below RPCSIM_SHARD_COUNT=${total}` };
    return { ok: true, shard: { index: index + 1, total }, source: 'JOB_COMPLETION_INDEX' };
  }
  const ciIndex = env['CI_NODE_INDEX'];
  if (ciIndex !== undefined) {
    const shard = parseShardText(`${ciIndex}/${env['CI_NODE_TOTAL'] ?? ''}`);
    return shard === null ? { ok: false, problem: `CI_NODE_INDEX="${ciIndex}" and CI_NODE_TOTAL="${env['CI_NODE_TOTAL'] ?? ''}" are not K and N with 1 ≤ K ≤ N` } : { ok: true, shard, source: 'CI_NODE_INDEX' };
  }
  return { ok: false, problem: 'no shard in the environment: set RPCSIM_SHARD=K/N, or JOB_COMPLETION_INDEX with RPCSIM_SHARD_COUNT (Kubernetes), or CI_NODE_INDEX with CI_NODE_TOTAL (GitLab)' };
}
