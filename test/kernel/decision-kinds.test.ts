// Decision logs store each kind as its index in DECISION_KINDS (trace files carry those codes),
// and decisionKindCode is a hand-written switch kept fast for the hot path: it must agree with
// the list for every kind, or logs written today would replay as other questions tomorrow.

import { describe, expect, it } from 'vitest';
import { DECISION_KINDS, decisionKindCode } from '../../sim/kernel/chooser.ts';

describe('decision kind codes', () => {
  it('should give every kind its index in DECISION_KINDS', () => {
    expect(DECISION_KINDS.map((kind) => decisionKindCode(kind))).toEqual(DECISION_KINDS.map((_, index) => index));
  });
});
