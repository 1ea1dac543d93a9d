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
  // Either server may restart early in the Puts (its first 200 PutAppends or Forwards, well
  // before the 5 s end): the other holds the state, the view is whole again long before the test
  // kills view1's primary, and the test's handle reaches the restarted server.
  ...labFaults(['s1', 's2'], 9 * Second, [
    { target: 's1', method: 'PBServer.PutAppend', nthMax: 200 },
    { target: 's2', method: 'PBServer.Forward', nthMax: 200 },
  ]),
  run: (t) => testConcurrentSame(t, true),
};
