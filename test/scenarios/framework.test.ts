// The scenario framework's verdicts: how a run's stop becomes ok, safety, liveness or crash, with
// the Go message reaching `reason`; the catalogue's lookup; and the Go-test helpers' messages.

import { describe, expect, it } from 'vitest';
import { ReplayChooser, WaitGroup, sleep, traceHash } from '../../sim/index.ts';
import { checkAppends } from '../../scenarios/framework/checks.ts';
import { TestContext } from '../../scenarios/framework/context.ts';
import { sprintf } from '../../scenarios/framework/format.ts';
import { Future } from '../../scenarios/framework/future.ts';
import { SCENARIOS, TestFailure, findScenario, listScenarios, runScenario, runScenarioWith, type Scenario } from '../../scenarios/index.ts';
import { referenceImplementation } from '../../protocol/index.ts';

function scenario(run: Scenario['run'], boundMicros = 10_000_000): Scenario {
  return { name: 'inline', description: 'a scenario written for this test', boundMicros, run };
}

describe('the scenario catalogue', () => {
  it('should list every 2015 test first, in order, under its exact name, then the stories', () => {
    expect(SCENARIOS.map((s) => s.name).slice(0, 11)).toEqual([
      'viewservice',
      'basic-fail',
      'at-most-once',
      'fail-put',
      'concurrent-same',
      'concurrent-same-append',
      'concurrent-same-unreliable',
      'repeated-crash',
      'repeated-crash-unreliable',
      'partition1',
      'partition2',
    ]);
    expect(SCENARIOS.map((s) => s.name).slice(11)).toContain('forward-crash');
    expect(listScenarios().every((s) => s.description.length > 0 && !s.description.includes('\n'))).toBe(true);
  });

  it('should return undefined for an unknown name, and runScenario should refuse it', async () => {
    expect(findScenario('nope')).toBeUndefined();
    expect(findScenario('basic-fail')?.name).toBe('basic-fail');
    await expect(runScenario('nope', { seed: 1 })).rejects.toThrow(/unknown scenario "nope"/);
  });
});

describe('a run\'s verdict', () => {
  it('should be ok when the test returns', async () => {
    const result = await runScenarioWith(scenario(async () => { await sleep(1_000); }), { seed: 1 });
    expect(result.ok).toBe(true);
    expect(result.virtualMicros).toBe(1_000);
  });

  it('should be a safety failure whose reason is the Go message when the test calls Fatalf', async () => {
    const result = await runScenarioWith(scenario(async (t) => {
      await sleep(5);
      t.Fatalf('Get(%v) from backup; wanted %v, got %v', 0, '17', '');
    }), { seed: 1 });
    expect(result).toMatchObject({ ok: false, kind: 'safety', reason: 'Get(0) from backup; wanted 17, got ' });
  });

  it('should be a safety failure when a goroutine of the test calls Fatal', async () => {
    const result = await runScenarioWith(scenario(async (t) => {
      Future.go(async () => t.Fatal('child failed'), 'client0');
      await sleep(1_000_000);
    }), { seed: 1 });
    expect(result).toMatchObject({ ok: false, kind: 'safety', reason: 'child failed' });
  });

  it('should be a crash when some task throws anything else', async () => {
    const result = await runScenarioWith(scenario(async () => {
      throw new RangeError('index out of range');
    }), { seed: 1 });
    expect(result).toMatchObject({ ok: false, kind: 'crash' });
    if (!result.ok) expect(result.reason).toBe('panic in tester/main: RangeError: index out of range');
  });

  it('should be a liveness failure when the bound passes before the test returns', async () => {
    const result = await runScenarioWith(scenario(async () => { await sleep(60_000_000); }, 2_000_000), { seed: 1 });
    expect(result).toMatchObject({ ok: false, kind: 'liveness', reason: 'scenario did not finish within 2 s of virtual time' });
  });

  it('should be a liveness failure when every goroutine is asleep forever', async () => {
    const result = await runScenarioWith(scenario(async () => {
      const never = new WaitGroup();
      never.add(1);
      await never.wait();
    }), { seed: 1 });
    expect(result).toMatchObject({ ok: false, kind: 'liveness', reason: 'fatal error: all goroutines are asleep - deadlock!' });
  });

  it('should be a crash when a task awaits something the simulator does not control', async () => {
    const result = await runScenarioWith(scenario(async () => {
      await new Promise<never>(() => {});
    }), { seed: 1 });
    expect(result).toMatchObject({ ok: false, kind: 'crash', reason: 'tester/main is stuck: it awaited something the simulator does not control' });
  });
});

describe('the Go tests\' helpers', () => {
  it('should format like Go\'s %v and drop the trailing newline', () => {
    expect(sprintf('ck.Get() returned %v but expected %v\n', '01', '012')).toBe('ck.Get() returned 01 but expected 012');
    expect(sprintf('100%% %d', 3)).toBe('100% 3');
  });

  it('should report checkAppends\' three failures with the Go messages', () => {
    const t = new TestContext('checks', referenceImplementation());
    const message = (v: string, counts: number[]): string | null => {
      try {
        checkAppends(t, v, counts);
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(TestFailure);
        return (error as Error).message;
      }
    };
    expect(message('x 0 0 yx 1 0 yx 0 1 y', [2, 1])).toBeNull();
    expect(message('x 0 0 y', [2])).toBe('missing element in Append result');
    expect(message('x 0 0 yx 0 1 yx 0 0 y', [2])).toBe('duplicate element in Append result');
    expect(message('x 0 1 yx 0 0 y', [2])).toBe('wrong order for element in Append result');
  });

  it('should build the Go tests\' socket paths', () => {
    const t = new TestContext('paths', referenceImplementation());
    expect(t.port('basic', 2)).toBe('/var/tmp/824-1000/pb-3123-basic-2');
    expect(t.vsport('basic')).toBe('/var/tmp/824-1000/pb-3123-basicv-1');
    expect(t.viewserverPort('v')).toBe('/var/tmp/824-1000/viewserver-3123-v');
  });
});

describe('replaying a run', () => {
  it('should give the same trace when the run\'s decision log answers every decision', async () => {
    const first = await runScenario('partition1', { seed: 11 });
    const replayed = await runScenario('partition1', { seed: 11, chooser: new ReplayChooser(first.decisions) });
    expect(traceHash(replayed.trace)).toBe(traceHash(first.trace));
    expect(replayed.ok).toBe(first.ok);
  });
});
