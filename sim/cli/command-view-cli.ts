// `rpcsim view <scenario> --seed N [--bug NAME]... [--swarm] [--plan FILE]` or `rpcsim view
// --trace FILE`: writes the run as one self-contained HTML page (the space-time diagram, with
// replay and branching in the page) and prints its path; with --format chrome or shiviz, writes
// that export instead.

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildViewModel } from '../view/build-model.ts';
import { chromeTrace } from '../view/export-chrome.ts';
import { shivizLog } from '../view/export-shiviz.ts';
import { shownPath, writeViewPage } from './view-page-file-cli.ts';
import { reproduceCommand, viewMetaOf } from '../view/meta.ts';
import type { ViewModel } from '../view/view-model.ts';
import type { Catalogue } from './catalogue.ts';
import { describeFromFlags, runOptionsOf } from './run-setup.ts';
import type { CommandHandler } from './extra-commands.ts';
import type { Flags } from './main.ts';
import { readTraceFile } from './trace-file.ts';
import { fileWriteError, UsageError } from './usage-error.ts';
import { wallMillis } from '../bench/wallclock.ts';

const FORMATS = ['html', 'chrome', 'shiviz'] as const;
type Format = (typeof FORMATS)[number];
const EXTENSION: Record<Format, string> = { html: 'html', chrome: 'chrome.json', shiviz: 'shiviz.log' };

function parseFormat(text: string | undefined): Format {
  if (text === undefined) return 'html';
  if (!(FORMATS as readonly string[]).includes(text)) throw new UsageError(`bad --format "${text}": give html (the page), chrome (Perfetto / chrome://tracing) or shiviz`);
  return text as Format;
}

async function modelFromRun(catalogue: Catalogue, scenarioArg: string | undefined, flags: Flags): Promise<ViewModel> {
  const description = describeFromFlags(catalogue, 'view', scenarioArg, flags, 1);
  const result = await catalogue.run(description.scenario, runOptionsOf(description, true));
  return buildViewModel(result.trace, viewMetaOf(result, description.bugs, description.swarm, flags.plan ?? null, description));
}

/** A trace file is drawn as recorded. Its fault plan (which a branch adds to) is the plan file's,
 *  or, for the scenario's own plan, the one a run of the same description draws (without a trace). */
async function modelFromTraceFile(catalogue: Catalogue, path: string): Promise<ViewModel> {
  const file = readTraceFile(path);
  const run = file.run;
  const faults = run.plan.kind === 'file' ? run.plan.faults : (await catalogue.run(run.scenario, runOptionsOf(run, false))).faults;
  const events = file.events;
  return buildViewModel(events, {
    scenario: run.scenario,
    seed: run.seed,
    bugs: run.bugs,
    swarm: run.swarm,
    strategy: run.strategy,
    pct: run.pct,
    verdict: file.verdict,
    detail: null,
    hash: file.hash,
    faults,
    replay: `npx rpcsim replay --trace ${path}`,
    events: events.length,
    endMicros: events.length === 0 ? 0 : events[events.length - 1]!.t,
  });
}

export function viewCommand(pageEntry: URL): CommandHandler {
  return async (catalogue, target, flags) => {
    const format = parseFormat(flags.format);
    if (flags.trace !== undefined && (target !== undefined || flags.seed !== undefined || flags.bug !== undefined)) {
      throw new UsageError('view --trace FILE takes the scenario, seed and bugs from the file: leave out the scenario, --seed and --bug');
    }
    const started = wallMillis();
    const model = flags.trace !== undefined ? await modelFromTraceFile(catalogue, flags.trace) : await modelFromRun(catalogue, target, flags);
    const out = resolve(flags.out ?? `rpcsim-${model.meta.scenario}-seed${model.meta.seed}.${EXTENSION[format]}`);
    let bytes: number;
    if (format === 'html') bytes = (await writeViewPage(out, model, pageEntry)).bytes;
    else {
      const text = format === 'chrome' ? JSON.stringify(chromeTrace(model)) : shivizLog(model);
      try {
        writeFileSync(out, text);
      } catch (error) {
        throw fileWriteError(`${format} file`, flags.out ?? out, error);
      }
      bytes = Buffer.byteLength(text);
    }
    const verdict = model.meta.verdict === 'ok' ? 'PASS' : `FAIL ${model.meta.verdict}`;
    const n = (count: number, what: string): string => `${count} ${what}${count === 1 ? '' : 's'}`;
    console.log(`${verdict} · ${n(model.meta.events, 'trace event')} · ${n(model.messages.sendMicros.length, 'message')}, ${n(model.failures.length, 'failed call')}, ${n(model.marks.length, 'mark')}, ${n(model.ops.length, 'client operation')}`);
    console.log(`wrote ${shownPath(out)} (${(bytes / 1_000_000).toFixed(1)} MB, ${((wallMillis() - started) / 1000).toFixed(1)} s)`);
    if (format === 'html') console.log(`open it in a browser: no network needed. The same run: ${model.meta.replay === '' ? reproduceCommand(model.meta.scenario, model.meta.seed, model.meta.bugs, model.meta.swarm, null, model.meta) : model.meta.replay}`);
    return 0;
  };
}
