// TestConcurrentSameUnreliable (spec §4.2, tag "csu"): TestConcurrentSame with both servers
// unreliable (10% of requests dropped, 18% executed with the reply lost), both keys written
// before the clients start, and the clients joined ("child failed") before the primary is read.

import { Second } from '../framework/lab.ts';
import type { Scenario } from '../framework/scenario.ts';
import { labFaults } from './common.ts';
import { testConcurrentSame } from './concurrent-same.ts';

export const concurrentSameUnreliable: Scenario = {
  name: 'concurrent-same-unreliable',
  description: 'TestConcurrentSameUnreliable: as concurrent-same, with both servers dropping requests and replies',
  boundMicros: 50 * Second,
  ...labFaults(['s1', 's2'], 9 * Second),
  run: (t) => testConcurrentSame(t, true),
};
