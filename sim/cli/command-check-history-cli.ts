// `rpcsim check-history FILE [--timeout-ms N]`: checks a key/value history in porcupine's format
// (test/check/testdata/porcupine-kv) for linearizability. Exit 0 linearizable, 1 not (with the
// smallest part that cannot be linearised), 4 undecided within the time budget, 2 bad input (an empty history too).
// This file reads the wall clock for the time budget; the checker itself never does.

import { readFileSync } from 'node:fs';
import { checkKvHistory, formatLinearizabilityReport } from '../check/linearizability.ts';
import { HistoryFormatError, parsePorcupineKvHistory } from '../check/porcupine-format.ts';
import type { Catalogue } from './catalogue.ts';
import type { Flags } from './main.ts';
import { parseCount } from './options.ts';
import { paint } from './style-cli.ts';
import { UsageError, fileReadError } from './usage-error.ts';

const DEFAULT_TIMEOUT_MS = 10_000;
/** 3 means "a replay diverged" on every command, so undecided is 4. */
const EXIT_OF = { ok: 0, illegal: 1, unknown: 4 } as const;

export async function checkHistoryCommand(_catalogue: Catalogue, file: string | undefined, flags: Flags): Promise<number> {
  if (file === undefined) throw new UsageError('check-history needs a file: rpcsim check-history history.txt (porcupine\'s key/value format)');
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw fileReadError('history', file, error);
  }
  let history;
  try {
    history = parsePorcupineKvHistory(text);
  } catch (error) {
    if (error instanceof HistoryFormatError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
  if (history.length === 0) throw new UsageError(`${file} holds no operations: an empty history proves nothing; give a history with at least one invoke and its return`);
  const timeoutMs = parseCount(flags['timeout-ms'], '--timeout-ms', DEFAULT_TIMEOUT_MS);
  const started = performance.now();
  const checked = checkKvHistory(history, { deadline: () => performance.now() - started > timeoutMs });
  const ms = (performance.now() - started).toFixed(1);
  if (flags.json === true) {
    const base = { type: 'check-history', file, operations: history.length, result: checked.result, millis: Number(ms) };
    const extra = checked.result === 'illegal' ? { key: checked.report.key } : checked.result === 'unknown' ? { undecidedKeys: checked.undecidedKeys, exhaustedBy: checked.exhaustedBy } : { keysChecked: checked.keysChecked };
    console.log(JSON.stringify({ ...base, ...extra }));
    return EXIT_OF[checked.result];
  }
  switch (checked.result) {
    case 'ok':
      console.log(paint('green', `linearizable: ${history.length} operations on ${checked.keysChecked} key(s), decided in ${ms} ms`));
      return 0;
    case 'illegal':
      console.log(paint('red', `NOT linearizable (decided in ${ms} ms)`));
      console.log(formatLinearizabilityReport(checked.report));
      return 1;
    case 'unknown':
      console.log(paint('yellow', `unknown: the search ran out of ${checked.exhaustedBy === 'deadline' ? `time (${timeoutMs} ms)` : 'steps'} before deciding key(s) ${checked.undecidedKeys.join(', ')}; every other key is linearizable`));
      return EXIT_OF.unknown;
  }
}
