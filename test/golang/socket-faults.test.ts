// The Go socket-fault plan's opt-in blocked-read wait (sim/golang/socket-faults.ts): off unless
// a plan says `"blockedReadWait": true` or the swarm draws it, and named in the fault summary
// that `go explore` and `go test --plan` print.

import { describe, expect, it } from 'vitest';
import { SeededChooser } from '../../sim/kernel/chooser.ts';
import { describeGoFaultPlan, drawSwarmPlan, NO_FAULTS, parseGoFaultPlan } from '../../sim/golang/socket-faults.ts';

describe('Go fault plan: blockedReadWait', () => {
  it('should be off in the default plan and in a plan that does not name it', () => {
    expect(NO_FAULTS.blockedReadWait).toBe(false);
    expect(parseGoFaultPlan({ dropReplyPerMille: 300 })).toMatchObject({ blockedReadWait: false });
    expect(describeGoFaultPlan(NO_FAULTS)).toBe('no faults');
  });

  it('should be on when a plan says true, and say so in the summary with its range', () => {
    const plan = parseGoFaultPlan({ blockedReadWait: true });
    expect(plan).toMatchObject({ blockedReadWait: true, dropReplyPerMille: 0 });
    expect(describeGoFaultPlan(plan as typeof NO_FAULTS)).toBe('blocked-read wait 20 µs to 10.24 ms');
  });

  it('should refuse a value that is not true or false', () => {
    expect(parseGoFaultPlan({ blockedReadWait: 1 })).toBe('blockedReadWait is true or false');
    expect(parseGoFaultPlan({ blockedReadWait: 'yes' })).toBe('blockedReadWait is true or false');
  });

  it('should be drawn by the swarm for about half the seeds, the same for the same seed', () => {
    const drawn = Array.from({ length: 200 }, (_, seed) => drawSwarmPlan(new SeededChooser(seed + 1)).blockedReadWait);
    expect(Array.from({ length: 200 }, (_, seed) => drawSwarmPlan(new SeededChooser(seed + 1)).blockedReadWait)).toEqual(drawn);
    const on = drawn.filter(Boolean).length;
    expect(on).toBeGreaterThan(70);
    expect(on).toBeLessThan(130);
  });
});
