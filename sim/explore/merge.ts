// `rpcsim merge`: joins the JSON lines of an exploration's shards (from `explore --json`, one
// process or machine each) into one report. Lines are grouped by exploration (scenario, bugs,
// strategy, range); each group says which shards came back, which are missing, and whether each
// checked its whole slice, so a lost pod or a cancelled CI job is never read as "no failure".

export interface FailureLine {
  readonly type: 'failure';
  readonly scenario: string;
  readonly seed: number;
  readonly strategy?: string;
  readonly kind: string;
  readonly reason: string;
  readonly replay: string;
}

interface SummaryLine {
  readonly type: 'summary';
  readonly exploration?: string;
  readonly scenario: string;
  readonly from: number;
  readonly seeds: number;
  readonly shard: string | null;
  readonly checked: number;
  readonly complete: boolean;
  readonly runs: number;
  readonly wallSeconds: number;
}

export interface MergedExploration {
  /** "partition1 · bugs: get-not-forwarded · strategy: portfolio (...) · range 1..1000" */
  readonly label: string;
  readonly shardCount: number;
  readonly shardsSeen: readonly number[];
  readonly shardsMissing: readonly number[];
  /** Shards that stopped early (first failure, Ctrl-C) and so did not check their whole slice. */
  readonly shardsPartial: readonly number[];
  readonly checked: number;
  readonly seeds: number;
  readonly runs: number;
  readonly wallSeconds: number;
  readonly failures: readonly FailureLine[];
}

export type MergeResult = { readonly ok: true; readonly explorations: readonly MergedExploration[] } | { readonly ok: false; readonly problem: string };

/** Lines of one exploration share its label (what is explored, the same in every shard). */
function keyOf(line: { exploration?: unknown; scenario: string }): string {
  return typeof line.exploration === 'string' ? line.exploration : line.scenario;
}

/** Parses every line of every input (blank lines skipped); a line that is not ours is a problem. */
export function mergeLines(inputs: readonly { readonly name: string; readonly text: string }[]): MergeResult {
  const summaries = new Map<string, SummaryLine[]>();
  const failures = new Map<string, Map<string, FailureLine>>();
  for (const { name, text } of inputs) {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const raw = lines[i]!.trim();
      if (raw === '') continue;
      let line: { type?: unknown; scenario?: unknown; seed?: unknown };
      try {
        line = JSON.parse(raw) as typeof line;
      } catch {
        return { ok: false, problem: `${name}:${i + 1} is not JSON: merge reads what \`rpcsim explore --json\` prints` };
      }
      if (typeof line.scenario !== 'string' || (line.type !== 'failure' && line.type !== 'summary')) {
        return { ok: false, problem: `${name}:${i + 1} is not a failure or summary line of \`rpcsim explore --json\`` };
      }
      const key = keyOf(line as SummaryLine);
      if (line.type === 'summary') summaries.set(key, [...(summaries.get(key) ?? []), line as SummaryLine]);
      else {
        const byRun = failures.get(key) ?? new Map<string, FailureLine>();
        byRun.set(`${line.scenario} ${String(line.seed)}`, line as FailureLine);
        failures.set(key, byRun);
      }
    }
  }
  const explorations: MergedExploration[] = [];
  for (const key of [...new Set([...summaries.keys(), ...failures.keys()])].sort((a, b) => a.localeCompare(b))) {
    const merged = mergeGroup(summaries.get(key) ?? [], [...(failures.get(key)?.values() ?? [])]);
    if (typeof merged === 'string') return { ok: false, problem: merged };
    explorations.push(merged);
  }
  if (explorations.length === 0) return { ok: false, problem: 'no lines to merge: give the files `rpcsim explore --json` wrote' };
  return { ok: true, explorations };
}

function mergeGroup(summaries: readonly SummaryLine[], failures: readonly FailureLine[]): MergedExploration | string {
  const first = summaries[0];
  if (first === undefined) return `failures of ${failures[0]!.scenario} without a summary line: a shard's output was cut short`;
  const label = `${first.exploration ?? first.scenario} · range ${first.from}..${first.from + first.seeds - 1}`;
  const shardCount = first.shard === null ? 1 : Number(first.shard.split('/')[1]);
  const seen = new Map<number, SummaryLine>();
  for (const summary of summaries) {
    if (summary.from !== first.from || summary.seeds !== first.seeds) return `${label}: shards of different seed ranges (--from ${summary.from} --seeds ${summary.seeds}) cannot be merged`;
    const [index, total] = summary.shard === null ? [1, 1] : summary.shard.split('/').map(Number);
    if (total !== shardCount) return `${label}: shard ${summary.shard ?? 'none'} does not split the range into ${shardCount} like the others`;
    if (seen.has(index!)) return `${label}: shard ${index}/${shardCount} appears twice`;
    seen.set(index!, summary);
  }
  const all = Array.from({ length: shardCount }, (_, i) => i + 1);
  const sum = (f: (s: SummaryLine) => number): number => [...seen.values()].reduce((acc, s) => acc + f(s), 0);
  return {
    label,
    shardCount,
    shardsSeen: all.filter((i) => seen.has(i)),
    shardsMissing: all.filter((i) => !seen.has(i)),
    shardsPartial: all.filter((i) => seen.get(i)?.complete === false),
    checked: sum((s) => s.checked),
    seeds: first.seeds,
    runs: sum((s) => s.runs),
    wallSeconds: sum((s) => s.wallSeconds),
    failures: [...failures].sort((a, b) => a.seed - b.seed || a.scenario.localeCompare(b.scenario)),
  };
}
