// Your viewservice and pbservice, as rpcsim runs them: `npx rpcsim run viewservice --impl .`
// runs the 2015 viewservice test on them (`npx rpcsim list` names the others). rpcsim calls
// viewservice.StartServer / pbservice.StartServer in a process of its own for each server, and
// MakeClerk for the tests' clerks; everything else here is yours to change.

import type { Implementation } from 'rpcsim';
import * as viewservice from './viewservice/index.ts';
import * as pbservice from './pbservice/index.ts';

export { viewservice, pbservice };

/** The two packages as one value, for runScenario(name, { seed, impl: implementation }). A type
 *  error here says which function rpcsim needs and does not find. */
export const implementation: Implementation = { viewservice, pbservice };
