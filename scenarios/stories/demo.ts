// `rpcsim demo` (what `npm start` runs): the story rpcsim exists for,
// told by running it. Every line the primary printed from a failed Forward, in Go's words, with
// what really happened, read off the trace (did the backup ever run that Forward?).

import type { Catalogue } from '../../sim/cli/catalogue.ts';
import type { Flags } from '../../sim/cli/main.ts';
import { parseSeed } from '../../sim/cli/options.ts';
import { paint } from '../../sim/cli/style-cli.ts';
import { explainCallFailures, explainLine } from '../../sim/trace/explain.ts';
import { formatMicros } from '../../sim/trace/render-text.ts';
import { traceHash } from '../../sim/trace/hash.ts';
import { printNextSteps } from './next-steps.ts';

/** A seed whose run shows all three of the story's errors (see the README): the smallest when it was
 *  chosen; kept when later timing changes made seed 4 show them too, so the README's quotes hold. */
export const STORY_SEED = 5;

export async function demoCommand(catalogue: Catalogue, _target: string | undefined, flags: Flags): Promise<number> {
  const seed = flags.seed === undefined ? STORY_SEED : parseSeed(flags.seed);
  const result = await catalogue.run('forward-crash', { seed, bugs: new Set(), trace: true });
  console.log(paint('bold', 'The story: "unexpected EOF" while the primary is inside call(backup, "PBServer.Forward", ...)'));
  console.log(`seed ${seed} · replay it: npx rpcsim replay forward-crash --seed ${seed}`);
  console.log('');
  console.log('A primary/backup key/value service, on a virtual clock. The backup runs the 6.824 unreliable');
  console.log('accept loop, then is replaced by one that crashes in the middle of a Forward. What the primary');
  console.log('printed, and what really happened (read off the trace, not guessed from the text):');
  console.log('');
  for (const failure of explainCallFailures(result.trace)) {
    if (failure.event.method !== 'PBServer.Forward') continue;
    console.log(`${formatMicros(failure.event.t)} ${failure.event.proc.padEnd(3)} ${failure.event.error}`);
    console.log(`            ${paint(failure.executed === 'no' ? 'cyan' : 'yellow', `→ ${explainLine(failure)}`)}`);
  }
  console.log('');
  if (result.ok) {
    console.log(paint('green', `PASS: the primary retried every failed Forward instead of answering, so no acknowledged Put was lost.`));
  } else {
    console.log(paint('red', `FAIL (${result.kind}): ${result.reason}`));
  }
  console.log(`${(result.virtualMicros / 1e6).toFixed(1)} s of virtual time, ${result.events} events, trace fingerprint ${traceHash(result.trace)}.`);
  console.log('');
  printNextSteps([
    [`npx rpcsim run forward-crash --seed ${seed} --full`, 'every event of this run'],
    ['npx rpcsim explore forward-crash --bug ignore-forward-result', 'the story\'s "fix", shown wrong'],
    ['npx rpcsim teach breakpoint', 'why a breakpoint hides the race'],
  ]);
  return result.ok ? 0 : 1;
}
