// `rpcsim teach breakpoint` on its default seed: the race fails the test as is, a modelled
// breakpoint (one goroutine or the whole primary, one virtual second) makes it pass, a real
// breakpoint in a replay of (a) changes nothing at all, and the lesson names the event that moved.

import { describe, expect, it } from 'vitest';
import { LESSON_SEED, teachBreakpoint, type Lesson } from '../../scenarios/stories/teach-breakpoint-lesson.ts';
import { diedInsideForward, secs, whatFollowed, whatMoved } from '../../scenarios/stories/teach-breakpoint-story.ts';
import type { HoldMode } from '../../sim/faults/breakpoint.ts';
import { runScenarioWith } from '../../scenarios/framework/run.ts';
import { breakpointRaceScenario } from '../../scenarios/stories/teach-breakpoint-race.ts';

const lessons = new Map<HoldMode, Promise<Lesson>>();
function lesson(mode: HoldMode): Promise<Lesson> {
  if (!lessons.has(mode)) lessons.set(mode, teachBreakpoint({ seed: LESSON_SEED, mode, realHoldMillis: 30 }));
  return lessons.get(mode)!;
}

describe('teach breakpoint, on the default seed', () => {
  it('should fail as is: the primary dies inside call(backup, "PBServer.Forward", ...) and the retry is applied twice', async () => {
    const { asIs } = await lesson('task');
    expect(asIs.result.ok).toBe(false);
    expect(asIs.result.ok ? '' : asIs.result.reason).toBe('duplicate element in Append result');
    expect(diedInsideForward(asIs.events)).toBe(true);
    expect(asIs.events.forwardRun).not.toBeNull();
    expect(asIs.events.clientSaw?.error).toBe('unexpected EOF');
  });

  it('should pass as is with the correct implementation: the bug is what turns the race into a failure', async () => {
    const result = await runScenarioWith(breakpointRaceScenario(), { seed: LESSON_SEED, trace: false });
    expect(result.ok).toBe(true);
  });

  for (const mode of ['task', 'process'] as const) {
    it(`should pass under a modelled breakpoint in ${mode} mode, with the Forward never sent`, async () => {
      const { modelled, trigger } = await lesson(mode);
      expect(trigger).not.toBeNull();
      expect(modelled?.result.ok).toBe(true);
      expect(modelled?.events.received).not.toBeNull();
      expect(modelled?.events.forwardSent).toBeNull();
    });
  }

  it('should replay (a) byte for byte while a real breakpoint holds the thread, and differ from (b)', async () => {
    const { asIs, modelled, replayed } = await lesson('task');
    expect(replayed?.divergence).toBeNull();
    expect(replayed?.hits).toBe(1);
    expect(replayed?.realHeldMillis).toBeGreaterThanOrEqual(30);
    expect(replayed?.hash).toBe(asIs.hash);
    expect(replayed?.result.ok).toBe(false);
    expect(modelled?.hash).not.toBe(asIs.hash);
  });

  it('should name the event that moved, with the times read off the two traces', async () => {
    const { asIs, modelled, mode, bug } = await lesson('task');
    const text = [...whatMoved(asIs.events, modelled!.events, mode), ...whatFollowed(asIs.events, modelled!.events, bug)].join('\n');
    expect(text).toContain('The event that moved is the Forward');
    expect(text).toContain(`sent it at ${secs(asIs.events.forwardSent)}`);
    expect(text).toContain('so the Forward was never sent');
    expect(text).toContain(`did not move (${secs(asIs.events.primaryDied)} both times)`);
    expect(text).toContain(`ran this Append twice: from the Forward at ${secs(asIs.events.forwardRun)}`);
  });
});
