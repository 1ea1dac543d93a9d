// `rpcsim teach breakpoint [--seed N] [--mode task|process]`: why a test can pass under a
// debugger breakpoint and fail without one. The same scenario and seed three ways, each with the
// trace lines that matter: as is (it fails), under a modelled breakpoint (it passes, and the
// lesson says which event moved), and replayed under a real breakpoint (identical to as is).

import type { Catalogue } from '../../sim/cli/catalogue.ts';
import type { Flags } from '../../sim/cli/main.ts';
import { parseSeed } from '../../sim/cli/options.ts';
import { paint } from '../../sim/cli/style-cli.ts';
import { UsageError, unknownNameError } from '../../sim/cli/usage-error.ts';
import { describeBreakpoint, type HoldMode } from '../../sim/faults/breakpoint.ts';
import { describePlan } from '../../sim/faults/plan.ts';
import { explainCallFailures, explainLine } from '../../sim/trace/explain.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { renderTextLine } from '../../sim/trace/render-text.ts';
import { BACKUP, PRIMARY } from './teach-breakpoint-events.ts';
import { LESSON_SEED, teachBreakpoint, type Lesson, type LessonRun } from './teach-breakpoint-lesson.ts';
import { BREAKPOINT_RACE } from './teach-breakpoint-race.ts';
import { diedInsideForward, whatFollowed, whatMoved } from './teach-breakpoint-story.ts';
import { printNextSteps } from './next-steps.ts';
import { buildViewModel } from '../../sim/view/build-model.ts';
import { viewMetaOf } from '../../sim/view/meta.ts';
import { shownPath, writeViewPage } from '../../sim/cli/view-page-file-cli.ts';
import { implementationFlag, implementationText } from '../../sim/cli/impl-flag.ts';
import { shellWord } from '../../sim/replay/run-description.ts';
import type { ImplementationRef } from '../../sim/cli/catalogue.ts';
import { loadImplementation } from '../implementation-loader.ts';
import { EXIT_DIVERGED } from '../../sim/cli/flags-per-command.ts';
import { viewPageEntry } from '../init-command.ts';

const LESSONS = ['breakpoint'] as const;
const MODES: readonly HoldMode[] = ['task', 'process'];
const INDENT = '               ';

export async function teachCommand(catalogue: Catalogue, target: string | undefined, flags: Flags): Promise<number> {
  if (target === undefined) throw new UsageError('teach needs a lesson: rpcsim teach breakpoint');
  if (!(LESSONS as readonly string[]).includes(target)) throw unknownNameError('lesson', target, LESSONS, 'help teach');
  const mode = flags.mode ?? 'task';
  if (!(MODES as readonly string[]).includes(mode)) throw new UsageError(`bad --mode "${mode}": give task (hold one goroutine) or process (stop the whole primary)`);
  const seed = flags.seed === undefined ? LESSON_SEED : parseSeed(flags.seed);
  // A page re-runs its scenario in the browser with the reference servers: it cannot load yours.
  if (flags.html === true && flags.impl !== undefined) throw new UsageError('teach --html draws the lesson on the reference servers (the page re-runs them): leave out --impl, or drop --html');
  // The catalogue checks the path and says what is wrong with it; the lesson needs the servers themselves.
  const ref = await implementationFlag(catalogue, flags);
  const impl = ref === undefined ? undefined : (await loadImplementation(ref.path)).impl;
  const lesson = await teachBreakpoint({ seed, mode: mode as HoldMode, ...(impl === undefined ? {} : { impl }) });
  printLesson(lesson, ref);
  if (flags.html === true) await writeLessonPage(lesson, flags.out ?? `rpcsim-teach-breakpoint-seed${lesson.seed}.html`);
  // The lesson's runs are meant to fail and pass as the seed makes them; what must hold is that
  // the deterministic replay under a real breakpoint (c) is (a) again, byte for byte.
  const replayedSame = lesson.replayed === null || (lesson.replayed.hash === lesson.asIs.hash && lesson.replayed.divergence === null);
  return replayedSame ? 0 : EXIT_DIVERGED;
}

/** `--html`: the lesson's runs as one page, (a) on top with branching, (b) and (c) under it. */
async function writeLessonPage(lesson: Lesson, out: string): Promise<void> {
  const bugs = lesson.bug === null ? [] : [lesson.bug];
  // The breakpoint is not a fault plan: the command that gives these runs is the lesson's own.
  const replay = `npx rpcsim teach breakpoint --seed ${lesson.seed} --mode ${lesson.mode}`;
  const modelOf = (run: LessonRun) => buildViewModel(run.result.trace, { ...viewMetaOf(run.result, bugs, false), replay });
  const companions = [
    ...(lesson.modelled === null ? [] : [{ title: `(b) With a modelled debugger breakpoint (--mode ${lesson.mode}): ${verdict(lesson.modelled)}`, model: modelOf(lesson.modelled) }]),
    ...(lesson.replayed === null ? [] : [{ title: `(c) A real breakpoint in a deterministic replay: ${lesson.replayed.hash === lesson.asIs.hash ? 'identical to (a)' : 'DIFFERENT from (a)'}`, model: modelOf(lesson.replayed) }]),
  ];
  const heading = `rpcsim teach breakpoint --seed ${lesson.seed} --mode ${lesson.mode} · (a) As is: ${verdict(lesson.asIs)}`;
  const { path, bytes } = await writeViewPage(out, modelOf(lesson.asIs), viewPageEntry(), companions, heading);
  console.log('');
  console.log(`wrote ${shownPath(path)} (${(bytes / 1_000_000).toFixed(1)} MB): the ${1 + companions.length} runs drawn one under the other; open it in a browser`);
}

function printLesson(lesson: Lesson, ref: ImplementationRef | undefined): void {
  const { asIs, modelled, replayed, trigger } = lesson;
  console.log(paint('bold', 'Why the test passes under a breakpoint and fails without one'));
  const what = lesson.bug === null ? implementationText(ref, new Set()) : `bug ${lesson.bug}`;
  console.log(`seed ${lesson.seed} · scenario ${BREAKPOINT_RACE} · ${what} · faults: ${describePlan(asIs.result.faults)}`);
  console.log('One client appends to one key; the primary dies at a fixed virtual time, whatever it is doing.');
  console.log('');
  console.log(paint('bold', '(a) As is'));
  printRun(asIs);
  if (trigger === null || modelled === null || replayed === null) {
    console.log('');
    console.log(`${PRIMARY} was serving no Append when it died on this seed, so there is no breakpoint to set. Try --seed ${LESSON_SEED}.`);
    return;
  }
  const bp = { when: trigger, hold: lesson.mode, forMicros: lesson.holdMicros };
  console.log('');
  console.log(paint('bold', `(b) With a modelled debugger breakpoint (--mode ${lesson.mode})`));
  console.log(`${describeBreakpoint(bp).replace(/^b/, 'B')}.`);
  console.log(`(That PutAppend is the last one ${PRIMARY} read before it died in (a), read off (a)'s trace.)`);
  console.log(lesson.mode === 'task'
    ? `Only that goroutine stops; ${PRIMARY}'s tick() goroutine and every other process run on, and virtual time goes on.`
    : `All of ${PRIMARY} stops (as SIGSTOP would); every other process runs on, and virtual time goes on.`);
  printRun(modelled);
  console.log('');
  console.log(paint('bold', 'What moved'));
  for (const line of [...whatMoved(asIs.events, modelled.events, lesson.mode), ...whatFollowed(asIs.events, modelled.events, lesson.bug)]) {
    console.log(`  ${line}`);
  }
  console.log('');
  console.log(paint('bold', '(c) A real breakpoint, in a deterministic replay'));
  console.log(`Replayed (a)'s ${asIs.result.decisions.length} decisions and, at the same breakpoint, held the thread for ${replayed.realHeldMillis.toFixed(0)} ms of`);
  console.log(`real time (a busy-wait inside the breakpoint hook: what a debugger does; hit ${replayed.hits} time${replayed.hits === 1 ? '' : 's'}).`);
  if (replayed.divergence !== null) console.log(paint('red', `  the replay left (a)'s decision log: ${replayed.divergence}`));
  const same = replayed.hash === asIs.hash;
  console.log(`  trace fingerprint (a) ${asIs.hash}`);
  console.log(`  trace fingerprint (c) ${replayed.hash}  ${same ? paint('green', 'identical to (a)') : paint('red', 'DIFFERENT from (a)')} — ${verdict(replayed)}`);
  console.log(`  trace fingerprint (b) ${modelled.hash}  ${modelled.hash === asIs.hash ? 'identical to (a)' : 'different'} — ${verdict(modelled)}`);
  console.log('  No virtual time passes while a debugger holds the simulation: the run is (a) again, byte for byte.');
  console.log('  A real program under a debugger is (b): the other machines and the other goroutines keep going.');
  if (!diedInsideForward(asIs.events)) console.log(`  Seed ${lesson.seed} does not show the race; seed ${LESSON_SEED} does: npx rpcsim teach breakpoint --seed ${LESSON_SEED}`);
  console.log('');
  const otherMode = lesson.mode === 'task' ? 'process' : 'task';
  const implArg = ref === undefined ? '' : ` --impl ${shellWord(ref.path)}`;
  printNextSteps([
    [`npx rpcsim teach breakpoint --seed ${lesson.seed} --mode ${otherMode}${implArg}`, `the same, stopping ${lesson.mode === 'task' ? `all of ${PRIMARY}` : 'one goroutine'}`],
    ...(lesson.bug === null ? [] : [['npx rpcsim bugs', `the bug ${lesson.bug} and the others`] as [string, string]]),
  ]);
}

function verdict(run: LessonRun): string {
  const result = run.result;
  return result.ok ? 'PASS' : `FAIL: ${result.reason}`;
}

/** The trace lines of the race, in order, each with what it means. */
function printRun(run: LessonRun): void {
  const e = run.events;
  const glosses = new Map<TraceEvent, string>();
  const add = (event: TraceEvent | null, gloss: string): void => {
    if (event !== null && !glosses.has(event)) glosses.set(event, gloss);
  };
  const value = e.op === null ? 'the Append' : `Append(${JSON.stringify(e.op.key)}, ${JSON.stringify(e.op.value)})`;
  add(e.received, `${PRIMARY} reads the client's ${value}`);
  add(e.forwardSent, `${PRIMARY} is now inside call(backup, "PBServer.Forward", ...)`);
  add(e.primaryDied, `${PRIMARY} dies (the fault plan)`);
  add(e.forwardRun, `${BACKUP} runs the Forward${e.primaryDied !== null && e.forwardRun !== null && e.forwardRun.t >= e.primaryDied.t ? ' anyway: the request was already in its socket' : ''}, and applies the Append`);
  add(e.forwardReplyLost, 'its reply has nobody to go to');
  const failure = explainCallFailures(run.result.trace).find((f) => f.event === e.clientSaw);
  add(e.clientSaw, failure === undefined ? "the client's call() returned" : `the client's call(): ${explainLine(failure)}`);
  const printed = e.clientSaw === null ? undefined : run.result.trace.find((x) => x.type === 'log' && x.t === e.clientSaw!.t && x.task === e.clientSaw!.task);
  add(printed ?? null, 'what the test printed: call() prints every error it gets');
  add(e.retryRun, `${BACKUP}, now primary, runs the client's retry of the same Append`);
  for (const event of run.result.trace) if (event.type === 'fault' && event.proc === 'debugger') add(event, 'the debugger');
  const index = new Map(run.result.trace.map((event, i) => [event, i] as const));
  const lines = [...glosses].sort(([x], [y]) => index.get(x)! - index.get(y)!);
  for (const [event, gloss] of lines) {
    console.log(renderTextLine(event));
    if (gloss !== 'the debugger') console.log(paint('cyan', `${INDENT}→ ${gloss}`));
  }
  const result = run.result;
  console.log(result.ok ? paint('green', 'PASS') : paint('red', `FAIL (${result.kind}): ${result.reason}`));
}
