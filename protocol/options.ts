// Options every protocol constructor takes: a short process label for the trace and the set of
// catalogued bugs (protocol/bugs.ts) to switch on. Servers and clerks receive the same set; each
// looks only at its own bugs.

import type { BugName } from './bugs.ts';

export type { BugName } from './bugs.ts';

export interface ProtocolOptions {
  /** Short process label for the trace, e.g. "s1", "vs". */
  readonly name?: string;
  readonly bugs?: ReadonlySet<BugName>;
}

export const NO_BUGS: ReadonlySet<BugName> = new Set<BugName>();

export function bugsOf(options: ProtocolOptions): ReadonlySet<BugName> {
  return options.bugs ?? NO_BUGS;
}
