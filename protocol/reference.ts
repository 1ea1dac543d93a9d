// The reference implementation behind the implementation interface: this repository's
// viewservice and pbservice, with the catalogue's bug switches (protocol/bugs.ts) as the one knob.
// The scenarios never import it; the runner hands it to them when no other implementation is given.

import type { BugName } from './bugs.ts';
import type { Implementation } from './implementation.ts';
import { NO_BUGS } from './options.ts';
import { Clerk as PBClerk } from './pbservice/client.ts';
import { PBServer } from './pbservice/server.ts';
import { Clerk as ViewClerk } from './viewservice/client.ts';
import { ViewServer } from './viewservice/server.ts';

/** The reference servers and clerks, each with the catalogued bugs in `bugs` switched on. */
export function referenceImplementation(bugs: ReadonlySet<BugName> = NO_BUGS): Implementation {
  return {
    viewservice: {
      StartServer(me) {
        const vs = new ViewServer(me, bugs);
        vs.start();
        return vs;
      },
      MakeClerk: (me, server) => new ViewClerk(me, server),
    },
    pbservice: {
      StartServer(vshost, me) {
        const pb = new PBServer(vshost, me, bugs);
        pb.start();
        return pb;
      },
      MakeClerk: (vshost, me) => new PBClerk(vshost, me, bugs),
    },
  };
}
